import Foundation
import PublishAST
import PublishPipeline

/// What a book needs of a post: a site's post, or a lone Markdown file
/// rendered as a one-post book.
struct BookPost: Sendable {
    var document: Document
    var title: String
    /// Its URL path on the site, without the baseurl.
    var url: String
    /// Relative to the site's source folder.
    var sourcePath: String
    var date: Date

    var metadata: Metadata { document.metadata }

    init(_ post: Post) {
        document = post.document
        title = post.title
        url = post.url
        sourcePath = post.sourcePath
        date = post.date
    }

    init(document: Document, title: String, url: String, sourcePath: String, date: Date) {
        self.document = document
        self.title = title
        self.url = url
        self.sourcePath = sourcePath
        self.date = date
    }
}
