import KaoheCore

/// A competition as the committee sees it on a round: its definition, what the store holds, and
/// the engine's outcome so far — before the finalists are named a preview over the submitted and
/// accepted units; once named, the frozen field up to the finalists; once scoring is closed, the
/// jury, the final ranking and the winners.
package struct CompetitionBoard: Sendable {
    package enum Stage: Sendable, Equatable {
        /// Daily scores may be entered; the outcome is a preview.
        case preview
        /// Finalists named; jurors are scoring.
        case scoring
        /// Scoring closed: the final figures.
        case closed
    }

    package var definition: Competition
    package var record: CompetitionRecord
    package var stage: Stage
    /// The units of the round with their names, for labels.
    package var units: [RoundUnit]
    package var outcome: CompetitionOutcome?
    /// Why there is no outcome (no unit in yet, or the engine's message).
    package var problem: String?

    /// Whether a daily score is needed: the final score gives it weight.
    package var needsDaily: Bool { (definition.weights[.daily] ?? 0) > 0 }

    /// Finalists in rank order, as named (or as the preview would name them).
    package var finalists: [String] {
        record.named?.finalists ?? outcome?.finalists.map(\.entry.unit.id) ?? []
    }

    package func name(of unit: String) -> String {
        units.first { $0.unit.id == unit }?.unit.name ?? unit
    }
}

/// A finalist as a juror sees it before scoring closes: the unit, its brand project, and the
/// juror's own points so far (dimension id → decimal text).
package struct JuryTask: Sendable {
    package var unit: KaoheCore.Unit
    package var project: ProjectResult?
    package var mine: [String: String]
}

/// What a competition run reads of the round for its field: each unit's draft and the on-site
/// score sheets that count, as §9 documents.
struct FieldInputs: Sendable {
    var round: String
    var units: [String]
    var assessments: [InlineDocument]
    var scoresheets: [InlineDocument]
}
