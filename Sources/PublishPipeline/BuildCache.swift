import Foundation
import PublishAST

/// The build cache, `SOURCE/.publish-cache/`: what the last build read of
/// each post file and what it made each output file from, so a rebuild
/// parses only the posts that changed and renders only the files whose
/// inputs did (see `SiteLoader.cache` and `OutputFolder.reuse`).
///
/// Its `fingerprint` names everything the entries depend on besides their
/// own inputs: the binary, the pipeline file and the site configuration.
/// A cache with another fingerprint, for another output folder, or that
/// does not read back whole is ignored, never trusted; the build then
/// starts it afresh. It is written only by `save`, atomically.
public final class BuildCache: @unchecked Sendable {
    /// The folder: `SOURCE/.publish-cache`.
    public let folder: URL
    public let fingerprint: String
    /// Why the cache on disk was not used, when there was one.
    public private(set) var ignored: String?

    private let previousPosts: [String: PostRecord]
    private let previousOutputs: [String: OutputRecord]
    private let previousFragments: [String: [UInt8]]
    private let previousDestination: String

    private let lock = NSLock()
    private var posts: [String: PostRecord] = [:]
    private var outputs: [String: OutputRecord] = [:]
    private var fragments: [String: [UInt8]] = [:]
    private var counts = (parsed: 0, recalled: 0)

    /// The file it lives in, inside `folder`.
    static let fileName = "build"
    /// Bumped whenever the layout of the file changes.
    static let formatVersion = 3
    private static let magic = Array("publish build cache\n".utf8)

    /// Reads the cache in `folder`, keeping it only when it was made with
    /// the same `fingerprint`.
    public init(folder: URL, fingerprint: String) {
        self.folder = folder
        self.fingerprint = fingerprint
        var posts: [String: PostRecord] = [:], outputs: [String: OutputRecord] = [:], destination = ""
        var fragments: [String: [UInt8]] = [:]
        let file = folder.appendingPathComponent(BuildCache.fileName)
        if let data = FileManager.default.contents(atPath: file.path) {
            do {
                var reader = CacheReader(Array(data))
                guard try reader.data() == BuildCache.magic, try reader.int() == BuildCache.formatVersion else {
                    throw CacheReader.Malformed()
                }
                if try reader.string() != fingerprint {
                    ignored = "it was made by another binary or with another configuration"
                } else {
                    destination = try reader.string()
                    for _ in 0..<(try reader.count(each: 17)) {
                        let record = try PostRecord(from: &reader)
                        posts[record.sourcePath] = record
                    }
                    for _ in 0..<(try reader.count(each: 56)) {
                        let path = try reader.string()
                        outputs[path] = try OutputRecord(from: &reader)
                    }
                    for _ in 0..<(try reader.count(each: 2)) {
                        let key = try reader.string()
                        fragments[key] = try reader.data()
                    }
                    guard reader.isAtEnd else { throw CacheReader.Malformed() }
                }
            } catch {
                ignored = "it does not read back whole"
                posts = [:]
                outputs = [:]
                fragments = [:]
                destination = ""
            }
        }
        previousPosts = posts
        previousOutputs = outputs
        previousFragments = fragments
        previousDestination = destination
    }

    /// How many post files were parsed, and how many came from the cache.
    public var postCounts: (parsed: Int, recalled: Int) {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    // MARK: Posts

    /// The last build's record of the file at `path`, if its bytes are the same.
    func record(for path: String, fileHash: String) -> PostRecord? {
        guard let record = previousPosts[path], record.fileHash == fileHash else { return nil }
        return record
    }

    /// Keeps `record` for the next build; `recalled` says it came from this cache.
    func remember(_ record: PostRecord, recalled: Bool) {
        lock.lock()
        posts[record.sourcePath] = record
        if recalled { counts.recalled += 1 } else { counts.parsed += 1 }
        lock.unlock()
    }

    /// Counts a post file read without a record being kept (drafts, Liquid, errors).
    func countParsed() {
        lock.lock()
        counts.parsed += 1
        lock.unlock()
    }

    // MARK: Outputs

    /// What the last build wrote at `path` of `destination` (a folder's path).
    func previousOutput(_ path: String, destination: String) -> OutputRecord? {
        guard destination == previousDestination else { return nil }
        return previousOutputs[path]
    }

    /// Records what the file at `path` of this build's output was made from.
    func rememberOutput(_ path: String, _ record: OutputRecord) {
        lock.lock()
        outputs[path] = record
        lock.unlock()
    }

    // MARK: Fragments

    /// A piece of an output the last build made from `key` (a `CacheKey` of
    /// everything it is made from), such as a post's excerpt as HTML, which
    /// every list holding the post shows: a rebuild copies it instead of
    /// reading the post's tree again. It is kept for the next build.
    public func fragment(_ key: String) -> [UInt8]? {
        guard let bytes = previousFragments[key] else { return nil }
        rememberFragment(key, bytes)
        return bytes
    }

    /// Keeps a fragment made in this build for the next one. Fragments no
    /// build asks for again are dropped when the cache is saved.
    public func rememberFragment(_ key: String, _ bytes: [UInt8]) {
        lock.lock()
        fragments[key] = bytes
        lock.unlock()
    }

    // MARK: Saving

    /// Writes what this build recorded, for an output in `destination`:
    /// to a temporary file, then renamed over the old one.
    ///
    /// - Throws: when the folder cannot be made or written.
    public func save(destination: URL) throws {
        lock.lock()
        var writer = CacheWriter()
        writer.data(BuildCache.magic)
        writer.int(BuildCache.formatVersion)
        writer.string(fingerprint)
        writer.string(destination.path)
        writer.int(posts.count)
        for path in posts.keys.sorted() { posts[path]!.write(to: &writer) }
        writer.int(outputs.count)
        for path in outputs.keys.sorted() {
            writer.string(path)
            outputs[path]!.write(to: &writer)
        }
        writer.int(fragments.count)
        for key in fragments.keys.sorted() {
            writer.string(key)
            writer.data(fragments[key]!)
        }
        lock.unlock()
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        // `.atomic` writes a temporary file beside it and renames it into place.
        try Data(writer.bytes).write(to: folder.appendingPathComponent(BuildCache.fileName), options: .atomic)
    }
}

/// What the cache knows of one output file: the key it was made from and
/// the stamp it had once written, so a file changed since is not reused.
struct OutputRecord: Sendable, Equatable {
    var key: String
    var stamp: FileStamp
    /// The output that made it (`html`, `atom`, …); "" when not known.
    var format: String

    func write(to writer: inout CacheWriter) {
        writer.string(key)
        stamp.write(to: &writer)
        writer.string(format)
    }

    init(key: String, stamp: FileStamp, format: String) {
        self.key = key
        self.stamp = stamp
        self.format = format
    }

    init(from reader: inout CacheReader) throws {
        key = try reader.string()
        stamp = try FileStamp(from: &reader)
        format = try reader.string()
    }
}
