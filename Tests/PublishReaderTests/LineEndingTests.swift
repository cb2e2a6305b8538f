import PublishAST
import PublishReader
import Testing

@Suite("Files saved with CRLF line ends")
struct LineEndingTests {
    @Test("Front matter closed by CRLF lines is front matter, and its keys are read")
    func frontMatter() throws {
        let result = try read("---\r\ntitle: CRLF post\r\ntags: [a, b]\r\n---\r\nBody *x*\r\n")
        #expect(result.document.metadata.title == "CRLF post")
        #expect(result.document.metadata.tags == ["a", "b"])
        let kinds = result.document.children(of: result.document.root).map { result.document.kind(of: $0) }
        #expect(kinds.count == 1)
        if case .block(.paragraph) = kinds.first {} else { Issue.record("the body is not one paragraph: \(kinds)") }
    }

    @Test("A body line after CRLF front matter keeps its line number in the file")
    func lineNumbers() throws {
        let result = try read("---\r\ntitle: T\r\n---\r\n\r\nPara\r\n")
        let paragraph = try #require(result.document.children(of: result.document.root).first(where: { _ in true }))
        #expect(result.document.range(of: paragraph).start.line == 5)
    }
}
