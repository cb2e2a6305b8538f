import PublishAST
import PublishWriters
import Testing

/// Code blocks whose tokens the `highlight` stage set, as each writer
/// colours them. The tokens are made here by hand, so these tests hold the
/// writer alone.
@Suite("Highlighted code")
struct HighlightedCodeTests {
    /// `"let x = 1\n"` as `let` (k), ` `, `x` (n), ` = `, `1` (mi), `\n`.
    private func document(_ info: String = "swift", lineNumbers: Bool = false,
                          runs: [(Int, String)] = [(3, "k"), (1, ""), (1, "n"), (3, ""), (1, "mi"), (1, "")]) -> Document {
        var document = parse("```\(info)\nlet x = 1\n```\n")
        let block = document.firstChild(of: document.root)!
        document.updateAttributes(of: block) {
            $0.tokens = CodeTokens(runs: runs.map { CodeTokens.Run(length: $0.0, className: $0.1) }, lineNumbers: lineNumbers)
        }
        return document
    }

    @Test("Each token in a span of its class; plain text bare; the block marked for a stylesheet")
    func spans() {
        #expect(HTMLWriter().render(document()) == """
            <pre class="highlight"><code class="language-swift"><span class="k">let</span> <span class="n">x</span> = \
            <span class="mi">1</span>
            </code></pre>

            """)
    }

    @Test("Jekyll's markup holds the spans where Rouge puts them")
    func kramdown() {
        #expect(HTMLWriter(options: HTMLOptions(flavor: .kramdown)).render(document()) == """
            <div class="language-swift highlighter-rouge"><div class="highlight"><pre class="highlight"><code>\
            <span class="k">let</span> <span class="n">x</span> = <span class="mi">1</span>
            </code></pre></div></div>

            """)
    }

    @Test("For mail, each token's colour in its style, and the block's colours on the <pre>")
    func inlineStyles() {
        let options = HTMLOptions(tokenStyles: ["k": "color:#cf222e", "mi": "color:#0550ae",
                                                "highlight": "background-color:#f6f8fa;color:#1f2328"])
        #expect(HTMLWriter(options: options).render(document()) == """
            <pre style="background-color:#f6f8fa;color:#1f2328"><code class="language-swift">\
            <span style="color:#cf222e">let</span> x = <span style="color:#0550ae">1</span>
            </code></pre>

            """)
    }

    @Test("Numbered lines: a gutter beside the code in a table that holds the <pre>, valid HTML")
    func lineNumbers() {
        var document = parse("```go\na := 1\nb\n```\n")
        let block = document.firstChild(of: document.root)!
        document.updateAttributes(of: block) {
            $0.tokens = CodeTokens(runs: [.init(length: 1, className: "n"), .init(length: 6, className: ""),
                                          .init(length: 1, className: "n"), .init(length: 1, className: "")],
                                   lineNumbers: true)
        }
        #expect(HTMLWriter().render(document) == """
            <div class="highlight numbered"><table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">1
            2
            </pre></td><td class="code"><pre><code class="language-go"><span class="n">a</span> := 1
            <span class="n">b</span>
            </code></pre></td></tr></tbody></table></div>

            """)
    }

    @Test("A token that spans lines is cut at each line's end for the table")
    func tokenOverLines() {
        let tokens = CodeTokens(runs: [.init(length: 9, className: "cm"), .init(length: 1, className: "")])
        let lines = tokens.lines(of: "/* a\nb */\n")
        #expect(lines.map { $0.map { "\($0.className):\($0.text)" } } == [["cm:/* a"], ["cm:b */"]])
    }

    @Test("Runs that do not cover the code, or split a character, leave it plain")
    func badRuns() {
        let short = HTMLWriter().render(document(runs: [(3, "k")]))
        #expect(short == "<pre><code class=\"language-swift\">let x = 1\n</code></pre>\n")
        var chinese = parse("```\n中\n```\n")
        let block = chinese.firstChild(of: chinese.root)!
        chinese.updateAttributes(of: block) {
            $0.tokens = CodeTokens(runs: [.init(length: 1, className: "k"), .init(length: 3, className: "")])
        }
        #expect(HTMLWriter().render(chinese) == "<pre><code>中\n</code></pre>\n")
    }

    @Test("The tokens survive the JSON form of the tree")
    func json() throws {
        let original = document(lineNumbers: true)
        let json = original.jsonString()
        #expect(json.contains("\"tokens\":[[3,\"k\"],[1,\"\"],[1,\"n\"],[3,\"\"],[1,\"mi\"],[1,\"\"]],\"line_numbers\":true"))
        let decoded = try Document(json: Array(json.utf8))
        #expect(decoded == original)
    }
}
