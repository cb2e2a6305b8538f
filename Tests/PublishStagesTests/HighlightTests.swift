import PublishAST
import PublishReader
import PublishStages
import PublishWriters
import Testing

@Suite("Highlight")
struct HighlightTests {
    private func tokens(_ markdown: String, options: String = "highlight") throws -> [CodeTokens?] {
        var result = try MarkdownReader(readsFrontMatter: true).read(Array(markdown.utf8), path: "post.md")
        let list = try StageList(yaml: .sequence([options == "highlight" ? .string("highlight")
                                                  : .mapping(YAMLMapping([.init(key: "highlight", value: Self.options(options))]))]))
        _ = list.run(&result.document, source: result.source)
        let document = result.document
        return document.children(of: document.root).compactMap { node in
            guard case .block(.codeBlock) = document.kind(of: node) else { return nil }
            return .some(document.attributes(of: node).tokens)
        }
    }

    private static func options(_ text: String) -> YAMLValue {
        var mapping = YAMLMapping()
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=")
            mapping[String(parts[0])] = .bool(parts[1] == "true")
        }
        return .mapping(mapping)
    }

    @Test("A block that names a known language gets tokens covering its code, some of them classed")
    func known() throws {
        let found = try tokens("```golang\nfunc main() {}\n```\n")
        let runs = try #require(found.first??.runs)
        #expect(runs.reduce(0) { $0 + $1.length } == "func main() {}\n".utf8.count)
        #expect(runs.contains { !$0.className.isEmpty })
        #expect(found.first??.lineNumbers == false)
    }

    @Test("No language, an unknown one, or an empty block: no tokens, no warning")
    func unknown() throws {
        #expect(try tokens("```\nx\n```\n\n```klingon\nx\n```\n\n```go\n```\n") == [nil, nil, nil])
    }

    @Test("`language-go` names Go too, as some writers put it; so does mdBook's `rust,ignore` Rust")
    func prefixed() throws {
        #expect(try tokens("```language-go\nfunc f() {}\n```\n").first! != nil)
        #expect(try tokens("```rust,ignore\nfn f() {}\n```\n").first! != nil)
    }

    @Test("`highlight: false` in front matter leaves the post's code plain")
    func perPost() throws {
        #expect(try tokens("---\nhighlight: false\n---\n```go\nfunc f() {}\n```\n") == [nil])
    }

    @Test("`enabled: false` turns the stage off; `line_numbers: true` numbers every block")
    func options() throws {
        #expect(try tokens("```go\nfunc f() {}\n```\n", options: "enabled=false") == [nil])
        #expect(try tokens("```go\nfunc f() {}\n```\n", options: "line_numbers=true").first??.lineNumbers == true)
    }

    @Test("{% highlight go linenos %}'s block is numbered whatever the option")
    func jekyllLinenos() throws {
        #expect(try tokens("```go jekyll-highlight linenos\nfunc f() {}\n```\n").first??.lineNumbers == true)
        #expect(try tokens("```go jekyll-highlight\nfunc f() {}\n```\n").first??.lineNumbers == false)
    }

    @Test("An unknown option is refused by name")
    func unknownOption() {
        #expect(throws: Diagnostic.self) {
            _ = try StageList(yaml: .sequence([.mapping(YAMLMapping([.init(key: "highlight", value: .mapping(YAMLMapping([.init(key: "palete", value: .string("x"))])))]))]))
        }
    }
}
