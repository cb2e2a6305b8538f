import PublishAST
import Testing

@Suite("Building and editing a document")
struct EditingTests {
    private func texts(_ document: Document, under node: NodeID) -> [String] {
        document.children(of: node).map {
            if case .inline(.text(let text)) = document.kind(of: $0) { return text }
            return "?"
        }
    }

    private func paragraph(_ words: [String]) -> (Document, NodeID, [NodeID]) {
        var document = Document()
        let paragraph = document.append(.block(.paragraph), to: document.root)
        let nodes = words.map { document.append(.inline(.text($0)), to: paragraph) }
        return (document, paragraph, nodes)
    }

    @Test("Insert before and after place a node between siblings")
    func insert() {
        var (document, paragraph, nodes) = paragraph(["a", "c"])
        document.insert(document.makeNode(.inline(.text("b"))), before: nodes[1])
        document.insert(document.makeNode(.inline(.text("d"))), after: nodes[1])
        document.insert(document.makeNode(.inline(.text("0"))), before: nodes[0])
        #expect(texts(document, under: paragraph) == ["0", "a", "b", "c", "d"])
    }

    @Test("Replace puts the new nodes where the old one was and detaches it")
    func replace() {
        var (document, paragraph, nodes) = paragraph(["a", "b", "c"])
        let x = document.makeNode(.inline(.text("x"))), y = document.makeNode(.inline(.text("y")))
        document.replace(nodes[1], with: [x, y])
        #expect(texts(document, under: paragraph) == ["a", "x", "y", "c"])
        #expect(document.parent(of: nodes[1]) == nil)
        #expect(document.previous(of: nodes[2]) == y)
    }

    @Test("Detaching the first and last child keeps the links whole")
    func detachEnds() {
        var (document, paragraph, nodes) = paragraph(["a", "b", "c"])
        document.detach(nodes[0])
        document.detach(nodes[2])
        #expect(document.firstChild(of: paragraph) == nodes[1])
        #expect(document.lastChild(of: paragraph) == nodes[1])
        #expect(document.previous(of: nodes[1]) == nil && document.next(of: nodes[1]) == nil)
    }

    @Test("Moving children empties the source and appends in order")
    func moveChildren() {
        var (document, paragraph, _) = paragraph(["a", "b"])
        let strong = document.makeNode(.inline(.strong))
        document.moveChildren(of: paragraph, to: strong)
        document.appendChild(strong, to: paragraph)
        #expect(texts(document, under: strong) == ["a", "b"])
        #expect(document.children(of: paragraph).map { $0 } == [strong])
    }

    @Test("Compacting drops detached nodes and keeps the tree equal")
    func compacted() {
        var (document, _, nodes) = paragraph(["a", "b", "c"])
        document.detach(nodes[1])
        let compact = document.compacted()
        #expect(compact == document)
        #expect(compact.nodeCount == 4)
    }

    @Test("Editing a copy leaves the original alone")
    func valueSemantics() {
        let (original, _, nodes) = paragraph(["a"])
        var copy = original
        copy.setKind(.inline(.text("changed")), of: nodes[0])
        #expect(original.kind(of: nodes[0]) == .inline(.text("a")))
        #expect(copy != original)
    }

    @Test("Attributes are set, read and cleared per node")
    func attributes() {
        var (document, paragraph, _) = paragraph(["a"])
        document.updateAttributes(of: paragraph) { $0.id = "p1"; $0["data-k"] = "v" }
        #expect(document.attributes(of: paragraph) == Attributes(id: "p1", pairs: [.init("data-k", "v")]))
        document.setAttributes(.none, of: paragraph)
        #expect(document.attributes(of: paragraph).isEmpty)
    }

    @Test("The structural rule: blocks hold blocks, paragraphs hold inlines, lists hold items")
    func structuralRule() {
        let paragraph = NodeKind.block(.paragraph), text = NodeKind.inline(.text("x"))
        #expect(paragraph.canContain(text))
        #expect(!paragraph.canContain(.block(.paragraph)))
        #expect(NodeKind.block(.blockQuote).canContain(paragraph))
        #expect(!NodeKind.block(.blockQuote).canContain(text))
        #expect(!NodeKind.block(.list(ListStyle(kind: .bullet, isTight: true))).canContain(paragraph))
        #expect(NodeKind.block(.list(ListStyle(kind: .bullet, isTight: true))).canContain(.block(.item(task: nil))))
        #expect(!text.canContain(text))
        #expect(NodeKind.inline(.emphasis).canContain(text))
        #expect(NodeKind.block(.table(alignments: [])).canContain(.block(.tableRow)))
        #expect(!NodeKind.block(.tableRow).canContain(paragraph))
    }

    @Test("A node without a range is located at its nearest ancestor's")
    func nearestRange() {
        var document = Document(path: "post.md")
        let paragraph = document.append(.block(.paragraph), range: SourceRange(startLine: 7, startColumn: 3, endLine: 7, endColumn: 9), to: document.root)
        let made = document.append(.inline(.text("x")), to: paragraph)
        #expect(document.location(of: made).description == "post.md:7:3")
    }
}
