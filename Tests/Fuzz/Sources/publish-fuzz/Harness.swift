import Foundation

/// One libFuzzer binary for every harness: `PUBLISH_FUZZ=NAME` picks the
/// one that `LLVMFuzzerTestOneInput` runs. Each harness takes the input's
/// bytes, runs them the way `publish` does, and checks what must hold of
/// any input; anything else (an error thrown for bad input) is fine.
///
/// A harness that finds a broken promise calls `fuzzFailure`, which aborts:
/// libFuzzer saves the input as a crasher.
enum Harness: String, CaseIterable {
    case markdown, html, text, epub, atom, email, frontmatter, liquid, http, highlight

    var run: ([UInt8]) -> Void {
        switch self {
        case .markdown: MarkdownHarness.run
        case .html: WriterHarnesses.html
        case .text: WriterHarnesses.text
        case .epub: WriterHarnesses.epub
        case .atom: SiteHarnesses.atom
        case .email: SiteHarnesses.email
        case .frontmatter: FrontMatterHarness.run
        case .liquid: LiquidHarness.run
        case .http: HTTPHarness.run
        case .highlight: HighlightHarness.run
        }
    }
}

/// libFuzzer's driver: its `main` without being `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable target with `main` defined as
/// `<module>_main`, so libFuzzer's own `main` is never linked: this is it.
@_cdecl("publish_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzzTestOneInput)
}

nonisolated(unsafe) private var chosen: (([UInt8]) -> Void)?

/// Reads `PUBLISH_FUZZ` once, before the first input.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?,
                           _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    let names = Harness.allCases.map(\.rawValue).joined(separator: ", ")
    guard let name = ProcessInfo.processInfo.environment["PUBLISH_FUZZ"], let harness = Harness(rawValue: name) else {
        FileHandle.standardError.write(Data("publish-fuzz: set PUBLISH_FUZZ to one of: \(names)\n".utf8))
        exit(2)
    }
    chosen = harness.run
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    chosen?(bytes)
    return 0
}

/// A promise broken: printed, then the process aborts so libFuzzer keeps the input.
func fuzzFailure(_ message: String) -> Never {
    FileHandle.standardError.write(Data("publish-fuzz: \(message)\n".utf8))
    abort()
}
