import PublishHighlight

enum HighlightHarness {
    /// Every lexer file, in a fixed order.
    static let languages = Array(Set(LexerCatalog.standard.names.values)).sorted()

    /// The first byte picks a language, the rest is its code: it is
    /// highlighted, or left plain for taking too long; highlighted runs
    /// cover the code exactly and never cut a character in two.
    static func run(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let language = languages[Int(first) % languages.count]
        let code = String(decoding: bytes.dropFirst(), as: UTF8.self)
        switch Highlighter.highlight(code, language: language) {
        case .unknownLanguage:
            fuzzFailure("the lexer file \(language).yml does not compile")
        case .tooCostly:
            return
        case .highlighted(let runs):
            let utf8 = Array(code.utf8)
            var offset = 0
            for run in runs {
                guard run.length > 0 else { fuzzFailure("\(language): an empty run") }
                offset += run.length
                guard offset <= utf8.count else { fuzzFailure("\(language): runs longer than the code") }
                if offset < utf8.count, utf8[offset] & 0xC0 == 0x80 {
                    fuzzFailure("\(language): a run ends inside a character, at byte \(offset)")
                }
            }
            guard offset == utf8.count else { fuzzFailure("\(language): runs cover \(offset) of \(utf8.count) bytes") }
        }
    }
}
