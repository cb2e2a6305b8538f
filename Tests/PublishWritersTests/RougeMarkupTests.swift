import PublishAST
import PublishWriters
import Testing

/// Code marked up as Jekyll's kramdown with Rouge marks it, for a Jekyll
/// site's stylesheet.
@Suite("Rouge's code markup")
struct RougeMarkupTests {
    private func rouge(_ markdown: String) -> String {
        HTMLWriter(options: HTMLOptions(flavor: .kramdown)).render(parse(markdown))
    }

    @Test("A fenced block in kramdown's two wrappers, plaintext without a language; inline code with its class")
    func blocksAndInline() {
        #expect(rouge("```go\nx := 1\n```\n") == """
            <div class="language-go highlighter-rouge"><div class="highlight"><pre class="highlight"><code>x := 1
            </code></pre></div></div>

            """)
        #expect(rouge("    plain\n") == """
            <div class="language-plaintext highlighter-rouge"><div class="highlight"><pre class="highlight"><code>plain
            </code></pre></div></div>

            """)
        #expect(rouge("a `b<c` d\n") == "<p>a <code class=\"language-plaintext highlighter-rouge\">b&lt;c</code> d</p>\n")
    }

    @Test("The highlight tag's block as Rouge's figure, with the line-number table for linenos")
    func highlightTag() {
        #expect(rouge("```ruby jekyll-highlight\nputs 1\n```\n") == """
            <figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">puts 1
            </code></pre></figure>

            """)
        #expect(rouge("```ruby jekyll-highlight linenos\na\nb\n```\n") == """
            <figure class="highlight"><pre><code class="language-ruby" data-lang="ruby"><table class="rouge-table"><tbody><tr>\
            <td class="gutter gl"><pre class="lineno">1
            2
            </pre></td><td class="code"><pre>a
            b
            </pre></td></tr></tbody></table></code></pre></figure>

            """)
    }

    @Test("Without the option, the marker words after the language change nothing")
    func commonMarkIgnoresMarker() {
        #expect(HTMLWriter().render(parse("```ruby jekyll-highlight\nputs 1\n```\n"))
                == "<pre><code class=\"language-ruby\">puts 1\n</code></pre>\n")
    }

    @Test("Task lists carry kramdown's classes, so a Jekyll theme draws its own checkboxes")
    func taskList() {
        var builder = Builder()
        builder.add(.block(.list(ListStyle(kind: .bullet, isTight: true)))) { b, list in
            for (state, word) in [(TaskState.checked, "done"), (.unchecked, "todo")] {
                b.add(.block(.item(task: state)), to: list) { b, item in
                    b.add(.block(.paragraph), to: item) { b, p in b.text(word, to: p) }
                }
            }
        }
        #expect(HTMLWriter(options: HTMLOptions(flavor: .kramdown)).render(builder.document) == """
            <ul class="task-list">
            <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" checked="checked" />done</li>
            <li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />todo</li>
            </ul>

            """)
    }
}
