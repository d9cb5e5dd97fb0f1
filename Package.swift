// swift-tools-version: 6.1
import PackageDescription

// One set of settings for every target: Swift 6 mode, explicit existentials, strict imports.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Kaohe",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "KaoheCore", targets: ["KaoheCore"]),
        .library(name: "KaoheCommon", targets: ["KaoheCommon"]),
        .executable(name: "kaohe", targets: ["kaohe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // The engine: model, loading, expressions, evaluation, reports. No CLI code.
        .target(
            name: "KaoheCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // Rule packs: one module each, depending on the core only.
        .target(
            name: "KaoheCommon",
            dependencies: ["KaoheCore"],
            path: "Sources/Packs/Common",
            swiftSettings: swiftSettings
        ),
        // The command-line tool: thin subcommands over the library.
        .executableTarget(
            name: "kaohe",
            dependencies: [
                "KaoheCore",
                "KaoheCommon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Tests
        .testTarget(
            name: "KaoheCoreTests",
            dependencies: [
                "KaoheCore",
                "KaoheCommon",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KaoheCLITests",
            dependencies: ["kaohe"],
            swiftSettings: swiftSettings
        ),
    ]
)
