// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "stukken",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Stukken", targets: ["Stukken"]),
        .executable(name: "stukken", targets: ["StukkenCommand"]),
    ],
    dependencies: [
        // Exactly 6.2.2: 5.0.1 silently keeps the last of two duplicate keys.
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // Only the StukkenServer target (stukken serve) uses it; the library stays free of it.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
        // Hummingbird's own; named for the request-line guard of `stukken serve`.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),
    ],
    targets: [
        // libcmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "Stukken",
            dependencies: [
                "CMarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // `stukken serve`: the local web form. Its own target so the core library does not
        // depend on Hummingbird.
        .target(
            name: "StukkenServer",
            dependencies: [
                "Stukken",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "StukkenCommand",
            dependencies: [
                "Stukken",
                "StukkenServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer targets (Scripts/fuzz.sh builds them with -sanitize=fuzzer,address; in a
        // normal build each is an empty program).
        .executableTarget(name: "FuzzDocument", dependencies: ["Stukken"]),
        .executableTarget(name: "FuzzMeeting", dependencies: ["Stukken"]),
        .testTarget(
            name: "StukkenTests",
            dependencies: [
                "Stukken",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Goldens", "Fixtures"]
        ),
        .testTarget(
            name: "StukkenServerTests",
            dependencies: [
                "StukkenServer",
                "Stukken",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
