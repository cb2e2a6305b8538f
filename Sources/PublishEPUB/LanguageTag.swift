/// BCP 47 language tags as far as a package needs them: a front matter
/// `lang: Chinese` must not become a `dc:language` epubcheck refuses.
enum LanguageTag {
    /// `text` when it is a well-formed tag (`en`, `zh-CN`, `zh-Hant-TW`),
    /// else nil.
    static func wellFormed(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
              parts.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        return text
    }
}
