/// How the HTML writer treats what the author wrote.
public struct HTMLOptions: Hashable, Sendable {
    /// What happens to raw HTML in the Markdown.
    public enum RawHTML: String, Hashable, Sendable, CaseIterable {
        /// Written out as is: the author is trusted.
        case keep
        /// Written out as is when its tags are elements a browser knows (or
        /// custom elements, with a hyphen); a tag that is not, as `<id>` in
        /// `rm <id>`, was meant as text and is shown as text.
        case known
        /// Shown as text, escaped.
        case escape
        /// Left out.
        case drop
    }

    /// Whose markup the HTML follows where writers differ.
    public enum Flavor: String, Hashable, Sendable {
        /// cmark-gfm's: `<pre><code class="language-X">`, task items with a
        /// bare checkbox.
        case commonMark
        /// Jekyll's kramdown (GFM input, Rouge), so a Jekyll theme's
        /// stylesheet finds its classes: task lists as `ul.task-list` of
        /// `li.task-list-item` with `input.task-list-item-checkbox`; a code block in
        /// `<div class="language-X highlighter-rouge"><div class="highlight">
        /// <pre class="highlight"><code>`, inline code with
        /// `class="language-plaintext highlighter-rouge"`, and a block from
        /// `{% highlight X %}` (info `X jekyll-highlight`, and `linenos`) in
        /// `<figure class="highlight">`, with Rouge's line-number table.
        case kramdown
    }

    public var rawHTML: RawHTML
    public var flavor: Flavor
    /// `loading="lazy"` on every image after the first, for pages in a
    /// browser (not for `render`, whose HTML is cmark's).
    public var lazyImages: Bool

    /// Highlighted code's colours written into each token's `style`, by
    /// token class (`k` → `color:#d73a49`), for mail, whose clients drop
    /// stylesheets; nil writes classes for a stylesheet to colour.
    public var tokenStyles: [String: String]?

    public init(rawHTML: RawHTML = .keep, flavor: Flavor = .commonMark, lazyImages: Bool = false,
                tokenStyles: [String: String]? = nil) {
        self.rawHTML = rawHTML
        self.flavor = flavor
        self.lazyImages = lazyImages
        self.tokenStyles = tokenStyles
    }
}
