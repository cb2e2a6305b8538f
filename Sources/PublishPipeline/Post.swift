import Foundation
import PublishAST

/// A post as the emitters see it: its staged tree and what the site worked
/// out about it.
public struct Post: Sendable {
    public var document: Document
    /// The file it was read from, relative to the source folder.
    public var sourcePath: String
    /// Its URL path within the site, percent-encoded, without the baseurl:
    /// `/2014/06/16/hello.html`.
    public var url: String
    /// The file that serves it, relative to the output folder.
    public var outputPath: String
    /// When it was published, as an instant.
    public var date: Date
    public var isDraft: Bool
    /// The front matter's `excerpt`, else the first paragraph, else what
    /// comes before the site's `excerpt_separator`.
    public var excerpt: Document
    public var readingMinutes: Int
    /// The Markdown it was read from, for stages run later for one output.
    public var source: SourceLines = .empty

    public var metadata: Metadata { document.metadata }
    public var title: String { metadata.title ?? metadata.slug ?? sourcePath }
}

/// A page that is not a post: `about.md`, served at its `permalink:` or
/// at its own path with `.html`.
public struct Page: Sendable {
    public var document: Document
    public var sourcePath: String
    public var url: String
    public var outputPath: String
    public var source: SourceLines = .empty

    public var metadata: Metadata { document.metadata }
    public var title: String { metadata.title ?? sourcePath }
}
