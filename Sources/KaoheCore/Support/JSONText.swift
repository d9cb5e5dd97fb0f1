/// Minimal JSON writing helpers: we write JSON by hand to control key order and number form.
package enum JSONText {
    /// Appends `text` as a JSON string to `out`.
    package static func append(_ text: String, to out: inout String) {
        if isPlain(text) {
            out += "\""
            out += text
            out += "\""
        } else {
            out += quote(text)
        }
    }

    /// Appends `text` as a JSON string, or `null` when there is none.
    package static func append(_ text: String?, to out: inout String) {
        if let text { append(text, to: &out) } else { out += "null" }
    }

    /// Whether `text` needs no escaping: no control character, quote or backslash. Scanned on
    /// its contiguous UTF-8 bytes (every native string has them), a few instructions a byte.
    static func isPlain(_ text: String) -> Bool {
        func plain(_ byte: UInt8) -> Bool { byte >= 0x20 && byte != 0x22 && byte != 0x5C }
        if let answer = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            for byte in bytes where !plain(byte) { return false }
            return true
        }) {
            return answer
        }
        return text.utf8.allSatisfy(plain)
    }

    package static func quote(_ text: String) -> String {
        if isPlain(text) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
