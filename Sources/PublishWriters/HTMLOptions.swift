/// How the HTML writer treats what the author wrote.
public struct HTMLOptions: Hashable, Sendable {
    /// What happens to raw HTML in the Markdown.
    public enum RawHTML: String, Hashable, Sendable, CaseIterable {
        /// Written out as is: the author is trusted (the default).
        case keep
        /// Shown as text, escaped.
        case escape
        /// Left out.
        case drop
    }

    /// How code is marked up.
    public enum CodeMarkup: String, Hashable, Sendable {
        /// `<pre><code class="language-X">`, as cmark writes it.
        case commonMark
        /// As Jekyll's kramdown with Rouge writes it, so a Jekyll theme's
        /// stylesheet finds its classes: a block in
        /// `<div class="language-X highlighter-rouge"><div class="highlight">
        /// <pre class="highlight"><code>`, inline code with
        /// `class="language-plaintext highlighter-rouge"`, and a block from
        /// `{% highlight X %}` (info `X jekyll-highlight`, and `linenos`) in
        /// `<figure class="highlight">`, with Rouge's line-number table.
        case rouge
    }

    public var rawHTML: RawHTML
    public var codeMarkup: CodeMarkup

    public init(rawHTML: RawHTML = .keep, codeMarkup: CodeMarkup = .commonMark) {
        self.rawHTML = rawHTML
        self.codeMarkup = codeMarkup
    }
}
