import Foundation

/// Decodes a unit's `facts:` mapping against a checklist's declarations into values by slot.
/// Every wrong type, out-of-range value and undeclared fact is reported, all at once.
package struct FactDecoder: Sendable {
    package let facts: [FactSpec]
    private let slots: [String: Int]
    /// How messages name a value and its declarer: a checklist's facts, a standards' fields.
    let noun: String
    let declarer: String

    package init(facts: [FactSpec], noun: String = "fact", declarer: String = "the checklist") {
        self.facts = facts
        self.noun = noun
        self.declarer = declarer
        var slots: [String: Int] = [:]
        for (slot, fact) in facts.enumerated() { slots[fact.name] = slot }
        self.slots = slots
    }

    /// Values by slot; a fact the unit did not give is `.missing([its name])`.
    package func decode(_ node: YAMLNode?, diagnostics: inout Diagnostics) -> [Value] {
        var values = facts.map { Value.missing([$0.name]) }
        guard let node else { return values }
        for pair in Scalars.mapping(node, "facts", &diagnostics) ?? [] {
            guard let name = pair.key.scalar else { continue }
            guard let slot = slots[name] else {
                diagnostics.error(pair.key.tokenLocation, "\(noun) '\(name)' is not declared by \(declarer)",
                                  help: Suggestion.didYouMean(name, in: slots.keys) ?? "remove it, or ask the authors of \(declarer) to declare it")
                continue
            }
            if pair.value.isNull { continue }
            if let value = decode(pair.value, as: facts[slot], diagnostics: &diagnostics) { values[slot] = value }
        }
        return values
    }

    /// One fact's value. `path` names where it stands when it is a list's element or a record's
    /// field (`meetings[3].type`, counted from 0 as in expressions), so a message says which one.
    func decode(_ node: YAMLNode, as fact: FactSpec, path: String? = nil, diagnostics: inout Diagnostics) -> Value? {
        let what = "\(noun) '\(path ?? fact.name)'" + (fact.title.map { "（\($0)）" } ?? "")
        switch fact.kind {
        case .int, .decimal:
            guard let number = Scalars.decimal(node, what, &diagnostics) else { return nil }
            return accept(.number(number), fact.breach(number: number), node, what, &diagnostics)
        case .bool:
            return Scalars.bool(node, what, &diagnostics).map(Value.bool)
        case .string, .enumeration:
            guard let text = Scalars.string(node, what, &diagnostics) else { return nil }
            return accept(.string(text), fact.breach(text: text), node, what, &diagnostics)
        case .date:
            return Scalars.date(node, what, &diagnostics).map(Value.date)
        case .duration:
            return Scalars.duration(node, what, &diagnostics).map(Value.duration)
        case .list(let element):
            guard let items = Scalars.sequence(node, what, &diagnostics) else { return nil }
            let elementSpec = FactSpec(name: fact.name, kind: element, title: fact.title, location: fact.location)
            let name = path ?? fact.name
            let values = items.enumerated().compactMap { index, item in
                decode(item, as: elementSpec, path: "\(name)[\(index)]", diagnostics: &diagnostics)
            }
            return values.count == items.count ? .list(values) : nil
        case .records(let fields):
            guard let items = Scalars.sequence(node, what, &diagnostics) else { return nil }
            let names = fields.map(\.name)
            let required = fields.filter { !$0.optional }.map(\.name)
            var records: [Value] = []
            var failed = false
            let name = path ?? fact.name
            for (index, item) in items.enumerated() {
                let reader = MappingReader(item, what: "a record of \(what)", allowed: names, required: required, diagnostics: &diagnostics)
                guard reader.isMapping else { failed = true; continue }
                var values: [Value] = []
                for field in fields {
                    guard let fieldNode = reader[field.name], !fieldNode.isNull else {
                        if field.optional { values.append(.missing(["\(fact.name).\(field.name)"])) } else { failed = true }
                        continue
                    }
                    guard let value = decode(fieldNode, as: field, path: "\(name)[\(index)].\(field.name)", diagnostics: &diagnostics) else {
                        failed = true
                        continue
                    }
                    values.append(value)
                }
                if values.count == fields.count { records.append(.record(names: names, values: values)) }
            }
            return failed ? nil : .list(records)
        }
    }

    /// `value`, or nil with the breach reported at the node.
    func accept(_ value: Value, _ breach: FactBreach?, _ node: YAMLNode, _ what: String, _ diagnostics: inout Diagnostics) -> Value? {
        guard let breach else { return value }
        diagnostics.error(node.tokenLocation, breach.message(what), help: breach.help)
        return nil
    }
}
