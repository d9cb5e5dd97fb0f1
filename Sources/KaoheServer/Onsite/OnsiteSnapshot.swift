import KaoheCore

/// Every on-site score of a unit (or a round) and the committee's decisions where two assessors
/// differed, read in one transaction. What the engine is given is `effective`: per item the
/// decided score, else the only one, else the one all assessors agree on; an item whose
/// assessors differ and which nobody has decided yet is `disputed` and scored as unverified.
package struct OnsiteSnapshot: Sendable, Equatable {
    package var scores: [OnsiteEntry]
    /// The chosen assessor by unit and item.
    package var decisions: [Key: String]

    package struct Key: Sendable, Hashable {
        package var unit: String
        package var item: String

        package init(unit: String, item: String) {
            self.unit = unit
            self.item = item
        }
    }

    package init(scores: [OnsiteEntry], decisions: [Key: String]) {
        self.scores = scores
        self.decisions = decisions
    }

    /// The scores and decisions of these units only.
    package func only(units: Set<String>) -> OnsiteSnapshot {
        OnsiteSnapshot(scores: scores.filter { units.contains($0.unit) }, decisions: decisions.filter { units.contains($0.key.unit) })
    }

    /// Scores by unit and item, each list in assessor order.
    var byItem: [Key: [OnsiteEntry]] {
        Dictionary(grouping: scores) { Key(unit: $0.unit, item: $0.item) }.mapValues { $0.sorted { $0.assessor < $1.assessor } }
    }

    /// The score the engine uses for each unit and item that has one.
    package var effective: [OnsiteEntry] {
        byItem.compactMap { key, entries in
            if let chosen = decisions[key] { return entries.first { $0.assessor == chosen } }
            return Self.agree(entries) ? entries.first : nil
        }.sorted { ($0.unit, $0.item) < ($1.unit, $1.item) }
    }

    /// Items two or more assessors scored differently, not yet decided, with every score.
    package var disputed: [Key: [OnsiteEntry]] {
        byItem.filter { key, entries in decisions[key] == nil && !Self.agree(entries) }
    }

    static func agree(_ entries: [OnsiteEntry]) -> Bool {
        let points = Set(entries.map { DecimalMath.parse($0.points) })
        return points.count <= 1
    }

    /// The effective scores as §9 score sheets (`kind: scoresheet`, JSON), one per unit and
    /// assessor: what `kaohe evaluate --scoresheets` reads to give the same results.
    package func sheets(round: String) -> [InlineDocument] {
        let groups = Dictionary(grouping: effective) { "\($0.unit)/\($0.assessor)" }
        return groups.keys.sorted().compactMap { key in
            guard let entries = groups[key], let first = entries.first else { return nil }
            let scores = entries.map { entry in
                var score = "\"points\": \(entry.points), \"method\": \(JSONText.quote(entry.method))"
                if let note = entry.note { score += ", \"note\": \(JSONText.quote(note))" }
                return "    \(JSONText.quote(entry.item)): {\(score)}"
            }
            let text = """
                {"kaohe": 1, "kind": "scoresheet", "assessor": \(JSONText.quote(first.assessorName)), "unit": \(JSONText.quote(first.unit)),
                  "scores": {
                \(scores.joined(separator: ",\n"))
                  }}

                """
            return InlineDocument(path: "\(round)/onsite/\(first.unit)-\(first.assessor).json", text: text)
        }
    }
}
