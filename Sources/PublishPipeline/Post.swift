import Foundation
import PublishAST

/// A post as the emitters see it: its staged tree and what the site worked
/// out about it.
///
/// A post the build cache knew is not parsed while the site loads: its
/// metadata, URL and dates come from the cache, and its tree, excerpt and
/// source are worked out the first time an output asks for them. Reading
/// them gives the same values either way.
public struct Post: Sendable {
    private var lazyDocument: Lazy<Document>
    private var lazyExcerpt: Lazy<Document>
    private var lazySource: Lazy<SourceLines>
    private var storedMetadata: Metadata

    public var document: Document {
        get { lazyDocument.value }
        set {
            lazyDocument = Lazy(newValue)
            storedMetadata = newValue.metadata
        }
    }

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
    public var excerpt: Document {
        get { lazyExcerpt.value }
        set { lazyExcerpt = Lazy(newValue) }
    }

    public var readingMinutes: Int

    /// The Markdown it was read from, for stages run later for one output.
    public var source: SourceLines {
        get { lazySource.value }
        set { lazySource = Lazy(newValue) }
    }

    /// What the post's tree was made from, as a `CacheKey`: its file, the
    /// URLs its links lead to, and (through the cache's fingerprint) the
    /// pipeline. Outputs put it in the keys of the files that show the post.
    public var contentKey: String
    /// What its excerpt was made from, likewise.
    public var excerptKey: String

    public var metadata: Metadata { storedMetadata }
    /// The front matter's title; without one, the slug as Jekyll titles
    /// it (`codeblocks-ahoy` → `Codeblocks Ahoy`).
    public var title: String { metadata.title ?? metadata.slug.map(Post.titled) ?? sourcePath }

    /// Each dash-separated word capitalised as Ruby's `capitalize` does
    /// (first letter up, the rest down), joined by spaces.
    public static func titled(_ slug: String) -> String {
        slug.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }
            .joined(separator: " ")
    }

    /// Whether the tree has been read (always, unless it came from the cache).
    public var isDocumentLoaded: Bool { lazyDocument.isLoaded }

    /// A post whose tree is at hand; its keys are hashes of its trees.
    public init(document: Document, sourcePath: String, url: String, outputPath: String, date: Date, isDraft: Bool,
                excerpt: Document, readingMinutes: Int, source: SourceLines = .empty,
                contentKey: String? = nil, excerptKey: String? = nil) {
        lazyDocument = Lazy(document)
        lazyExcerpt = Lazy(excerpt)
        lazySource = Lazy(source)
        storedMetadata = document.metadata
        self.sourcePath = sourcePath
        self.url = url
        self.outputPath = outputPath
        self.date = date
        self.isDraft = isDraft
        self.readingMinutes = readingMinutes
        self.contentKey = contentKey ?? ContentHash.hex(document.jsonBytes())
        self.excerptKey = excerptKey ?? ContentHash.hex(excerpt.jsonBytes())
    }

    /// A post whose tree, excerpt and source are read when first needed;
    /// `metadata` must be what the tree will hold.
    init(metadata: Metadata, sourcePath: String, url: String, outputPath: String, date: Date, isDraft: Bool,
         readingMinutes: Int, contentKey: String, excerptKey: String,
         body: Lazy<PostBody>, excerpt: Lazy<Document>) {
        lazyDocument = Lazy { body.value.document }
        lazySource = Lazy { body.value.source }
        lazyExcerpt = excerpt
        storedMetadata = metadata
        self.sourcePath = sourcePath
        self.url = url
        self.outputPath = outputPath
        self.date = date
        self.isDraft = isDraft
        self.readingMinutes = readingMinutes
        self.contentKey = contentKey
        self.excerptKey = excerptKey
    }
}

/// A post's tree with the Markdown it was read from, read together.
struct PostBody: Sendable {
    var document: Document
    var source: SourceLines
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
