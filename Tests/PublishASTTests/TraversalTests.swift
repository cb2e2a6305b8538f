import PublishAST
import Testing

@Suite("Walking and rewriting")
struct TraversalTests {
    /// Records the walk as `+kind` on enter and `-kind` on exit.
    struct Recorder: Walker {
        var log: [String] = []
        var skip: String?

        mutating func enter(_ node: NodeID, in document: Document) -> WalkDecision {
            let name = document.kind(of: node).typeName
            log.append("+" + name)
            return name == skip ? .skipChildren : .descend
        }

        mutating func exit(_ node: NodeID, in document: Document) {
            log.append("-" + document.kind(of: node).typeName)
        }
    }

    private func sample() -> Document {
        var document = Document()
        let quote = document.append(.block(.blockQuote), to: document.root)
        let paragraph = document.append(.block(.paragraph), to: quote)
        document.append(.inline(.text("a")), to: document.append(.inline(.emphasis), to: paragraph))
        document.append(.block(.thematicBreak), to: document.root)
        return document
    }

    @Test("A walker enters and exits every node in document order")
    func order() {
        var recorder = Recorder()
        sample().walk(&recorder)
        #expect(recorder.log == ["+document", "+block_quote", "+paragraph", "+emph", "+text", "-text", "-emph",
                                 "-paragraph", "-block_quote", "+thematic_break", "-thematic_break", "-document"])
    }

    @Test("Skipping children goes straight to the node's exit")
    func skip() {
        var recorder = Recorder(skip: "paragraph")
        sample().walk(&recorder)
        #expect(recorder.log == ["+document", "+block_quote", "+paragraph", "-paragraph", "-block_quote",
                                 "+thematic_break", "-thematic_break", "-document"])
    }

    @Test("A walk from a node stays inside its subtree")
    func subtree() {
        let document = sample()
        let quote = document.firstChild(of: document.root)!
        var recorder = Recorder()
        document.walk(&recorder, from: quote)
        #expect(recorder.log.first == "+block_quote" && recorder.log.last == "-block_quote")
        #expect(!recorder.log.contains("+thematic_break"))
    }

    /// Replaces each emphasis by its children wrapped in strong, and
    /// uppercases text, to show a rewriter editing as it goes.
    struct Strengthen: Rewriter {
        var visited: [String] = []

        mutating func rewrite(_ node: NodeID, in document: inout Document) -> RewriteDecision {
            visited.append(document.kind(of: node).typeName)
            switch document.kind(of: node) {
            case .inline(.emphasis):
                let strong = document.makeNode(.inline(.strong))
                document.replace(node, with: [strong])
                document.moveChildren(of: node, to: strong)
                return .resume(after: strong)
            case .inline(.text(let text)):
                document.setKind(.inline(.text(text.uppercased())), of: node)
                return .descend
            default:
                return .descend
            }
        }
    }

    @Test("A rewriter replaces nodes and resumes after the replacement")
    func rewrite() {
        var document = sample()
        var rewriter = Strengthen()
        document.rewrite(&rewriter)
        let paragraph = document.firstChild(of: document.firstChild(of: document.root)!)!
        let strong = document.firstChild(of: paragraph)!
        #expect(document.kind(of: strong) == .inline(.strong))
        // The moved text was not visited again, so it kept its case.
        #expect(document.kind(of: document.firstChild(of: strong)!) == .inline(.text("a")))
        #expect(rewriter.visited == ["document", "block_quote", "paragraph", "emph", "thematic_break"])
    }
}
