import Foundation
import KaoheCore

/// The parts of a Kaohe result (SPEC §6) the ledger records: unit, as-of date and findings.
package struct ResultSummary: Sendable, Equatable {
    package struct FindingRecord: Sendable, Equatable {
        package var id: String
        package var item: String
        package var message: String
        package var severity: String
        package var action: String?
        package var due: Day?
        package var owner: String?

        package init(id: String, item: String, message: String, severity: String, action: String? = nil, due: Day? = nil, owner: String? = nil) {
            self.id = id
            self.item = item
            self.message = message
            self.severity = severity
            self.action = action
            self.due = due
            self.owner = owner
        }
    }

    package var unit: String
    package var unitName: String
    package var checklist: String
    package var asOf: Day
    package var findings: [FindingRecord]

    package init(unit: String, unitName: String, checklist: String, asOf: Day, findings: [FindingRecord]) {
        self.unit = unit
        self.unitName = unitName
        self.checklist = checklist
        self.asOf = asOf
        self.findings = findings
    }

    /// Severities that are problems to rectify; notices (reminders, 自评偏高) and rule errors are not.
    package static let recorded: Set<String> = ["veto", "major", "minor"]

    /// Reads result files written by `kaohe evaluate --format json|jsonl`: one result, a batch
    /// (`{"results": […]}`), or one result a line.
    /// Result files larger than this are refused before reading (a batch of 100,000 results in
    /// JSON Lines is about 800 MB).
    package static let maxBytes = 1 << 30
    /// A single JSON document is parsed whole, so it is kept smaller; big batches go as JSON Lines.
    package static let maxDocumentBytes = 64 << 20

    /// Reads the file; every problem is located (`file:line:col`) and all of them are reported
    /// together in the thrown `EngineFailure`.
    package static func read(path: String) throws -> [ResultSummary] {
        let start = SourceLocation(file: path, line: 1, column: 1)
        var diagnostics = Diagnostics()
        var sources = SourceStore()
        func fail() -> EngineFailure { EngineFailure(diagnostics, sources: sources) }
        if let problem = FileKind.problemReadingFile(at: path) {
            diagnostics.error(start, problem)
            throw fail()
        }
        let lines = path.hasSuffix(".jsonl")
        if case .regular(let size) = FileKind(at: path), size > (lines ? maxBytes : maxDocumentBytes) {
            diagnostics.error(start, lines ? "the file is larger than 1 GB; import results in several files"
                                           : "a JSON result file larger than 64 MB",
                              help: lines ? nil : "write big batches as JSON Lines: kaohe evaluate --format jsonl -o results.jsonl")
            throw fail()
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error(start, "cannot read the file")
            throw fail()
        }
        let hint = "write results with `kaohe evaluate --format json -o FILE` (or jsonl)"
        var nodes: [YAMLNode] = []
        var summaries: [ResultSummary] = []
        if lines {
            // Line by line, so a wrong file stops at its first errors instead of being decoded whole.
            var number = 0
            for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                number += 1
                guard diagnostics.errorCount < Diagnostics.maxErrorsPerFile else { break }
                guard let text = String(validating: line, as: UTF8.self) else {
                    sources.add(path: path, line: number, text: String(decoding: line, as: UTF8.self))
                    diagnostics.error(SourceLocation(file: path, line: number, column: 1), "not UTF-8 text", help: hint)
                    continue
                }
                guard !text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r\n" || $0 == "\r" }) else { continue }
                var parser = JSONNodeParser(text: text, path: path, firstLine: number)
                let before = diagnostics.errorCount
                do {
                    if let summary = parse(try parser.parseDocument(), diagnostics: &diagnostics) { summaries.append(summary) }
                } catch {
                    diagnostics.error(error.location, error.message, help: hint)
                }
                if diagnostics.errorCount > before { sources.add(path: path, line: number, text: text) }
            }
        } else {
            guard let text = String(validating: data, as: UTF8.self) else {
                sources.add(path: path, text: String(decoding: data, as: UTF8.self))
                diagnostics.error(start, "not a Kaohe result: the file is not UTF-8 text", help: hint)
                throw fail()
            }
            sources.add(path: path, text: text)
            var parser = JSONNodeParser(text: text, path: path, firstLine: 1)
            do {
                let root = try parser.parseDocument()
                nodes = root["results"].flatMap(\.sequence) ?? [root]
            } catch {
                diagnostics.error(error.location, "not a Kaohe result: \(error.message)", help: hint)
            }
        }
        for node in nodes {
            if let summary = parse(node, diagnostics: &diagnostics) { summaries.append(summary) }
        }
        if diagnostics.hasErrors { throw fail() }
        return summaries
    }

    static func parse(_ node: YAMLNode, diagnostics: inout Diagnostics) -> ResultSummary? {
        let needs = "a Kaohe result needs kaohe: 1, unit.id, checklist.id, as_of and findings"
        guard node.mapping != nil else {
            diagnostics.error(node.location, "not a Kaohe result: expected a JSON object", help: needs)
            return nil
        }
        func text(_ value: YAMLNode?, _ what: String) -> String? {
            guard let value else {
                diagnostics.error(node.location, "not a Kaohe result: \(what) is missing", help: needs)
                return nil
            }
            guard let scalar = value.scalar, !value.isNull else {
                diagnostics.error(value.location, "expected text for \(what)", help: needs)
                return nil
            }
            return scalar
        }
        guard node["kaohe"]?.scalar == "1" else {
            diagnostics.error(node["kaohe"]?.location ?? node.location, "not a Kaohe result: kaohe: 1 is missing", help: needs)
            return nil
        }
        guard let unitID = text(node["unit"]?["id"], "unit.id"), let checklist = text(node["checklist"]?["id"], "checklist.id"),
              let asOfText = text(node["as_of"], "as_of") else { return nil }
        guard let asOf = Day(asOfText) else {
            diagnostics.error(node["as_of"]?.location ?? node.location, "expected a date (YYYY-MM-DD) for as_of, found '\(asOfText)'")
            return nil
        }
        guard let findings = node["findings"]?.sequence else {
            diagnostics.error(node["findings"]?.location ?? node.location, "not a Kaohe result: findings must be a list", help: needs)
            return nil
        }
        let records = findings.compactMap { f -> FindingRecord? in
            guard let id = f["id"]?.scalar, let severity = f["severity"]?.scalar else { return nil }
            let rectify = f["rectify"]
            func optional(_ value: YAMLNode?) -> String? { value.flatMap { $0.isNull ? nil : $0.scalar } }
            return FindingRecord(id: id, item: optional(f["item"]) ?? "", message: optional(f["message"]) ?? "", severity: severity,
                                 action: optional(rectify?["action"]), due: optional(rectify?["due"]).flatMap { Day($0) },
                                 owner: optional(rectify?["owner"]))
        }
        let name = node["unit"]?["name"].flatMap { $0.isNull ? nil : $0.scalar } ?? unitID
        return ResultSummary(unit: unitID, unitName: name, checklist: checklist, asOf: asOf, findings: records)
    }
}

extension ResultSummary {
    /// What the ledger records of a result scored in this process (the web service's accepted
    /// submissions): the same as reading its JSON back.
    package init(_ result: UnitResult) {
        self.init(unit: result.unit.id, unitName: result.unit.name, checklist: result.checklistID, asOf: result.asOf,
                  findings: result.findings.map {
                      FindingRecord(id: $0.id, item: $0.item, message: $0.message, severity: $0.severity.rawValue,
                                    action: $0.action, due: $0.due, owner: $0.owner)
                  })
    }
}
