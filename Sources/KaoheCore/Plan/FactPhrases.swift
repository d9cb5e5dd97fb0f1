/// The wording of one fact's explanation lines, made once per plan: `title = ` before a number
/// or a date, `title：是` and `title：否` for a yes/no fact, and `title：` and ` 条` around the
/// count of a list's entries.
struct FactPhrases: Sendable {
    let value: Phrase
    let yes: Phrase
    let no: Phrase
    let listHead: Phrase
    let listTail: Phrase

    init(label: String, words: ExplanationWording) {
        value = Phrase(label + " = ")
        yes = Phrase(words.fact(label, .bool(true)))
        no = Phrase(words.fact(label, .bool(false)))
        listHead = Phrase(words.chinese ? label + "：" : label + ": ")
        listTail = Phrase(words.chinese ? " 条" : " entries")
    }

    /// The line that shows `value` (nil for a value these phrases do not word).
    func line(_ value: Value) -> ExplanationLine? {
        switch value {
        case .number(let n): return .valued(self.value, .number(n), nil)
        case .date(let day): return .valued(self.value, .day(day), nil)
        case .bool(let b): return .phrase(b ? yes : no)
        case .list(let items): return .valued(listHead, .count(items.count), listTail)
        default: return nil
        }
    }
}
