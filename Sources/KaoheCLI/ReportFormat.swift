import ArgumentParser
import KaoheCore

/// The report formats `evaluate` writes; a closed set, so a typo is a usage error.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl, markdown, html, csv

    /// The formats `--brief` applies to: the machine-readable ones.
    var takesBrief: Bool { self == .json || self == .jsonl }

    static func render(_ format: ReportFormat, _ batch: Batch, plan: ChecklistPlan, brief: Bool = false) -> String {
        switch format {
        case .table: return TableReport.render(batch, plan: plan)
        case .json: return ResultJSON.render(batch, brief: brief)
        case .jsonl: return ParallelMap.map(batch.inputOrder, chunk: 256) { ResultJSON.line($0, brief: brief) }.joined()
        case .markdown: return MarkdownReport.render(batch, plan: plan)
        case .html: return HTMLReport.render(batch, plan: plan)
        case .csv: return CSVReport.render(batch, plan: plan)
        }
    }
}
