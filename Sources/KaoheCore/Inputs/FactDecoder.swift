import Foundation

/// Decodes a unit's `facts:` mapping against a checklist's declarations into values by slot.
/// Every wrong type, out-of-range value and undeclared fact is reported, all at once.
public struct FactDecoder: Sendable {
    public let facts: [FactSpec]
    private let slots: [String: Int]
    /// How messages name a value and its declarer: a checklist's facts, a standards' fields.
    let noun: String
    let declarer: String

    public init(facts: [FactSpec], noun: String = "fact", declarer: String = "the checklist") {
        self.facts = facts
        self.noun = noun
        self.declarer = declarer
        var slots: [String: Int] = [:]
        for (slot, fact) in facts.enumerated() { slots[fact.name] = slot }
        self.slots = slots
    }

    /// Values by slot; a fact the unit did not give is `.missing([its name])`.
    public func decode(_ node: YAMLNode?, diagnostics: inout Diagnostics) -> [Value] {
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

    func decode(_ node: YAMLNode, as fact: FactSpec, diagnostics: inout Diagnostics) -> Value? {
        let what = "\(noun) '\(fact.name)'" + (fact.title.map { "（\($0)）" } ?? "")
        switch fact.kind {
        case .int, .decimal:
            guard let number = Scalars.decimal(node, what, &diagnostics) else { return nil }
            if fact.kind == .int && !DecimalMath.isWhole(number) {
                diagnostics.error(node.tokenLocation, "\(what) must be a whole number, not \(DecimalMath.format(number))")
                return nil
            }
            if fact.kind == .int && number.magnitude > Rational(Int64.max) {
                diagnostics.error(node.tokenLocation, "\(what) is \(DecimalMath.format(number)), past the range of a whole number",
                                  help: "a count fits in 64 bits (at most 9223372036854775807); check for a typing slip")
                return nil
            }
            if let min = fact.min, number < min {
                diagnostics.error(node.tokenLocation, "\(what) is \(DecimalMath.format(number)), below its minimum \(DecimalMath.format(min))")
                return nil
            }
            if let max = fact.max, number > max {
                diagnostics.error(node.tokenLocation, "\(what) is \(DecimalMath.format(number)), above its maximum \(DecimalMath.format(max))")
                return nil
            }
            if let allowed = fact.oneOf, !allowed.contains(.number(number)) {
                diagnostics.error(node.tokenLocation, "\(what) must be one of \(allowed.map(\.literal).joined(separator: ", ")), not \(DecimalMath.format(number))")
                return nil
            }
            return .number(number)
        case .bool:
            return Scalars.bool(node, what, &diagnostics).map(Value.bool)
        case .string:
            guard let text = Scalars.string(node, what, &diagnostics) else { return nil }
            if let allowed = fact.oneOf, !allowed.contains(.string(text)) {
                diagnostics.error(node.tokenLocation, "\(what) must be one of \(allowed.map(\.display).joined(separator: "、")), not '\(text)'")
                return nil
            }
            return .string(text)
        case .enumeration(let allowed):
            guard let text = Scalars.string(node, what, &diagnostics) else { return nil }
            guard allowed.contains(text) else {
                diagnostics.error(node.tokenLocation, "\(what) must be one of \(allowed.joined(separator: "、")), not '\(text)'",
                                  help: Suggestion.didYouMean(text, in: allowed))
                return nil
            }
            return .string(text)
        case .date:
            return Scalars.date(node, what, &diagnostics).map(Value.date)
        case .duration:
            return Scalars.duration(node, what, &diagnostics).map(Value.duration)
        case .list(let element):
            guard let items = Scalars.sequence(node, what, &diagnostics) else { return nil }
            let elementSpec = FactSpec(name: fact.name, kind: element, title: fact.title, location: fact.location)
            let values = items.compactMap { decode($0, as: elementSpec, diagnostics: &diagnostics) }
            return values.count == items.count ? .list(values) : nil
        case .records(let fields):
            guard let items = Scalars.sequence(node, what, &diagnostics) else { return nil }
            let names = fields.map(\.name)
            let required = fields.filter { !$0.optional }.map(\.name)
            var records: [Value] = []
            var failed = false
            for item in items {
                let reader = MappingReader(item, what: "a record of \(what)", allowed: names, required: required, diagnostics: &diagnostics)
                guard reader.isMapping else { failed = true; continue }
                var values: [Value] = []
                for field in fields {
                    guard let fieldNode = reader[field.name], !fieldNode.isNull else {
                        if field.optional { values.append(.missing(["\(fact.name).\(field.name)"])) } else { failed = true }
                        continue
                    }
                    guard let value = decode(fieldNode, as: field, diagnostics: &diagnostics) else {
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
}
