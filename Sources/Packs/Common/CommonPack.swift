import KaoheCore

/// The `common` pack: checks every district shares, from national Party regulations.
public enum CommonPack {
    /// The pack, to link into an executable (`KaoheMain.run(packs:)`) or an `Engine`.
    public static let pack = Pack(
        id: "common",
        title: "全国通用检查",
        checks: [
            TermExpiryCheck.self, MeetingFrequencyCheck.self, ThemeDayCheck.self, AnnualMeetingsCheck.self,
            BranchCompositionCheck.self, TemporaryOrganisationsCheck.self, DuesCheck.self, StudyHoursCheck.self,
        ]
    )
}
