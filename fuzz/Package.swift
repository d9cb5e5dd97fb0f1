// swift-tools-version: 6.1
// The libFuzzer build of Kaohe's fuzz targets (see fuzz/run.sh). A package of its own, so that
// `--sanitize=fuzzer` (which gives libFuzzer the program's `main`) touches only what it needs.
import Foundation
import PackageDescription

// A local package's identity is its folder's name, whatever the clone is called.
let kaohe = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "KaoheFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "kaohe-libfuzzer",
            dependencies: [.product(name: "KaoheFuzzTargets", package: kaohe)],
            path: "Entry",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
