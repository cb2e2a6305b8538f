import Foundation
import Testing
@testable import PublishHighlight

/// Each file in `Snippets/` is named after a lexer file and holds small
/// pieces of code in that language with the markup they must highlight to,
/// as Rouge classes them (checked with `rougify`; a deliberate difference
/// says so in its title):
///
/// ```
/// === a function declaration
/// func main() {}
/// ---
/// <span class="kd">func</span> <span class="nf">main</span>…
/// ```
struct Snippet: CustomTestStringConvertible, Sendable {
    let language: String
    let title: String
    let code: String
    let expected: String

    var testDescription: String { "\(language): \(title)" }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snippets")

    static func all() -> [Snippet] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().flatMap { name in
            read(String(name.dropLast(4)), (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "")
        }
    }

    static func read(_ language: String, _ text: String) -> [Snippet] {
        var result: [Snippet] = []
        var title: String?
        var code: [String] = []
        var expected: [String] = []
        var inExpected = false
        func flush() {
            if let title {
                result.append(Snippet(language: language, title: title, code: code.joined(separator: "\n") + "\n",
                                      expected: expected.joined(separator: "\n") + "\n"))
            }
            code = []
            expected = []
            inExpected = false
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("=== ") {
                flush()
                title = String(line.dropFirst(4))
            } else if line == "---", title != nil, !inExpected {
                inExpected = true
            } else if inExpected {
                expected.append(String(line))
            } else if title != nil {
                code.append(String(line))
            }
        }
        if expected.last == "" { expected.removeLast() }
        flush()
        return result
    }
}

@Suite struct SnippetTests {
    @Test(arguments: Snippet.all())
    func snippetHighlightsAsRougeDoes(_ snippet: Snippet) {
        guard case .highlighted(let runs) = Highlighter.highlight(snippet.code, language: snippet.language) else {
            Issue.record("no lexer for \(snippet.language)")
            return
        }
        // The expected markup is read a line at a time, so it always ends in
        // a line feed; markup whose last token holds the code's own line
        // feed (a heredoc's end, a diff line) ends in `</span>` instead.
        let markup = SpanFormatter.html(snippet.code, runs)
        #expect(markup == snippet.expected || markup + "\n" == snippet.expected)
    }

    @Test func everyLexerHasSnippets() throws {
        let files = Set(LexerCatalog.standard.names.values)
        let covered = Set(Snippet.all().map(\.language))
        #expect(files.subtracting(covered).subtracting(["plaintext"]).sorted() == [])
    }
}
