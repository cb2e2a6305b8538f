import PublishAST

/// Builds trees for tests in a few lines.
enum Fixtures {
    /// A document that uses every node kind, attributes and typed metadata.
    static func everyKind() -> Document {
        var metadata = Metadata(
            title: "Every kind", date: PostDate(year: 2025, month: 1, day: 29, hour: 18, minute: 15, second: 32,
                                                utcOffset: 19_800),
            authors: [Author(name: "Jane", email: "jane@example.org")], categories: ["notes"], tags: ["a", "b"],
            description: "All of it", language: "zh-CN", slug: "every-kind", published: false)
        metadata.extra["series"] = .mapping(YAMLMapping([.init(key: "name", value: .string("Tree")),
                                                         .init(key: "part", value: .int(2))]))
        metadata.extra["ratio"] = .double(1.5)
        metadata.extra["list"] = .sequence([.bool(true), .null, .string("x")])
        var doc = Document(path: "_posts/2025-01-29-every-kind.md", metadata: metadata)
        let root = doc.root
        let heading = doc.append(.block(.heading(level: 2)), range: SourceRange(startLine: 6, startColumn: 1, endLine: 6, endColumn: 9), to: root)
        doc.setAttributes(Attributes(id: "intro", classes: ["lead"], pairs: [.init("data-x", "1")]), of: heading)
        doc.append(.inline(.text("Intro \"quoted\" \\ \n\t\u{1}")), to: heading)
        let quote = doc.append(.block(.blockQuote), to: root)
        let paragraph = doc.append(.block(.paragraph), to: quote)
        for inline: Inline in [.softBreak, .lineBreak, .code("x<y"), .html("<kbd>")] {
            doc.append(.inline(inline), to: paragraph)
        }
        for container: Inline in [.emphasis, .strong, .strikethrough, .link(destination: "/a", title: "t"),
                                  .image(source: "i.png", title: "")] {
            let span = doc.append(.inline(container), to: paragraph)
            doc.append(.inline(.text("in")), to: span)
        }
        doc.append(.inline(.footnoteReference(label: "n", number: 1)), to: paragraph)
        let list = doc.append(.block(.list(ListStyle(kind: .ordered, start: 3, delimiter: .parenthesis, isTight: true))), to: root)
        let item = doc.append(.block(.item(task: .checked)), to: list)
        doc.append(.block(.codeBlock(info: "swift", code: "let x = 1\n")), to: item)
        doc.append(.block(.item(task: nil)), to: list)
        doc.append(.block(.htmlBlock("<div>\n")), to: root)
        doc.append(.block(.thematicBreak), to: root)
        let table = doc.append(.block(.table(alignments: [.left, .none])), to: root)
        let head = doc.append(.block(.tableHead), to: table)
        doc.append(.inline(.text("h")), to: doc.append(.block(.tableCell), to: head))
        doc.append(.block(.tableCell), to: head)
        let row = doc.append(.block(.tableRow), to: table)
        doc.append(.block(.tableCell), to: row)
        let note = doc.append(.block(.footnoteDefinition(label: "n", number: 1)), to: root)
        doc.append(.inline(.text("note")), to: doc.append(.block(.paragraph), to: note))
        return doc
    }

    /// `depth` emphasis nodes, each inside the last, around one word.
    static func nestedEmphasis(depth: Int) -> Document {
        var doc = Document()
        var parent = doc.append(.block(.paragraph), to: doc.root)
        for _ in 0..<depth { parent = doc.append(.inline(.emphasis), to: parent) }
        doc.append(.inline(.text("deep")), to: parent)
        return doc
    }
}
