import Foundation
import PublishAST

/// One book as its block under `outputs.epub` declares it. Every value has
/// a default, so a site with no options gets the whole blog as `book.epub`.
public struct BookOptions: Sendable, Equatable {
    /// Which posts go in.
    public enum Selection: Sendable, Equatable {
        case all
        case category(String)
        case tag(String)
        /// Posts named by slug or by source path, in the order given.
        case list([String])
    }

    /// Where the book is written, relative to the output folder.
    public var path = "book.epub"
    /// Empty: the site's title.
    public var title = ""
    public var selection = Selection.all
    public var newestFirst = false
    /// A site path of an image; empty: a generated title page only.
    public var cover = ""
    /// Empty: the posts' common language, the site's, or the text's.
    public var language = ""
    /// Empty: a `urn:uuid` named after the site and `path`.
    public var identifier = ""
    /// Empty: the site's author, else the posts' authors.
    public var authors: [String] = []
    public var publisher = ""
    public var rights = ""
    /// Empty: the site's description.
    public var description = ""

    public init() {}

    /// Reads a book's keys from `settings`, which the caller finishes.
    public init(reading settings: inout Settings) throws {
        path = try settings.string("path", default: path)
        title = try settings.string("title", default: "")
        let kind = try settings.choice("selection", of: ["all", "category", "tag", "list"], default: "all")
        let category = try settings.string("category", default: "")
        let tag = try settings.string("tag", default: "")
        let posts = try settings.string("posts", default: "")
        switch kind {
        case "category":
            guard !category.isEmpty else { throw settings.error("`selection: category` needs `category: NAME`") }
            selection = .category(category)
        case "tag":
            guard !tag.isEmpty else { throw settings.error("`selection: tag` needs `tag: NAME`") }
            selection = .tag(tag)
        case "list":
            let names = BookOptions.list(posts)
            guard !names.isEmpty else { throw settings.error("`selection: list` needs `posts: slug, slug, ...`") }
            selection = .list(names)
        default:
            selection = .all
        }
        newestFirst = try settings.choice("order", of: ["oldest-first", "newest-first"], default: "oldest-first")
            == "newest-first"
        cover = try settings.string("cover", default: "")
        language = try settings.string("language", default: "")
        identifier = try settings.string("identifier", default: "")
        authors = BookOptions.list(try settings.string("authors", default: ""))
        publisher = try settings.string("publisher", default: "")
        rights = try settings.string("rights", default: "")
        description = try settings.string("description", default: "")
        guard path.hasSuffix(".epub") else { throw settings.error("`path` of a book must end in .epub, not '\(path)'") }
    }

    /// A comma-separated list, trimmed, without empty items.
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
