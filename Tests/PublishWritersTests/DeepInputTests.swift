import PublishAST
import PublishReader
import PublishWriters
import Testing
import TestSupport

@Suite("Deep and hostile input")
struct DeepInputTests {
    /// Reads and writes `markdown` in every format on a thread with the
    /// default stack; returns the HTML.
    private func renderEverywhere(_ markdown: String) -> (html: String, textCount: Int, jsonCount: Int) {
        nonisolated(unsafe) var result = ("", 0, 0)
        onSecondaryThread {
            let document = parse(markdown)
            let html = HTMLWriter().render(document)
            let text = TextWriter().render(document)
            let json = document.jsonBytes()
            let roundTrips = (try? Document(json: json)) == document
            #expect(roundTrips)
            result = (html, text.utf8.count, json.count)
        }
        return result
    }

    @Test("10,000 nested block quotes")
    func nestedQuotes() {
        let output = renderEverywhere(String(repeating: "> ", count: 10_000) + "deep\n")
        #expect(output.html.hasPrefix(String(repeating: "<blockquote>\n", count: 10_000) + "<p>deep</p>\n</blockquote>"))
        #expect(output.html.components(separatedBy: "</blockquote>").count == 10_001)
        #expect(output.textCount > 20_000)
    }

    @Test("50,000 nested emphasis runs")
    func nestedEmphasis() {
        let depth = 50_000
        let markdown = String(repeating: "*a **a ", count: depth) + "b" + String(repeating: " a** a*", count: depth)
        let output = renderEverywhere(markdown)
        #expect(output.html.hasPrefix("<p><em>a <strong>a <em>a <strong>a "))
        #expect(output.html.components(separatedBy: "<strong>").count == depth + 1)
        #expect(output.jsonCount > depth * 20)
    }

    @Test("Pathological brackets, backticks and reference definitions render")
    func pathological() {
        let brackets = renderEverywhere(String(repeating: "[", count: 50_000) + "a" + String(repeating: "]", count: 50_000))
        #expect(brackets.html.count == "<p></p>\n".count + 100_001)
        let backticks = renderEverywhere("x " + String(repeating: "`", count: 50_000) + "a")
        #expect(backticks.html == "<p>x " + String(repeating: "`", count: 50_000) + "a</p>\n")
        let references = (0..<20_000).map { "[\($0)]: /u\($0)\n" }.joined() + "[19999]"
        #expect(renderEverywhere(references).html == "<p><a href=\"/u19999\">19999</a></p>\n")
    }
}
