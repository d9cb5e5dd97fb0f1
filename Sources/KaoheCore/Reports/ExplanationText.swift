/// `kaohe explain`'s text: the item's status and points, each step behind them, its findings.
public enum ExplanationText {
    /// The explanation as `kaohe explain` prints it.
    public static func render(_ e: ItemExplanation) -> String {
        guard let found = e.item else {
            return "\(e.id)：" + (e.findings.isEmpty ? "未触发\n" : "\n")
                + e.findings.map { "  \($0.id)  \($0.message)  扣 \(DecimalMath.format($0.deduction, decimals: 2))\n" }.joined()
        }
        var out = "\(e.unit.name)（\(e.unit.id)）— \(found.id) \(found.title)\n"
        out += "状态：\(found.status.label)（\(found.status.rawValue)）  得分：\(DecimalMath.format(found.awarded, decimals: 2)) / \(DecimalMath.format(found.points))"
        out += found.selfScore.map { "  自评：\(DecimalMath.format($0, decimals: 2))" } ?? ""
        out += "\n\n依据：\n" + found.explain.enumerated().map { "  \($0.offset + 1). \($0.element)\n" }.joined()
        if !e.findings.isEmpty {
            out += "\n问题：\n" + e.findings.map { f in
                "  \(f.id)  \(f.message)  扣 \(DecimalMath.format(f.deduction, decimals: 2))" + (f.due.map { "  期限 \($0)" } ?? "") + "\n"
            }.joined()
        }
        return out
    }
}
