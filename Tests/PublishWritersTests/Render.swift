import PublishAST
import PublishReader
import PublishWriters

/// Reads Markdown (no front matter) for a writer test.
func parse(_ markdown: String) -> Document {
    (try? MarkdownReader(readsFrontMatter: false).read(Array(markdown.utf8)).document) ?? Document()
}

func html(_ markdown: String, rawHTML: HTMLOptions.RawHTML = .keep) -> String {
    HTMLWriter(options: HTMLOptions(rawHTML: rawHTML)).render(parse(markdown))
}

func text(_ markdown: String, columns: Int = 72) -> String {
    TextWriter(options: TextOptions(columns: columns)).render(parse(markdown))
}

/// A document built by hand, for extension nodes no reader makes yet.
struct Builder {
    var document = Document()

    mutating func add(_ kind: NodeKind, to parent: NodeID? = nil, _ children: (inout Builder, NodeID) -> Void = { _, _ in }) {
        let node = document.append(kind, to: parent ?? document.root)
        children(&self, node)
    }

    mutating func text(_ value: String, to parent: NodeID) {
        document.append(.inline(.text(value)), to: parent)
    }
}
