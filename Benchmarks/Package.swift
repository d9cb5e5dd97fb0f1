// swift-tools-version: 6.1
// Micro-benchmarks for Kaohe with ordo-one/benchmark:  cd Benchmarks && swift package benchmark
// (A package of its own so the main build and CI do not build the benchmark machinery.)
import Foundation
import PackageDescription

// A local package's identity is its folder's name, whatever the clone is called.
let kaohe = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "KaoheBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "KaoheBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "KaoheCore", package: kaohe),
                .product(name: "KaoheBundledPacks", package: kaohe),
                .product(name: "KaoheCommon", package: kaohe),
                .product(name: "KaoheLeshanShizhong", package: kaohe),
                .product(name: "KaoheMaonan", package: kaohe),
            ],
            path: "Benchmarks/KaoheBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
