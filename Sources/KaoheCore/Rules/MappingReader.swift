import Foundation

/// Reads a YAML mapping as a typed object: reports unknown keys (with "did you mean"),
/// missing required keys and wrong value types, all into one `Diagnostics`.
struct MappingReader {
    let node: YAMLNode
    let what: String
    private(set) var values: [String: YAMLNode] = [:]
    private(set) var keyLocations: [String: SourceLocation] = [:]
    let isMapping: Bool

    /// Reads `node` as `what` (an item, a section…). `required` keys missing are errors.
    init(_ node: YAMLNode, what: String, allowed: [String], required: [String] = [],
         diagnostics: inout Diagnostics) {
        self.node = node
        self.what = what
        guard case .mapping(let pairs) = node.content else {
            isMapping = false
            diagnostics.error(node.tokenLocation, "expected \(what) (a mapping of keys to values), found \(node.kindDescription)")
            return
        }
        isMapping = true
        for pair in pairs {
            guard let key = pair.key.scalar else {
                diagnostics.error(pair.key.location, "a key in \(what) must be a plain name")
                continue
            }
            guard allowed.contains(key) else {
                let help = Suggestion.didYouMean(key, in: allowed)
                    ?? "the keys of \(what) are: \(allowed.joined(separator: ", "))"
                diagnostics.error(pair.key.tokenLocation, "unknown key '\(key)' in \(what)", help: help)
                continue
            }
            values[key] = pair.value
            keyLocations[key] = pair.key.tokenLocation
        }
        for key in required where values[key] == nil {
            diagnostics.error(node.location, "\(what) is missing required key '\(key)'",
                              help: "add '\(key): …'")
        }
    }

    subscript(key: String) -> YAMLNode? { values[key] }

    func has(_ key: String) -> Bool { values[key] != nil }
}

/// Decoders for scalar values: each reports what it expected and returns nil on a mismatch.
enum Scalars {
    static func string(_ node: YAMLNode?, _ what: String, _ diagnostics: inout Diagnostics) -> String? {
        guard let node else { return nil }
        guard let text = node.scalar, !node.isNull else {
            diagnostics.error(node.tokenLocation, "expected text for \(what), found \(node.kindDescription)")
            return nil
        }
        return text
    }

    static func identifier(_ node: YAMLNode?, _ what: String, _ diagnostics: inout Diagnostics) -> Located<String>? {
        guard let node, let text = string(node, what, &diagnostics) else { return nil }
        let valid = !text.isEmpty && text.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) && $0 != " "
        }
        if !valid {
            diagnostics.error(node.tokenLocation, "'\(text)' is not a valid id for \(what)",
                              help: "ids are letters, digits, '-', '_' and '.', without spaces")
        }
        return Located(text, at: node.tokenLocation)
    }

    static func decimal(_ node: YAMLNode?, _ what: String, _ diagnostics: inout Diagnostics) -> Rational? {
        guard let node else { return nil }
        guard case .scalar(let text, .plain) = node.content, let value = DecimalMath.parse(text) else {
            diagnostics.error(node.tokenLocation, "expected a number for \(what), found \(node.kindDescription)",
                              help: numberHelp(node.scalar ?? ""))
            return nil
        }
        return value
    }

    /// Why a scalar is not a number Kaohe reads, when that can be told.
    static func numberHelp(_ text: String) -> String? {
        if DecimalMath.parse(text) != nil { return "write the number without quotes" }
        let lowered = text.lowercased()
        if [".nan", "nan", ".inf", "-.inf", "+.inf", "inf", "infinity", "-infinity"].contains(lowered) {
            return "NaN and infinity are not scores or counts; write a plain number such as 12 or 3.5"
        }
        if text.contains("e") || text.contains("E"), text.first?.isNumber == true {
            return "write the number in plain digits, without an exponent"
        }
        let digits = text.filter(\.isASCII).filter(\.isNumber).count
        if digits > 38, digits == text.count - (text.hasPrefix("-") ? 1 : 0) - (text.contains(".") ? 1 : 0) {
            return "numbers have at most 38 significant digits"
        }
        if text.contains(where: { "零一二三四五六七八九十百千万两".contains($0) }) {
            return "write the number in Arabic digits, e.g. 12 for 十二"
        }
        if text.contains(where: { $0 >= "０" && $0 <= "９" }) {
            return "write the number with half-width digits (0-9), not full-width ones"
        }
        return nil
    }

    static func nonNegative(_ node: YAMLNode?, _ what: String, _ diagnostics: inout Diagnostics) -> Rational? {
        guard let value = decimal(node, what, &diagnostics), let node else { return nil }
        if value < 0 {
            diagnostics.error(node.tokenLocation, "\(what) must not be negative")
            return nil
        }
        return value
    }

    static func bool(_ node: YAMLNode?, _ what: String, _ diagnostics: inout Diagnostics) -> Bool? {
        guard let node else { return nil }
        guard case .scalar(let text, .plain) = node.content, text == "true" || text == "false" else {
            diagnostics.error(node.tokenLocation, "expected true or false for \(what), found \(node.kindDescription)")
            return nil
        }
        return text == "true"
    }

    static func date(_ node: YAMLNode?, _ what: String, _ diagnostics: inout Diagnostics) -> Day? {
        guard let node else { return nil }
        guard let text = node.scalar, let day = Day(text) else {
            diagnostics.error(node.tokenLocation, "expected a date (YYYY-MM-DD) for \(what), found \(node.kindDescription)",
                              help: "a date must exist in the calendar, e.g. 2026-02-28")
            return nil
        }
        return day
    }

    static func duration(_ node: YAMLNode?, _ what: String, _ diagnostics: inout Diagnostics) -> Duration? {
        guard let node else { return nil }
        guard let text = node.scalar, let value = Duration(text) else {
            diagnostics.error(node.tokenLocation, "expected a duration for \(what), found \(node.kindDescription)",
                              help: "write a whole number with d, w, mo or y: 30d, 6mo, 1y")
            return nil
        }
        return value
    }

    static func sequence(_ node: YAMLNode?, _ what: String, _ diagnostics: inout Diagnostics) -> [YAMLNode]? {
        guard let node else { return nil }
        if node.isNull { return [] }
        guard case .sequence(let items) = node.content else {
            diagnostics.error(node.tokenLocation, "expected a list for \(what), found \(node.kindDescription)",
                              help: "write it as [a, b] or as lines starting with '- '")
            return nil
        }
        return items
    }

    static func mapping(_ node: YAMLNode?, _ what: String, _ diagnostics: inout Diagnostics) -> [YAMLNode.Pair]? {
        guard let node else { return nil }
        if node.isNull { return [] }
        guard case .mapping(let pairs) = node.content else {
            diagnostics.error(node.tokenLocation, "expected a mapping for \(what), found \(node.kindDescription)")
            return nil
        }
        return pairs
    }

    static func strings(_ node: YAMLNode?, _ what: String, _ diagnostics: inout Diagnostics) -> [String]? {
        guard let items = sequence(node, what, &diagnostics) else { return nil }
        return items.compactMap { string($0, what, &diagnostics) }
    }

    static func identifiers(_ node: YAMLNode?, _ what: String, _ diagnostics: inout Diagnostics) -> [Located<String>]? {
        guard let items = sequence(node, what, &diagnostics) else { return nil }
        return items.compactMap { identifier($0, what, &diagnostics) }
    }

    static func expression(_ node: YAMLNode?, _ what: String, _ sources: SourceStore, _ diagnostics: inout Diagnostics) -> ExpressionSource? {
        guard let node else { return nil }
        guard node.scalar != nil, !node.isNull else {
            diagnostics.error(node.tokenLocation, "expected an expression for \(what), found \(node.kindDescription)")
            return nil
        }
        return ExpressionSource(node: node, sources: sources)
    }
}

extension MappingReader {
    /// True when the document has no `kind:` or the one expected; otherwise an error at it.
    func expectKind(_ kind: String, _ diagnostics: inout Diagnostics) -> Bool {
        guard let node = self["kind"] else { return true }
        guard node.scalar == kind else {
            diagnostics.error(node.tokenLocation, "expected kind: \(kind), found \(node.kindDescription)")
            return false
        }
        return true
    }
}
