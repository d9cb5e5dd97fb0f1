import KaoheCore

/// The `maonan` pack: 茂名市茂南区's brand-project checks for the 四有 standards.
public enum MaonanPack {
    /// The pack, to link into an executable (`KaoheMain.run(packs:)`) or an `Engine`.
    public static let pack = Pack(
        id: "maonan",
        title: "茂名市茂南区",
        checks: [],
        projectChecks: [DistinctBrandCheck.self]
    )

    /// The three project categories of Maonan's brand projects.
    public static let projectCategories = ["livelihood": "民生服务类", "demonstration": "示范创建类", "development": "引领发展类"]
}
