/// A YAML document as JSON that reads the same: the API gives drafts as §5 JSON whether the unit
/// typed YAML or JSON. The engine types a scalar by its text and whether it was quoted, so a
/// plain scalar stays unquoted where JSON allows (null, true, false, a number) and every other
/// scalar becomes a JSON string; keys are strings; comments are dropped. A plain number JSON
/// cannot write as typed (`+5`, `007`, `1.`) is written in its plain decimal form.
extension YAMLNode {
    package var json: String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    func write(into out: inout String, indent: String) {
        switch content {
        case .mapping(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (index, pair) in pairs.enumerated() {
                out += indent + "  " + JSONText.quote(pair.key.scalar ?? "") + ": "
                pair.value.write(into: &out, indent: indent + "  ")
                out += index == pairs.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        case .sequence(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += indent + "  "
                item.write(into: &out, indent: indent + "  ")
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .scalar(let text, let style):
            guard style == .plain else { out += JSONText.quote(text); return }
            if isNull { out += "null" } else if text == "true" || text == "false" || Self.isJSONNumber(text) { out += text } else if let number = DecimalMath.parse(text) {
                out += DecimalMath.format(number)
            } else {
                out += JSONText.quote(text)
            }
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?`: a number JSON writes as is (Kaohe's numbers have no exponent).
    static func isJSONNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let whole = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        guard !whole.isEmpty, whole.count == 1 || whole.first != UInt8(ascii: "0") else { return false }
        let rest = bytes.dropFirst(whole.count)
        if rest.isEmpty { return true }
        guard rest.first == UInt8(ascii: "."), rest.count > 1 else { return false }
        return rest.dropFirst().allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
