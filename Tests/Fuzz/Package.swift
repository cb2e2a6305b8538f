// swift-tools-version:6.0
// The libFuzzer harnesses (`make fuzz`, and `make conformance` for 60 s
// each). A package of its own, so that the main `swift build` and `swift
// test` never compile it; built with
//   swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// One binary serves every harness, chosen by PUBLISH_FUZZ=NAME: one link
// instead of one per harness.
import PackageDescription

let package = Package(
    name: "publish-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "publish", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "publish-fuzz",
            dependencies: [.product(name: "PublishModules", package: "publish")]),
    ]
)
