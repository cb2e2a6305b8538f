import PublishAST
import PublishWriters

/// The pages a book makes itself: a title page, and a cover page when the
/// book has a cover image.
enum BookPage {
    static func title(_ metadata: BookMetadata) -> String {
        var body = "<section epub:type=\"titlepage\" class=\"titlepage\">\n"
        body += "<h1 class=\"book-title\">\(XMLText.escaped(metadata.title))</h1>\n"
        if !metadata.authors.isEmpty {
            body += "<p class=\"book-authors\">\(XMLText.escaped(metadata.authors.joined(separator: ", ")))</p>\n"
        }
        if !metadata.description.isEmpty {
            body += "<p class=\"book-description\">\(XMLText.escaped(metadata.description))</p>\n"
        }
        if !metadata.publisher.isEmpty {
            body += "<p class=\"book-publisher\">\(XMLText.escaped(metadata.publisher))</p>\n"
        }
        if !metadata.rights.isEmpty { body += "<p class=\"book-rights\">\(XMLText.escaped(metadata.rights))</p>\n" }
        body += "</section>"
        return XHTMLWriter.page(title: metadata.title, language: metadata.language, bodyType: "frontmatter", body: body)
    }

    static func cover(_ metadata: BookMetadata, image href: String, label: String) -> String {
        let body = "<section epub:type=\"cover\" class=\"cover\">\n<img src=\"\(XMLText.attribute(href))\" "
            + "alt=\"\(XMLText.attribute(metadata.title))\"/>\n</section>"
        return XHTMLWriter.page(title: label, language: metadata.language, bodyType: "frontmatter", body: body)
    }

    /// A post's date as the day it was written, `2014-06-16`.
    static func day(_ date: PostDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date.year)-\(two(date.month))-\(two(date.day))"
    }
}
