/// The fixed words of explanation lines, in the checklist's locale: Chinese (`zh-Hans`, the
/// default) or English (any `en` locale). Explanations are for people (SPEC §6): facts are named
/// by their titles, numbers are rounded as reports show them, and points read 得 3 分.
struct ExplanationWording: Sendable {
    let chinese: Bool

    init(locale: String) {
        chinese = !locale.lowercased().hasPrefix("en")
    }

    /// `4 分` / `4 points`.
    func points(_ value: Rational) -> String {
        chinese ? "\(Self.number(value)) 分" : "\(Self.number(value)) point\(value == 1 ? "" : "s")"
    }

    func yesNo(_ value: Bool) -> String { chinese ? (value ? "是" : "否") : (value ? "yes" : "no") }

    /// A fact and its value: `理论学习次数 = 10`, `已制定运行规则：是`, `会议记录：16 条`.
    func fact(_ title: String, _ value: Value) -> String {
        switch value {
        case .bool(let b): return "\(title)\(chinese ? "：" : ": ")\(yesNo(b))"
        case .list(let items): return chinese ? "\(title)：\(items.count) 条" : "\(title): \(items.count) entries"
        case .missing: return chinese ? "\(title)：未填写" : "\(title): not given"
        case .number(let n): return "\(title) = \(Self.number(n))"
        default: return "\(title) = \(value.display)"
        }
    }

    func condition(_ text: String, _ holds: Bool) -> String {
        chinese ? "条件 \(text) \(holds ? "成立" : "不成立")" : "condition \(text) \(holds ? "holds" : "does not hold")"
    }

    func applies(_ text: String, _ holds: Bool) -> String {
        chinese ? "适用条件 \(text) \(holds ? "成立" : "不成立 → 不涉及")" : "applies when \(text): \(holds ? "yes" : "no → not applicable")"
    }

    /// `… → 4 分`.
    func gives(_ line: String, _ awarded: Rational) -> String { "\(line) → \(points(awarded))" }

    func computed(_ text: String, _ value: Rational, clampedTo clamped: Rational, of full: Rational) -> String {
        let head = chinese ? "计算 \(text) = \(Self.number(value))" : "\(text) = \(Self.number(value))"
        if clamped == value { return gives(head, value) }
        if value > full { return head + (chinese ? " → 超过满分，计 \(points(clamped))" : " → above the full score, \(points(clamped))") }
        return head + (chinese ? " → 低于 0，计 \(points(clamped))" : " → below zero, \(points(clamped))")
    }

    func step(_ subject: String, _ value: Rational, reaches minimum: Rational, _ awarded: Rational) -> String {
        "\(subject) = \(Self.number(value))" + stepTail(reaches: minimum, awarded)
    }

    /// What follows the value in a step's line: ` ≥ 20 → 2 分`.
    func stepTail(reaches minimum: Rational, _ awarded: Rational) -> String {
        " ≥ \(Self.number(minimum)) → \(points(awarded))"
    }

    func belowSteps(_ subject: String, _ value: Rational, lowest: Rational) -> String {
        "\(subject) = \(Self.number(value))" + belowTail(lowest: lowest)
    }

    /// What follows the value when no step is reached: `，未达最低档 2 → 0 分`.
    func belowTail(lowest: Rational) -> String {
        chinese ? "，未达最低档 \(Self.number(lowest)) → 0 分" : ", below the lowest step \(Self.number(lowest)) → 0 points"
    }

    func ratio(of: String, _ a: Rational, over: String, _ b: Rational, ratio: Rational, fullAt: Rational,
               points full: Rational, share: Rational, awarded: Rational) -> String {
        var line = "\(of) ÷ \(over) = \(Self.number(a)) ÷ \(Self.number(b)) = \(Self.percent(ratio))"
        let arrow = chinese && fullAt != 1 ? "→ " : " → "
        if fullAt != 1 { line += chinese ? "（达到 \(Self.percent(fullAt)) 得满分）" : " (full points at \(Self.percent(fullAt)))" }
        if share == 1 { return line + arrow + (chinese ? "满分 \(points(full))" : "full \(points(full))") }
        return line + arrow + "\(Self.number(full)) × \(Self.percent(share)) = \(points(awarded))"
    }

    func overZero(_ over: String, full: Bool, _ awarded: Rational) -> String {
        chinese ? "\(over) = 0，按规则\(full ? "得满分" : "不得分") → \(points(awarded))"
            : "\(over) = 0, scored as \(full ? "full" : "zero") → \(points(awarded))"
    }

    func count(_ subject: String, _ value: Rational) -> String {
        chinese ? "扣分次数：\(subject) = \(Self.number(value))" : "times to deduct: \(subject) = \(Self.number(value))"
    }

    func deduction(per: Rational, count: Rational, cap: Rational, points full: Rational, awarded: Rational) -> String {
        if count == 0 { return chinese ? "无扣分 → 满分 \(points(full))" : "nothing to deduct → full \(points(full))" }
        let product = per * count
        var line = chinese ? "每次扣 \(Self.number(per)) 分 × \(Self.number(count)) = \(Self.number(product)) 分"
            : "\(Self.number(per)) × \(Self.number(count)) = \(Self.number(product)) off"
        if product > cap { line += chinese ? "，最多扣 \(Self.number(cap)) 分" : ", at most \(Self.number(cap))" }
        return line + " → \(Self.number(full)) − \(Self.number(min(product, cap))) = \(points(awarded))"
    }

    /// The line that names a check once, before its own lines.
    func check(_ title: String, _ id: String) -> String {
        chinese ? "按「\(title)」检查（\(id)）：" : "check \(title) (\(id)):"
    }

    func share(_ share: Rational, of full: Rational, _ awarded: Rational) -> String {
        if share == 1 { return chinese ? "符合要求 → 满分 \(points(full))" : "met → full \(points(full))" }
        return "\(Self.number(full)) × \(share.shareText) = \(points(awarded))"
    }

    /// A number as reports show it: rounded half-up to 2 decimals, no trailing zeros.
    static func number(_ value: Rational) -> String { DecimalMath.format(value.rounded(scale: 2)) }

    /// `37.5%`, `41.67%`.
    static func percent(_ value: Rational) -> String { DecimalMath.format((value * 100).rounded(scale: 2)) + "%" }
}

extension Rational {
    /// A share of the points for people: `0.4`, `2/3`, `5/7`; the decimal rounded to four places
    /// when neither is short.
    public var shareText: String {
        if let decimals = Rational.decimalScale(of: denominator), decimals <= 4 { return decimalText }
        if denominator <= 100 { return "\(numerator)/\(denominator)" }
        return rounded(scale: 4).decimalText
    }
}
