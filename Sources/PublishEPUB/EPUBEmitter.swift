import Foundation
import PublishAST
import PublishPipeline

/// `epub`: the blog as an EPUB 3 book (by default the whole blog, oldest
/// post first, at `book.epub`), or the book its options declare.
public struct EPUBEmitter: Emitter {
    public static let name = "epub"

    let book: BookOptions

    public init(options: Settings) throws {
        var options = options
        book = try BookOptions(reading: &options)
        try options.finish()
    }

    public func emit(_ site: Site, to output: OutputFolder) throws -> [Diagnostic] {
        let (bytes, diagnostics) = try EPUBBook.make(site: site, options: book)
        try output.write(bytes, to: book.path)
        return diagnostics
    }
}
