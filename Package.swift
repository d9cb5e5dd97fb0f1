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
        .library(name: "KaoheLeshanShizhong", targets: ["KaoheLeshanShizhong"]),
        .library(name: "KaoheMaonan", targets: ["KaoheMaonan"]),
        .library(name: "KaoheBundledPacks", targets: ["KaoheBundledPacks"]),
        .library(name: "KaoheLedger", targets: ["KaoheLedger"]),
        .library(name: "KaoheCLI", targets: ["KaoheCLI"]),
        .library(name: "KaoheTestSupport", targets: ["KaoheTestSupport"]),
        .library(name: "KaoheFuzzTargets", targets: ["KaoheFuzzTargets"]),
        .executable(name: "kaohe", targets: ["kaohe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
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
        .target(
            name: "KaoheLeshanShizhong",
            dependencies: ["KaoheCore"],
            path: "Sources/Packs/LeshanShizhong",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KaoheMaonan",
            dependencies: ["KaoheCore"],
            path: "Sources/Packs/Maonan",
            swiftSettings: swiftSettings
        ),
        // The one list of the packs this repository ships.
        .target(
            name: "KaoheBundledPacks",
            dependencies: ["KaoheCore", "KaoheCommon", "KaoheLeshanShizhong", "KaoheMaonan"],
            path: "Sources/Packs/Bundled",
            swiftSettings: swiftSettings
        ),
        // Where the ledger and the web service keep their tables: one small SQL interface with
        // two backends, SQLite through GRDB (a file, the default) and PostgreSQL through postgres-nio.
        .target(
            name: "KaoheStorage",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The rectification ledger (整改台账) on either backend, and the monthly report.
        .target(
            name: "KaoheLedger",
            dependencies: ["KaoheCore", "KaoheStorage"],
            swiftSettings: swiftSettings
        ),
        // The web service's operations (SPEC §12): accounts, sessions, rounds, drafts, results, its
        // history, on the ledger's database. No HTTP here: the pages and the API call it.
        .target(
            name: "KaoheServer",
            dependencies: [
                "KaoheCore", "KaoheLedger", "KaoheStorage",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: swiftSettings
        ),
        // `kaohe serve`: the pages and the JSON API on Hummingbird, over KaoheServer.
        .target(
            name: "KaoheWeb",
            dependencies: [
                "KaoheCore", "KaoheLedger", "KaoheServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        // The command line as a library (thin subcommands over the core), so a district can
        // build its own executable with its own pack.
        .target(
            name: "KaoheCLI",
            dependencies: [
                "KaoheCore",
                "KaoheLedger",
                "KaoheServer",
                "KaoheWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        // For the store tests: a scratch database on each backend the run has.
        .target(
            name: "KaoheStorageTestSupport",
            dependencies: ["KaoheStorage"],
            swiftSettings: swiftSettings
        ),
        // For pack authors' tests: runs every check's examples as Swift Testing expectations.
        .target(
            name: "KaoheTestSupport",
            dependencies: ["KaoheCore"],
            swiftSettings: swiftSettings
        ),
        // The bundled executable: the CLI with every pack of this repository and the rules/ folder.
        .executableTarget(
            name: "kaohe",
            dependencies: ["KaoheCore", "KaoheCLI", "KaoheBundledPacks", "KaoheBundledRules"],
            swiftSettings: swiftSettings
        ),
        // rules/ validated and compiled in at build time.
        .target(
            name: "KaoheBundledRules",
            swiftSettings: swiftSettings,
            plugins: ["EmbedRules"]
        ),
        // The tool behind the plugins: validates rules, writes the embedded copy.
        .executableTarget(
            name: "kaohe-rules",
            dependencies: ["KaoheCore", "KaoheBundledPacks"],
            path: "Sources/KaoheRulesTool",
            swiftSettings: swiftSettings
        ),

        // Fuzzing: the targets (a library, also run by the tests over the committed corpora)
        // and a replay tool for saved inputs. The libFuzzer build is the package in fuzz/.
        .target(
            name: "KaoheFuzzTargets",
            dependencies: ["KaoheCore", "KaoheBundledPacks"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "kaohe-fuzz",
            dependencies: ["KaoheFuzzTargets"],
            swiftSettings: swiftSettings
        ),

        // Plugins
        .plugin(
            name: "EmbedRules",
            capability: .buildTool(),
            dependencies: ["kaohe-rules"]
        ),
        .plugin(
            name: "ValidateRules",
            capability: .command(
                intent: .custom(verb: "validate-rules", description: "Check the rules/ folder and print every problem with its location")
            ),
            dependencies: ["kaohe-rules"]
        ),
        // Tests
        .testTarget(
            name: "KaoheCoreTests",
            dependencies: [
                "KaoheCore",
                "KaoheCommon",
                "KaoheLeshanShizhong",
                "KaoheMaonan",
                "KaoheBundledPacks",
                "KaoheLedger",
                "KaoheServer",
                "KaoheTestSupport",
                "KaoheFuzzTargets",
                "KaoheStorage",
                "KaoheStorageTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KaoheServerTests",
            dependencies: ["KaoheServer", "KaoheWeb", "KaoheCore", "KaoheLedger", "KaoheBundledPacks", "KaoheStorage", "KaoheStorageTestSupport",
                           .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "NIOEmbedded", package: "swift-nio"), .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KaoheCLITests",
            dependencies: ["kaohe", "kaohe-rules", "KaoheCore", "KaoheLedger", "KaoheServer", "KaoheBundledPacks", "KaoheStorageTestSupport",
                           .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
    ]
)
