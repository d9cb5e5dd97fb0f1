import KaoheCore
import KaoheLedger

/// Where the web service keeps users, sessions, rounds, drafts, results and its history, next to
/// the ledger. Every method is one transaction: a killed server leaves each record as before or
/// after a call. State moves are compare-and-set inside the transaction, so two requests racing
/// on one draft can never both win or leave a mix.
package protocol ServerStore: Sendable {
    /// The rectification ledger kept in the same database.
    var ledger: any LedgerStore { get }

    func addUser(_ user: User, passwordHash: String) throws(ServiceError)
    func user(_ id: String) throws(ServiceError) -> (user: User, passwordHash: String)?
    func users() throws(ServiceError) -> [User]
    func setPassword(_ id: String, hash: String) throws(ServiceError)
    func setDisabled(_ id: String, _ disabled: Bool) throws(ServiceError)
    /// Records a sign-in attempt: a failure counts towards the lockout, a success clears it.
    func recordSignIn(_ id: String, succeeded: Bool, at now: Int64) throws(ServiceError) -> User

    func createSession(_ session: Session) throws(ServiceError)
    func session(_ digest: String) throws(ServiceError) -> Session?
    func touchSession(_ digest: String, at now: Int64) throws(ServiceError)
    func deleteSession(_ digest: String) throws(ServiceError)

    func openRound(_ round: Round, units: [KaoheCore.Unit]) throws(ServiceError)
    func rounds() throws(ServiceError) -> [Round]
    func closeRound(_ id: String) throws(ServiceError)
    func units(of round: String) throws(ServiceError) -> [RoundUnit]

    /// Saves a new version of a draft, with its history entry; refused (409) once submitted or accepted.
    func saveDraft(round: String, unit: String, document: String, by actor: String, at now: Int64) throws(ServiceError) -> Int
    func latestDraft(round: String, unit: String) throws(ServiceError) -> DraftVersion?
    func draftVersions(round: String, unit: String) throws(ServiceError) -> [DraftVersion]
    /// Freezes draft `version` (still the latest) with its result, scored by `score` on the unit's
    /// on-site scores inside the same transaction, with its history entry.
    func submit(round: String, unit: String, version: Int, by actor: String, at now: Int64,
                score: (OnsiteSnapshot) throws -> StoredResult) throws(ServiceError) -> StoredResult
    func returnSubmission(round: String, unit: String, reason: String, by actor: String, at now: Int64) throws(ServiceError)
    /// Accepts a submission and records its findings (from `findings`, on the on-site scores the
    /// transaction sees) in the ledger, in one transaction.
    func accept(round: String, unit: String, by actor: String, at now: Int64,
                findings: (OnsiteSnapshot) throws -> ResultSummary) throws(ServiceError) -> ImportSummary
    func result(round: String, unit: String) throws(ServiceError) -> String?

    /// Assigns an assessor (an account with the assessor role) to score a unit on site.
    func assign(round: String, unit: String, assessor: String, by actor: String, at now: Int64) throws(ServiceError)
    func unassign(round: String, unit: String, assessor: String, by actor: String, at now: Int64) throws(ServiceError)
    func assignments(round: String) throws(ServiceError) -> [Assignment]
    /// Every on-site score and decision of the round, or of one unit in it.
    func onsite(round: String, unit: String?) throws(ServiceError) -> OnsiteSnapshot
    /// Keeps an assessor's score of an item (theirs replaced, others' kept) with its history entry;
    /// a submitted unit's result is `rescore`d in the same transaction.
    func saveOnsiteScore(_ entry: OnsiteEntry, by actor: String, at now: Int64,
                         rescore: (OnsiteSnapshot, _ draft: String) throws -> StoredResult) throws(ServiceError)
    /// Chooses which assessor's score of a disputed item counts.
    func decideOnsite(round: String, unit: String, item: String, assessor: String, by actor: String, at now: Int64,
                      rescore: (OnsiteSnapshot, _ draft: String) throws -> StoredResult) throws(ServiceError)

    /// A competition's daily scores, field, finalists, jurors, jury scores and close, in a round.
    func competition(round: String, competition: String) throws(ServiceError) -> CompetitionRecord
    /// Sets or clears a daily score (日常掌握); refused once the finalists are named.
    func saveDaily(round: String, competition: String, unit: String, points: String?, by actor: String, at now: Int64) throws(ServiceError)
    /// Freezes the field (the accepted units) and the finalists `choose` picks from it and the
    /// record as this transaction sees it (`choose` must not read through the store).
    func nameFinalists(round: String, competition: String, by actor: String, at now: Int64,
                       choose: (_ field: [String], _ record: CompetitionRecord) throws -> [String]) throws(ServiceError) -> CompetitionRecord.Named
    func assignJuror(round: String, competition: String, juror: String, by actor: String, at now: Int64) throws(ServiceError)
    /// Removes a juror with every score they gave.
    func unassignJuror(round: String, competition: String, juror: String, by actor: String, at now: Int64) throws(ServiceError)
    /// Replaces a juror's scores of one finalist, every dimension at once.
    func saveJuryScores(round: String, competition: String, juror: String, unit: String, scores: [(dimension: String, points: String)],
                        at now: Int64) throws(ServiceError)
    /// Closes scoring, once `check` accepts the record this transaction sees.
    func closeCompetition(round: String, competition: String, by actor: String, at now: Int64,
                          check: (CompetitionRecord) throws -> Void) throws(ServiceError)

    /// Stores a published 月通报 as it is; returns its number.
    func publishReport(_ report: PublishedReport) throws(ServiceError) -> Int64
    /// Every published report, newest first.
    func reports() throws(ServiceError) -> [PublishedReport]
    func report(_ id: Int64) throws(ServiceError) -> PublishedReport?

    func audit(_ entry: AuditEntry) throws(ServiceError)
    func auditEntries() throws(ServiceError) -> [AuditEntry]
    /// Problems with the history's hash chain; empty when intact.
    func verifyAudit() throws(ServiceError) -> [String]
}
