import Foundation
import PublishAST

/// What the build cache keeps of one post file, so that a rebuild can put
/// the post in the site without parsing it: everything the site's lists
/// and feeds need, and what reading it reported. Valid while the file's
/// bytes hash to `fileHash` and the cache's fingerprint (binary, pipeline,
/// configuration) is the same.
struct PostRecord: Sendable {
    /// A link in the post to a Markdown file, which the site resolves to
    /// another post's or page's URL.
    struct Link: Sendable, Hashable {
        /// The file part of the destination, as `PostLinks` reads it.
        var file: String
        var location: SourceLocation?
        /// Whether it is in the tree (its warning is reported) or only in a
        /// front-matter excerpt.
        var inDocument: Bool
    }

    var sourcePath: String
    /// The SHA-256 of the file's bytes.
    var fileHash: String
    /// `published: false`: the file gives no post.
    var unpublished: Bool
    /// For a file that holds Liquid, the `Liquid.cacheKey` it was expanded
    /// with; empty for the others.
    var liquidKey = ""
    var url = ""
    var outputPath = ""
    var date = Date(timeIntervalSince1970: 0)
    var readingMinutes = 0
    /// A document with no content holding the post's metadata, in its JSON form.
    var metadataJSON: [UInt8] = []
    /// The excerpt before its links were resolved, in its JSON form.
    var excerptJSON: [UInt8] = []
    var links: [Link] = []
    /// What reading the file reported (warnings only: a file with errors
    /// is not kept).
    var diagnostics: [Diagnostic] = []

    /// The key of what the post's tree is made from, given the URLs its
    /// links lead to now.
    func contentKey(resolved: [String?]) -> String {
        var key = CacheKey("post")
        key.add(sourcePath)
        key.add(fileHash)
        key.add(liquidKey)
        add(resolved, to: &key)
        return key.value
    }

    /// The key of what its excerpt is made from.
    func excerptKey(resolved: [String?]) -> String {
        var key = CacheKey("excerpt")
        key.add(ContentHash.hex(excerptJSON))
        key.add(liquidKey)
        add(resolved, to: &key)
        return key.value
    }

    private func add(_ resolved: [String?], to key: inout CacheKey) {
        key.add(links.count)
        for (link, url) in zip(links, resolved) {
            key.add(link.file)
            key.add(url)
        }
    }

    func write(to writer: inout CacheWriter) {
        writer.string(sourcePath)
        writer.string(fileHash)
        writer.bool(unpublished)
        writer.string(liquidKey)
        writer.int(diagnostics.count)
        for diagnostic in diagnostics { writer.diagnostic(diagnostic) }
        guard !unpublished else { return }
        writer.string(url)
        writer.string(outputPath)
        writer.double(date.timeIntervalSince1970)
        writer.int(readingMinutes)
        writer.data(metadataJSON)
        writer.data(excerptJSON)
        writer.int(links.count)
        for link in links {
            writer.string(link.file)
            writer.location(link.location)
            writer.bool(link.inDocument)
        }
    }

    init(sourcePath: String, fileHash: String, unpublished: Bool) {
        self.sourcePath = sourcePath
        self.fileHash = fileHash
        self.unpublished = unpublished
    }

    init(from reader: inout CacheReader) throws {
        sourcePath = try reader.string()
        fileHash = try reader.string()
        unpublished = try reader.bool()
        liquidKey = try reader.string()
        diagnostics = try (0..<reader.count(each: 10)).map { _ in try reader.diagnostic() }
        guard !unpublished else { return }
        url = try reader.string()
        outputPath = try reader.string()
        date = Date(timeIntervalSince1970: try reader.double())
        readingMinutes = try reader.int()
        metadataJSON = try reader.data()
        excerptJSON = try reader.data()
        links = try (0..<reader.count(each: 10)).map { _ in
            Link(file: try reader.string(), location: try reader.location(), inDocument: try reader.bool())
        }
    }
}
