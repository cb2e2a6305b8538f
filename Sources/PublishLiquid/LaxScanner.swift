import Foundation

/// liquid-ruby's forgiving readings, made with its own regular expressions
/// (Ruby's `\w` and `\s` are ASCII, so they are spelled out here). Only
/// markup that the strict parser refused, and tags that liquid-ruby always
/// reads this way, come here; templates are parsed once, so speed matters
/// little.
enum LaxScanner {
    static let w = "[a-zA-Z0-9_]"
    static let s = "[ \\t\\n\\x0B\\f\\r]"
    static let quotedString = "\"[^\"]*\"|'[^']*'"
    static let quotedFragment = "(?:\(quotedString)|(?:[^ \\t\\n\\x0B\\f\\r,|'\"]|\(quotedString))+)"
    static let tagAttributes = "(\(w)[a-zA-Z0-9_-]*)\(s)*:\(s)*(\(quotedFragment))"

    static func regex(_ pattern: String) -> NSRegularExpression {
        // The patterns are constants of this file; one that does not compile is a bug here.
        try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
    }

    private static let fragment = regex(quotedFragment)
    private static let filterChunk = regex("(?:\(s)+|\(quotedFragment)|,)+")
    private static let word = regex("\(w)+")
    private static let filterArgument = regex("(?::|,)\(s)*((?:\(w)+\(s)*:\(s)*)?\(quotedFragment))")
    private static let keyword = regex("\\A(\(w)[a-zA-Z0-9_-]*)\(s)*:\(s)*(\(quotedFragment))\\z")
    private static let attributes = regex(tagAttributes)

    /// All matches of `regex` in `text`, each as its groups (0 is the whole match).
    static func matches(_ regex: NSRegularExpression, in text: Substring) -> [[Substring?]] {
        let string = String(text)
        let whole = NSRange(string.startIndex..., in: string)
        return regex.matches(in: string, range: whole).map { match in
            (0..<match.numberOfRanges).map { group in
                guard let range = Range(match.range(at: group), in: string) else { return nil }
                let lower = text.utf8.index(text.startIndex, offsetBy: string.utf8.distance(from: string.startIndex, to: range.lowerBound))
                let upper = text.utf8.index(lower, offsetBy: string.utf8.distance(from: range.lowerBound, to: range.upperBound))
                return text[lower..<upper]
            }
        }
    }

    /// The first match of `regex`, anchored or not as the pattern says.
    static func firstMatch(_ regex: NSRegularExpression, in text: Substring) -> [Substring?]? {
        let string = String(text)
        guard let match = regex.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) else { return nil }
        return (0..<match.numberOfRanges).map { group in
            guard let range = Range(match.range(at: group), in: string) else { return nil }
            let lower = text.utf8.index(text.startIndex, offsetBy: string.utf8.distance(from: string.startIndex, to: range.lowerBound))
            let upper = text.utf8.index(lower, offsetBy: string.utf8.distance(from: range.lowerBound, to: range.upperBound))
            return text[lower..<upper]
        }
    }

    /// Where the first quoted or unquoted fragment is.
    static func quotedFragment(in text: Substring) -> Range<Substring.Index>? {
        guard let match = firstMatch(fragment, in: text), let found = match[0] else { return nil }
        return found.startIndex..<found.endIndex
    }

    /// The filters after the first `|`: runs of blanks, fragments and commas.
    static func filterChunks(_ text: Substring) -> [Substring] {
        matches(filterChunk, in: RubyString.lstrip(text)).compactMap { $0[0] }
    }

    static func firstWord(in chunk: Substring) -> Substring? {
        firstMatch(word, in: chunk)?[0]
    }

    /// Each argument of a filter chunk: what follows a `:` or `,`.
    static func filterArguments(in chunk: Substring) -> [Substring] {
        matches(filterArgument, in: chunk).compactMap { $0[1] }
    }

    /// `key: value`, when the whole argument is one.
    static func keywordArgument(_ argument: Substring) -> (Substring, Substring)? {
        guard let match = firstMatch(keyword, in: argument), let key = match[1], let value = match[2] else { return nil }
        return (key, value)
    }

    /// Every `key: value` in a tag's markup, as `include` and `for` read them.
    static func tagAttributes(in markup: Substring) -> [(Substring, Substring)] {
        matches(attributes, in: markup).compactMap { match in
            guard let key = match[1], let value = match[2] else { return nil }
            return (key, value)
        }
    }
}
