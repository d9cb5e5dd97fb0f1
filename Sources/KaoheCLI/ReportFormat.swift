import ArgumentParser
import KaoheCore

/// The report formats `evaluate` writes; a closed set, so a typo is a usage error.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl, markdown, html, csv

    static func render(_ format: ReportFormat, _ batch: Batch, plan: ChecklistPlan) -> String {
        switch format {
        case .table: return TableReport.render(batch, plan: plan)
        case .json: return ResultJSON.render(batch)
        case .jsonl: return ParallelMap.map(batch.inputOrder, chunk: 256) { ResultJSON.object($0).text + "\n" }.joined()
        case .markdown: return MarkdownReport.render(batch, plan: plan)
        case .html: return HTMLReport.render(batch, plan: plan)
        case .csv: return CSVReport.render(batch, plan: plan)
        }
    }
}
