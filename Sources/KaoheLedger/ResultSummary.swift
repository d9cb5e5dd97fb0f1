import Foundation
import KaoheCore

/// The parts of a Kaohe result (SPEC §6) the ledger records: unit, as-of date and findings.
public struct ResultSummary: Sendable, Equatable {
    public struct FindingRecord: Sendable, Equatable {
        public var id: String
        public var item: String
        public var message: String
        public var severity: String
        public var action: String?
        public var due: Day?
        public var owner: String?

        public init(id: String, item: String, message: String, severity: String, action: String? = nil, due: Day? = nil, owner: String? = nil) {
            self.id = id
            self.item = item
            self.message = message
            self.severity = severity
            self.action = action
            self.due = due
            self.owner = owner
        }
    }

    public var unit: String
    public var unitName: String
    public var checklist: String
    public var asOf: Day
    public var findings: [FindingRecord]

    public init(unit: String, unitName: String, checklist: String, asOf: Day, findings: [FindingRecord]) {
        self.unit = unit
        self.unitName = unitName
        self.checklist = checklist
        self.asOf = asOf
        self.findings = findings
    }

    /// Severities that are problems to rectify; notices (reminders, 自评偏高) and rule errors are not.
    public static let recorded: Set<String> = ["veto", "major", "minor"]

    /// Reads result files written by `kaohe evaluate --format json|jsonl`: one result, a batch
    /// (`{"results": […]}`), or one result a line.
    public static func read(path: String) throws -> [ResultSummary] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LedgerError("\(path): cannot read the file")
        }
        let text = String(decoding: data, as: UTF8.self)
        var objects: [Any] = []
        do {
            if path.hasSuffix(".jsonl") {
                for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    objects.append(try JSONSerialization.jsonObject(with: Data(line.utf8)))
                }
            } else {
                let root = try JSONSerialization.jsonObject(with: data)
                if let batch = root as? [String: Any], let results = batch["results"] as? [Any] { objects = results } else { objects = [root] }
            }
        } catch {
            throw LedgerError("\(path): not a Kaohe result (JSON expected; write one with `kaohe evaluate --format json -o FILE`)")
        }
        return try objects.enumerated().map { index, object in try parse(object, where: "\(path) result \(index + 1)") }
    }

    static func parse(_ object: Any, where place: String) throws -> ResultSummary {
        guard let r = object as? [String: Any], r["kaohe"] as? Int == 1,
              let unit = r["unit"] as? [String: Any], let unitID = unit["id"] as? String,
              let checklist = (r["checklist"] as? [String: Any])?["id"] as? String,
              let asOfText = r["as_of"] as? String, let asOf = Day(asOfText),
              let findings = r["findings"] as? [[String: Any]] else {
            throw LedgerError("\(place): not a Kaohe result (needs kaohe: 1, unit, checklist, as_of and findings)")
        }
        let records = findings.compactMap { f -> FindingRecord? in
            guard let id = f["id"] as? String, let severity = f["severity"] as? String else { return nil }
            let rectify = f["rectify"] as? [String: Any]
            return FindingRecord(id: id, item: f["item"] as? String ?? "", message: f["message"] as? String ?? "", severity: severity,
                                 action: rectify?["action"] as? String, due: (rectify?["due"] as? String).flatMap { Day($0) },
                                 owner: rectify?["owner"] as? String)
        }
        return ResultSummary(unit: unitID, unitName: unit["name"] as? String ?? unitID, checklist: checklist, asOf: asOf, findings: records)
    }
}
