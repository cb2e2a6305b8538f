import Foundation
import PublishAST
import PublishPipeline

/// `epub`: the blog as EPUB 3 books. By default one book of the whole
/// blog, oldest post first, at `book.epub`; the keys of `outputs.epub`
/// declare that one book differently, or `books:` lists several, each with
/// the same keys.
public struct EPUBEmitter: Emitter {
    public static let name = "epub"

    let books: [BookOptions]

    public init(options: Settings) throws {
        var options = options
        let declared = try options.blocks("books")
        if declared.isEmpty {
            books = [try BookOptions(reading: &options)]
        } else {
            let single = ["path", "title", "selection", "category", "tag", "posts", "order", "cover", "language",
                          "identifier", "authors", "publisher", "rights", "description"]
            if let key = single.first(where: options.has) {
                throw options.error("`\(key)` belongs inside one entry of `books`; with `books`, each book has its own keys")
            }
            books = try declared.map { entry in
                var entry = entry
                let book = try BookOptions(reading: &entry)
                try entry.finish()
                return book
            }
            var paths: Set<String> = []
            for book in books where !paths.insert(book.path).inserted {
                throw options.error("two books are written to \(book.path); give each its own `path`")
            }
        }
        try options.finish()
    }

    public func emit(_ site: Site, to output: OutputFolder) throws -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for book in books {
            let (bytes, found) = try EPUBBook.make(site: site, options: book)
            try output.write(bytes, to: book.path)
            diagnostics += found
        }
        return diagnostics
    }
}
