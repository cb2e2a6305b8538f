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

    public var rawHTML: RawHTML

    public init(rawHTML: RawHTML = .keep) {
        self.rawHTML = rawHTML
    }
}
