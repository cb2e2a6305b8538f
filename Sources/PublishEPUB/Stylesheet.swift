/// The book's stylesheet, `assets/epub/book.css`, compiled in.
enum Stylesheet {
    static let book = String(decoding: PackageResources.book_css, as: UTF8.self)
}
