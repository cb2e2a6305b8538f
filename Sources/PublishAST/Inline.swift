/// An inline node. Container cases (emphasis, strong, strikethrough, link,
/// image) hold their children in the `Document`.
public enum Inline: Hashable, Sendable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    /// Raw inline HTML, kept as written.
    case html(String)
    /// Contains inlines.
    case emphasis
    /// Contains inlines.
    case strong
    /// Contains inlines.
    case strikethrough
    /// Contains inlines. `destination` is as written, entities and escapes resolved.
    case link(destination: String, title: String)
    /// Contains inlines: the description, which becomes the alt text.
    case image(source: String, title: String)
    /// A reference to the footnote definition with the same label.
    case footnoteReference(label: String, number: Int)
}
