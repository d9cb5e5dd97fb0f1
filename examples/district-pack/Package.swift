// swift-tools-version: 6.1
// A district's own Kaohe: the engine as a library, the shared packs, and one pack of its own.
// Build it with `swift build` here; run `.build/debug/district-kaohe --help`.
import PackageDescription

let package = Package(
    name: "ExampleDistrict",
    platforms: [.macOS(.v14)],
    dependencies: [
        // A district would name Kaohe's repository and a version here; the example uses this checkout.
        .package(name: "Kaohe", path: "../.."),
    ],
    targets: [
        .target(
            name: "ExampleDistrictPack",
            dependencies: [.product(name: "KaoheCore", package: "Kaohe")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "district-kaohe",
            dependencies: [
                "ExampleDistrictPack",
                .product(name: "KaoheCLI", package: "Kaohe"),
                .product(name: "KaoheCommon", package: "Kaohe"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "ExampleDistrictPackTests",
            dependencies: [
                "ExampleDistrictPack",
                .product(name: "KaoheCore", package: "Kaohe"),
                .product(name: "KaoheTestSupport", package: "Kaohe"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
