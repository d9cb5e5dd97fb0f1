import Foundation

/// Reads `facts:` declarations: `name: {type: int, min: 0, title: 党员人数}`.
struct FactParser {
    static let types = ["int", "decimal", "number", "bool", "string", "date", "duration", "enum", "list"]

    func parse(_ node: YAMLNode?, diagnostics: inout Diagnostics) -> [FactSpec] {
        guard let pairs = Scalars.mapping(node, "facts", &diagnostics) else { return [] }
        var facts: [FactSpec] = []
        var seen: [String: SourceLocation] = [:]
        for pair in pairs {
            guard let name = Scalars.identifier(pair.key, "a fact name", &diagnostics) else { continue }
            if let first = seen[name.value] {
                diagnostics.error(name.location, "fact '\(name.value)' is declared twice",
                                  notes: [.init(location: first, message: "first declared here")])
                continue
            }
            seen[name.value] = name.location
            if let fact = parseFact(name: name, pair.value, depth: 0, diagnostics: &diagnostics) { facts.append(fact) }
        }
        return facts
    }

    func parseFact(name: Located<String>, _ node: YAMLNode, depth: Int, diagnostics: inout Diagnostics) -> FactSpec? {
        if name.value.contains(".") {
            diagnostics.error(name.location, "a fact name cannot contain '.'", help: "use '_' instead")
        }
        let reader = MappingReader(node, what: "fact '\(name.value)'",
                                   allowed: ["type", "title", "min", "max", "one_of", "fields", "of", "description", "unit"] + (depth > 0 ? ["optional"] : []),
                                   required: ["type"], diagnostics: &diagnostics)
        guard reader.isMapping, let typeNode = reader["type"],
              let typeName = Scalars.string(typeNode, "the fact's type", &diagnostics) else { return nil }
        guard Self.types.contains(typeName) else {
            diagnostics.error(typeNode.tokenLocation, "unknown fact type '\(typeName)'",
                              help: Suggestion.didYouMean(typeName, in: Self.types) ?? "types are: \(Self.types.joined(separator: ", "))")
            return nil
        }
        var kind: FactSpec.Kind
        switch typeName {
        case "int": kind = .int
        case "decimal", "number": kind = .decimal
        case "bool": kind = .bool
        case "string": kind = .string
        case "date": kind = .date
        case "duration": kind = .duration
        case "enum":
            guard let values = Scalars.strings(reader["one_of"], "an enum's values", &diagnostics), !values.isEmpty else {
                if !reader.has("one_of") {
                    diagnostics.error(typeNode.tokenLocation, "an enum fact needs 'one_of' with its values", help: "one_of: [值一, 值二]")
                }
                return nil
            }
            kind = .enumeration(values)
        default:
            if let fieldsNode = reader["fields"] {
                guard depth == 0 else {
                    diagnostics.error(fieldsNode.location, "records inside records are not supported")
                    return nil
                }
                var fields: [FactSpec] = []
                for pair in Scalars.mapping(fieldsNode, "a list's fields", &diagnostics) ?? [] {
                    guard let fieldName = Scalars.identifier(pair.key, "a field name", &diagnostics) else { continue }
                    if let field = parseFact(name: fieldName, pair.value, depth: depth + 1, diagnostics: &diagnostics) {
                        fields.append(field)
                    }
                }
                kind = .records(fields)
            } else if let ofNode = reader["of"], let element = Scalars.string(ofNode, "the list's element type", &diagnostics) {
                let scalars: [String: FactSpec.Kind] = ["int": .int, "decimal": .decimal, "number": .decimal, "bool": .bool,
                                                         "string": .string, "date": .date, "duration": .duration]
                guard let elementKind = scalars[element] else {
                    diagnostics.error(ofNode.tokenLocation, "a list holds int, decimal, bool, string, date or duration values, not '\(element)'",
                                      help: "for records, give 'fields:' instead of 'of:'")
                    return nil
                }
                kind = .list(elementKind)
            } else {
                diagnostics.error(typeNode.tokenLocation, "a list fact needs 'fields:' (records) or 'of:' (plain values)")
                return nil
            }
        }
        var fact = FactSpec(name: name.value, kind: kind, title: Scalars.string(reader["title"], "a title", &diagnostics),
                            location: name.location)
        fact.optional = Scalars.bool(reader["optional"], "optional", &diagnostics) ?? false
        let numeric = kind == .int || kind == .decimal
        for key in ["min", "max"] where reader.has(key) {
            guard numeric else {
                diagnostics.error(reader.keyLocations[key] ?? name.location, "'\(key)' applies only to int and decimal facts")
                continue
            }
            let value = Scalars.decimal(reader[key], "'\(key)'", &diagnostics)
            if key == "min" { fact.min = value } else { fact.max = value }
        }
        if let min = fact.min, let max = fact.max, min > max {
            diagnostics.error(reader.keyLocations["max"] ?? name.location, "max \(DecimalMath.format(max)) is below min \(DecimalMath.format(min))")
        }
        if typeName != "enum", let oneOfNode = reader["one_of"] {
            var values: [Value] = []
            for element in Scalars.sequence(oneOfNode, "one_of", &diagnostics) ?? [] {
                switch kind {
                case .int, .decimal:
                    if let n = Scalars.decimal(element, "a one_of value", &diagnostics) { values.append(.number(n)) }
                case .string:
                    if let s = Scalars.string(element, "a one_of value", &diagnostics) { values.append(.string(s)) }
                default:
                    diagnostics.error(oneOfNode.location, "one_of applies to int, decimal, string and enum facts")
                }
            }
            fact.oneOf = values
        }
        return fact
    }
}
