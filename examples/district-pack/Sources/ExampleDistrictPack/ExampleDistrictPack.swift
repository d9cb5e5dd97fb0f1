import KaoheCore

/// The pack of an example district (示例区): its own checks, next to the shared ones.
public enum ExampleDistrictPack {
    public static let pack = Pack(id: "example-district", title: "示例区", checks: [CommunityReportCheck.self])
}
