import Foundation
import KaoheCore

/// How alike two Chinese texts are: the Dice coefficient of their character bigrams, after
/// punctuation and spaces are removed (so 「红色引擎」 and 红色引擎 are the same name).
enum TextSimilarity {
    static let ignored = CharacterSet.punctuationCharacters.union(.whitespacesAndNewlines).union(.symbols)

    static func normalized(_ text: String) -> [Character] {
        Array(String(String.UnicodeScalarView(text.unicodeScalars.filter { !ignored.contains($0) })))
    }

    /// Words every brand name uses (工程、行动、驿站…): a name is judged by what remains, so
    /// 「匠心工程」 and 「同心工程」 are not copies of each other.
    static let genericWords = ["先锋队", "服务站", "服务队", "工程", "行动", "驿站", "计划", "品牌", "党建"]

    static func core(of name: String) -> String {
        var text = String(normalized(name))
        for word in genericWords { text = text.replacingOccurrences(of: word, with: "") }
        return text.isEmpty ? String(normalized(name)) : text
    }

    static func dice(_ a: String, _ b: String) -> Rational {
        let x = bigrams(normalized(a)), y = bigrams(normalized(b))
        guard !x.isEmpty || !y.isEmpty else { return 1 }
        var counts: [String: Int] = [:]
        for bigram in x { counts[bigram, default: 0] += 1 }
        var common = 0
        for bigram in y where (counts[bigram] ?? 0) > 0 {
            counts[bigram, default: 0] -= 1
            common += 1
        }
        return Rational(2 * common) / Rational(x.count + y.count)
    }

    /// True when one normalised text contains the other (a name with a suffix added).
    static func contains(_ a: String, _ b: String) -> Bool {
        let x = String(normalized(a)), y = String(normalized(b))
        guard x.count >= 2, y.count >= 2 else { return false }
        return x.contains(y) || y.contains(x)
    }

    static func bigrams(_ characters: [Character]) -> [String] {
        guard characters.count >= 2 else { return characters.map(String.init) }
        return (0..<(characters.count - 1)).map { String(characters[$0]) + String(characters[$0 + 1]) }
    }
}
