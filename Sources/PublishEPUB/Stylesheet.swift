import PublishHighlight

/// The book's stylesheet, `assets/epub/book.css`, compiled in, with the
/// colours of highlighted code from the site's palette.
enum Stylesheet {
    static let book = String(decoding: PackageResources.book_css, as: UTF8.self)

    static func book(palette name: String) -> String {
        let palette = Palette.named(name) ?? Palette.named("github")!
        // `:root` as every rule of the book's sheet has it, so a reading
        // system's own `pre` and `span` rules do not win.
        return book + palette.css(scope: ":root .highlight")
    }
}
