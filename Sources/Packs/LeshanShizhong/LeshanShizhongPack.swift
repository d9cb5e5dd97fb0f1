import KaoheCore

/// The `leshan-shizhong` pack: 乐山市市中区's own checks — the 三级五岗 responsibility list, the
/// 换届提醒 ledger, 巡察“回头看” follow-up, 一企一专员 pairing, 党务培训, village pairing (结对镇村)
/// and 双报到.
public enum LeshanShizhongPack {
    /// The pack, to link into an executable (`KaoheMain.run(packs:)`) or an `Engine`.
    public static let pack = Pack(
        id: "leshan-shizhong",
        title: "乐山市市中区",
        checks: [ResponsibilityListCheck.self, TermLedgerCheck.self, InspectionFollowUpCheck.self, EnterprisePairingCheck.self,
                 PartyAffairsTrainingCheck.self, VillagePairingCheck.self, DualRegistrationCheck.self]
    )
}
