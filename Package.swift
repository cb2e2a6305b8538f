// swift-tools-version:6.0
import PackageDescription

/// The lexer files in `assets/highlight`, listed in `Embedded.swift` too
/// (a test holds the two lists and the folder alike).
let highlightFiles = [
    "languages.yml",
    "c.yml", "console.yml", "cpp.yml", "csharp.yml", "css.yml", "diff.yml", "docker.yml", "go.yml", "hcl.yml",
    "html.yml", "ini.yml", "java.yml", "javascript.yml", "json.yml", "kotlin.yml", "liquid.yml", "lua.yml",
    "make.yml", "markdown.yml", "nginx.yml", "php.yml", "plaintext.yml", "python.yml", "ruby.yml", "rust.yml",
    "sass.yml", "scss.yml", "shell.yml", "sql.yml", "swift.yml", "terraform.yml", "toml.yml", "typescript.yml", "xml.yml",
    "yaml.yml",
]

let package = Package(
    name: "publish",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "publish", targets: ["publish"]),
        // The modules as a library, for the fuzzing package in Tests/Fuzz
        // (its own package, so `swift build` here never compiles it).
        .library(name: "PublishModules",
                 targets: ["PublishAST", "PublishReader", "PublishStages", "PublishWriters", "PublishPipeline",
                           "PublishLiquid", "PublishHighlight", "PublishHTML", "PublishAtom", "PublishEPUB", "PublishEmail",
                           "PublishDelivery"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.30.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
    ],
    targets: [
        // System libraries, found through pkg-config; `make deps` installs them.
        .systemLibrary(
            name: "CCmark", pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(
            name: "CLibZip", pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"]), .brew(["libzip"])]),
        .systemLibrary(
            name: "CLibSass", pkgConfig: "libsass",
            providers: [.apt(["libsass-dev"]), .brew(["libsass"])]),

        .target(name: "PublishAST"),
        // Liquid templates: a parser and renderer with liquid-ruby's semantics,
        // knowing nothing of posts or sites.
        .target(name: "PublishLiquid"),
        .target(
            name: "PublishReader",
            dependencies: ["PublishAST", "CCmark", .product(name: "Yams", package: "Yams")]),
        .target(name: "PublishWriters", dependencies: ["PublishAST"]),
        // Code highlighting: lexers kept as data (`assets/highlight`, compiled
        // in through a link) run by a regular-expression engine of its own,
        // knowing nothing of posts.
        .target(
            name: "PublishHighlight",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: highlightFiles.map { .embedInCode("highlight/\($0)") }),
        .target(name: "PublishStages", dependencies: ["PublishAST", "PublishHighlight"]),
        // `pipelines/*.yml`, compiled in through links in its folder.
        .target(name: "PublishDefaults", resources: [.embedInCode("default.yml")]),
        .target(name: "PublishPipeline",
                dependencies: ["PublishAST", "PublishReader", "PublishStages", "PublishDefaults", "PublishLiquid", "PublishWriters",
                               "PublishHighlight",
                               .product(name: "Crypto", package: "swift-crypto")]),
        // The HTML site. Its theme is `assets/theme`, compiled in through a link.
        .target(
            name: "PublishHTML",
            dependencies: ["CLibSass", "PublishAST", "PublishLiquid", "PublishPipeline", "PublishWriters", "PublishHighlight"],
            resources: [
                .embedInCode("theme/_layouts/default.html"), .embedInCode("theme/_layouts/post.html"),
                .embedInCode("theme/_layouts/page.html"), .embedInCode("theme/_layouts/home.html"),
                .embedInCode("theme/_layouts/archive.html"), .embedInCode("theme/theme.css"),
            ]),
        // Atom feeds with RFC 5005 archives, and JSON Feed.
        .target(name: "PublishAtom", dependencies: ["PublishAST", "PublishPipeline", "PublishWriters"]),
        // EPUB books. Its stylesheet is `assets/epub`, compiled in through a link.
        .target(
            name: "PublishEPUB",
            dependencies: ["PublishAST", "PublishPipeline", "PublishWriters", "PublishHighlight", "CLibXML2", "CLibZip",
                           .product(name: "Crypto", package: "swift-crypto")],
            resources: [.embedInCode("epub/book.css")]),
        // A post as a newsletter message: MIME, RFC 2047, DKIM. Its theme is
        // `assets/email`, compiled in through a link.
        .target(
            name: "PublishEmail",
            dependencies: ["PublishAST", "PublishPipeline", "PublishWriters", "PublishHighlight",
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "_CryptoExtras", package: "swift-crypto")],
            resources: [.embedInCode("theme/styles.txt")]),
        // An SMTP client on SwiftNIO: STARTTLS or implicit TLS, AUTH after TLS,
        // one transaction per recipient, connection reuse.
        .target(
            name: "PublishSMTP",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]),
        // Subscribers, the send ledger and the sender: SQLite through GRDB.
        .target(
            name: "PublishDelivery",
            dependencies: ["PublishAST", "PublishPipeline", "PublishWriters", "PublishEmail", "PublishSMTP",
                           .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]),
        .target(
            name: "PublishCLI",
            dependencies: [
                "PublishAST", "PublishReader", "PublishWriters", "PublishPipeline", "PublishHTML", "PublishAtom",
                "PublishEPUB", "PublishLiquid", "PublishHighlight",
                "PublishEmail", "PublishSMTP", "PublishDelivery",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]),
        .executableTarget(name: "publish", dependencies: ["PublishCLI"]),
        // `make bench`'s template row: PublishLiquid against swift-mustache on one layout.
        .executableTarget(name: "publish-template-bench",
                          dependencies: ["PublishLiquid", .product(name: "Mustache", package: "swift-mustache")]),

        .target(name: "TestSupport", path: "Tests/Support"),
        .testTarget(name: "PublishASTTests", dependencies: ["PublishAST", "TestSupport"]),
        .testTarget(name: "PublishLiquidTests", dependencies: ["PublishLiquid"]),
        .testTarget(name: "PublishHighlightTests", dependencies: ["PublishHighlight"], exclude: ["Snippets"]),
        .testTarget(name: "PublishReaderTests",
                    dependencies: ["PublishReader", "TestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "PublishStagesTests",
                    dependencies: ["PublishStages", "PublishPipeline", "PublishReader", "PublishWriters", "TestSupport"]),
        .testTarget(name: "PublishPipelineTests", dependencies: ["PublishPipeline", "TestSupport"]),
        .testTarget(name: "PublishWritersTests", dependencies: ["PublishWriters", "PublishReader", "TestSupport"]),
        .testTarget(name: "PublishHTMLTests", dependencies: ["PublishHTML", "PublishLiquid", "PublishPipeline"]),
        .testTarget(name: "PublishAtomTests",
                    dependencies: ["PublishAtom", "PublishPipeline", "PublishAST", "PublishWriters", "TestSupport"]),
        .testTarget(name: "PublishEPUBTests",
                    dependencies: ["PublishEPUB", "PublishPipeline", "PublishReader", "TestSupport"]),
        .testTarget(name: "PublishEmailTests",
                    dependencies: ["PublishEmail", "PublishPipeline", "PublishAST", "PublishReader", "TestSupport"]),
        .testTarget(name: "PublishSMTPTests",
                    dependencies: ["PublishSMTP", "TestSupport",
                                   .product(name: "NIOCore", package: "swift-nio"),
                                   .product(name: "NIOPosix", package: "swift-nio"),
                                   .product(name: "NIOSSL", package: "swift-nio-ssl")]),
        .testTarget(name: "PublishDeliveryTests",
                    dependencies: ["PublishDelivery", "PublishEmail", "PublishSMTP", "PublishPipeline", "PublishAST",
                                   "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                                   .product(name: "NIOConcurrencyHelpers", package: "swift-nio")]),
        // Runs the built `publish` executable as a user would.
        .testTarget(name: "PublishCLITests", dependencies: ["publish", "PublishEmail", "TestSupport"]),
    ]
)
