// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "wangchao",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wangchao", targets: ["wangchao"]),
        .library(name: "WangchaoCore", targets: ["WangchaoCore"]),
        .library(name: "WangchaoGeo", targets: ["WangchaoGeo"]),
        .library(name: "WangchaoStore", targets: ["WangchaoStore"]),
        .library(name: "WangchaoServer", targets: ["WangchaoServer"]),
        .library(name: "WangchaoTesting", targets: ["WangchaoTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0", traits: ["FullFoundation"]),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.3.0"),
        // Already built for HummingbirdTesting; the benchmark uses it as a real HTTP client.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.30.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        // Pure domain: areas, units, categories, roles, cases and their lifecycle. No I/O.
        .target(
            name: "WangchaoCore",
            resources: [.copy("Resources/categories.json")],
            swiftSettings: swiftSettings
        ),
        // The demo district: real towns and codes, tiled polygons, staff and a month of cases. Pure.
        .target(
            name: "WangchaoDemo",
            dependencies: ["WangchaoCore"],
            resources: [.copy("Resources/xiaoshan-areas.tsv")],
            swiftSettings: swiftSettings
        ),
        // Geometry: point-in-polygon, a spatial index, point → area chain, GeoJSON import/export. Pure.
        .target(
            name: "WangchaoGeo",
            dependencies: ["WangchaoCore"],
            swiftSettings: swiftSettings
        ),
        // Persistence behind one protocol; SQLite (GRDB, WAL, synchronous=FULL) is the embedded default.
        .target(
            name: "WangchaoStore",
            dependencies: [
                "WangchaoCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The Hummingbird application: route table, authentication, JSON API, errors, metrics.
        .target(
            name: "WangchaoServer",
            dependencies: [
                "WangchaoCore",
                "WangchaoStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                // KDF.Scrypt for password hashes.
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        // Shared fixtures for every test target (and for a second store backend's conformance run).
        .target(
            name: "WangchaoTesting",
            dependencies: ["WangchaoCore", "WangchaoStore"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "wangchao",
            dependencies: [
                "WangchaoCore",
                "WangchaoStore",
                "WangchaoServer",
                "WangchaoDemo",
                "WangchaoGeo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "WangchaoCoreTests", dependencies: ["WangchaoCore", "WangchaoTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "WangchaoDemoTests", dependencies: ["WangchaoDemo", "WangchaoCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "WangchaoGeoTests", dependencies: ["WangchaoGeo", "WangchaoDemo", "WangchaoTesting"],
            swiftSettings: swiftSettings),
        .testTarget(name: "WangchaoStoreTests", dependencies: ["WangchaoStore", "WangchaoTesting"], swiftSettings: swiftSettings),
        .testTarget(
            name: "WangchaoServerTests",
            dependencies: [
                "WangchaoServer", "WangchaoTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
