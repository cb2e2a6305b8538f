import Foundation
import PublishAST

/// Where a build writes. Everything goes into a staging folder, which
/// `commit()` swaps into place, so a build that is killed or fails leaves
/// the previous output whole. No path can leave the folder.
///
/// The output the swap replaces is kept (where a file did not change it is
/// a hard link to the same data) and becomes the next build's staging
/// folder: that build rewrites in it only what differs and removes what it
/// did not write, instead of making and deleting a folder tree of
/// thousands of entries each time.
///
/// Both live in the build cache's folder (`NAME.staging`, `NAME.previous`
/// in `.publish-cache/`) when there is one on the output's file system,
/// so a site needs one ignore line for everything a build keeps; else
/// beside the output (`.NAME.staging`, `.NAME.previous`), since a rename
/// cannot cross file systems. See `Places`.
public final class OutputFolder: @unchecked Sendable {
    /// The folder the site ends up in.
    public let destination: URL
    /// Where files are written until `commit()`.
    public let staging: URL
    /// Where the output `commit()` replaces is kept, to be recycled.
    public let previous: URL
    /// The output (`html`, `atom`, …) whose files this handle writes, as
    /// the build cache records them: a build of some formats drops the
    /// files the last build made for those formats and no longer makes.
    /// Nil for the handle the build holds; see `scoped(to:)`.
    public let format: String?
    /// What every handle of one build's folder writes to.
    private let shared: Shared
    /// Where what each file was made from is recorded, and the last build's
    /// files are found for `reuse`; nil when the build has no cache.
    public let cache: BuildCache?
    /// `destination.path` and `staging.path`, worked out once: paths are
    /// joined as strings, thousands of times a build.
    private let destinationPath: String
    private let stagingPath: String
    /// Whether the staging folder is a former output being brought up to
    /// date, so any entry in it may be in the way, or be a hard link to a
    /// file of the current output that must not be written through.
    private let recycled: Bool

    /// What the handles of one build share, behind one lock.
    private final class Shared: @unchecked Sendable {
        let lock = NSLock()
        /// Folders of the staging tree already made.
        var madeFolders: Set<String> = []
        var written: Set<String> = []
        /// Files of the previous output carried over by `keepPrevious`.
        var kept: Set<String> = []
        /// Folders given whole to one output.
        var claimedFolders: [String] = []
        var counts = (rendered: 0, reused: 0)
    }

    /// A handle on the same folder that writes for `format`.
    public func scoped(to format: String) -> OutputFolder {
        OutputFolder(sharing: self, format: format)
    }

    private init(sharing other: OutputFolder, format: String) {
        destination = other.destination
        staging = other.staging
        previous = other.previous
        cache = other.cache
        destinationPath = other.destinationPath
        stagingPath = other.stagingPath
        recycled = other.recycled
        shared = other.shared
        self.format = format
    }

    /// Makes a fresh staging folder, removing any a killed build left.
    public init(destination: URL, cache: BuildCache? = nil) throws {
        self.cache = cache
        format = nil
        shared = Shared()
        self.destination = destination.standardizedFileURL
        let places = Places(destination: self.destination, cacheFolder: cache?.folder)
        staging = places.staging
        self.previous = places.previous
        destinationPath = self.destination.path
        stagingPath = staging.path
        places.migrate()
        try? FileTree.remove(staging.path)
        let previous = places.previous.path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: previous, isDirectory: &isFolder), isFolder.boolValue,
           rename(previous, stagingPath) == 0 {
            recycled = true
        } else {
            try? FileTree.remove(previous)
            try FileTree.makeFolder(staging.path)
            recycled = false
        }
    }

    /// Clears the way for a file at `file` in a recycled staging folder: an
    /// old file there (which may share its data with the current output)
    /// or a folder of that name is removed.
    private func clear(_ file: String) throws {
        if recycled { try FileTree.remove(file) }
    }

    /// Writes `bytes` at `path`, relative to the output folder.
    ///
    /// - Throws: a `Diagnostic` when the path would leave the folder or two
    ///   outputs claim the same file.
    public func write(_ bytes: [UInt8], to path: String) throws {
        // Recorded with no key: never reused, but known to be this output's.
        try write(bytes, to: path, key: "")
    }

    /// The file's bytes, with no `fsync`: the staging folder is what makes
    /// a build all-or-nothing (it is swapped in whole, or not at all), so
    /// syncing each of thousands of pages would cost seconds and buy nothing.
    static func writeFile(_ bytes: [UInt8], at path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputFolder.posixError(path) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw OutputFolder.posixError(path)
            }
            written += result
        }
    }

    private static func posixError(_ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                                                 NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }

    /// Creates the folder of the staging tree that `file` goes in, once,
    /// however many files go in it.
    private func makeFolder(containing file: String) throws {
        guard let slash = file.lastIndex(of: "/") else { return }
        let folder = String(file[..<slash])
        shared.lock.lock()
        let known = shared.madeFolders.contains(folder)
        shared.lock.unlock()
        guard !known else { return }
        do {
            try FileTree.makeFolder(folder)
            if recycled, !FileTree.isFolder(folder) { throw CocoaError(.fileWriteFileExists) }
        } catch where recycled {
            // A file of the former output stands where a folder goes now.
            var prefix = stagingPath
            for segment in folder.dropFirst(stagingPath.count).split(separator: "/") {
                prefix += "/" + segment
                if !FileTree.isFolder(prefix) { try FileTree.remove(prefix) }
            }
            try FileTree.makeFolder(folder)
        }
        shared.lock.lock()
        shared.madeFolders.insert(folder)
        shared.lock.unlock()
    }

    /// Copies a file of the source folder to `path` in the output.
    public func copy(_ source: URL, to path: String) throws {
        let file = try place(path)
        try makeFolder(containing: file)
        try clear(file)
        // The file a link leads to, never the link: the output holds no links.
        try FileManager.default.copyItem(at: source.resolvingSymlinksInPath(), to: URL(fileURLWithPath: file))
        count(rendered: 1)
    }

    // MARK: Reusing the last build's files

    /// Whether keys are worth working out: the build has a cache.
    public var isCaching: Bool { cache != nil }

    /// How many files this build wrote, and how many it carried over from
    /// the last build unchanged.
    public var fileCounts: (rendered: Int, reused: Int) {
        shared.lock.lock()
        defer { shared.lock.unlock() }
        return shared.counts
    }

    /// Carries the last build's file at `path` over into this one when it
    /// was made from the same `key` (a `CacheKey` of everything the file is
    /// made from) and is still as that build left it. Returns false, having
    /// done nothing, when the file must be made again.
    public func reuse(_ path: String, key: String) throws -> Bool {
        let normal = normalized(path)
        guard let cache, !key.isEmpty, let old = cache.previousOutput(normal, destination: destinationPath),
              old.key == key else { return false }
        let previous = destinationPath + "/" + normal
        guard FileStamp(path: previous) == old.stamp else { return false }
        let file = try place(path)
        try makeFolder(containing: file)
        // A recycled staging folder often holds this very file already.
        if recycled, FileStamp(path: file) == old.stamp {
            cache.rememberOutput(normal, OutputRecord(key: key, stamp: old.stamp, format: format ?? old.format))
            count(reused: 1)
            return true
        }
        try clear(file)
        do {
            // A hard link is the same file: its stamp is the one just checked.
            try FileTree.hardLink(previous, at: file)
            cache.rememberOutput(normal, OutputRecord(key: key, stamp: old.stamp, format: format ?? old.format))
        } catch {
            try FileManager.default.copyItem(at: URL(fileURLWithPath: previous), to: URL(fileURLWithPath: file))
            remember(path, key: key, at: file)
        }
        count(reused: 1)
        return true
    }

    /// Writes the file `render` makes at `path`, or carries the last
    /// build's over when it was made from the same key (worked out only
    /// when the build keeps a cache).
    public func put(_ path: String, key: @autoclosure () -> String, render: () throws -> [UInt8]) throws {
        guard isCaching else { return try write(render(), to: path) }
        let key = key()
        if try reuse(path, key: key) { return }
        try write(render(), to: path, key: key)
    }

    /// Writes `bytes` at `path` and records `key` as what they were made
    /// from, for the next build's `reuse`.
    public func write(_ bytes: [UInt8], to path: String, key: String) throws {
        let file = try place(path)
        try makeFolder(containing: file)
        try clear(file)
        try OutputFolder.writeFile(bytes, at: file)
        count(rendered: 1)
        remember(path, key: key, at: file)
    }

    /// Copies a file of the source folder, carrying the last build's copy
    /// over instead while the source file's stamp is the same.
    public func copy(_ source: URL, to path: String, reusing: Bool) throws {
        guard reusing, isCaching, let stamp = FileStamp(path: source.path) else { return try copy(source, to: path) }
        var key = CacheKey("copy")
        key.add(source.path)
        for value in [stamp.device, stamp.inode, stamp.size, stamp.seconds, stamp.nanoseconds] { key.add(value) }
        if try reuse(path, key: key.value) { return }
        try copy(source, to: path)
        remember(path, key: key.value, at: stagingPath + "/" + normalized(path))
    }

    /// Records the file for the next build: what it was made from (a key
    /// "" is never reused) and which output made it.
    private func remember(_ path: String, key: String, at file: String) {
        guard let cache, let stamp = FileStamp(path: file) else { return }
        cache.rememberOutput(normalized(path), OutputRecord(key: key, stamp: stamp, format: format ?? ""))
    }

    private func count(rendered: Int = 0, reused: Int = 0) {
        shared.lock.lock()
        shared.counts.rendered += rendered
        shared.counts.reused += reused
        shared.lock.unlock()
    }

    private func normalized(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
    }

    /// A folder of its own for an output that writes files itself (an
    /// external command), claimed whole.
    public func folder(named name: String) throws -> URL {
        let path = try place(name)
        try clear(path)
        let folder = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        shared.lock.lock()
        shared.claimedFolders.append(name + "/")
        shared.lock.unlock()
        return folder
    }

    /// Claims `path` for one writer and returns where it lives in staging.
    private func place(_ path: String) throws -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !path.hasPrefix("/"), !segments.isEmpty, !segments.contains(where: { $0 == ".." || $0 == "." }) else {
            throw Diagnostic.error("refusing to write '\(path)': it is not a path inside the output folder")
        }
        let normal = segments.joined(separator: "/")
        shared.lock.lock()
        let (isNew, _) = shared.written.insert(normal)
        shared.lock.unlock()
        guard isNew else { throw Diagnostic.error("two outputs write the same file, \(normal)") }
        return stagingPath + "/" + normal
    }

    /// Files from the previous output that this build did not write are
    /// carried over (hard-linked), for a build of only some formats: all
    /// but those the build cache says one of `formats` made, which that
    /// output no longer makes (the page of a post deleted since). With no
    /// cache, every file is carried over.
    public func keepPrevious(except formats: Set<String>) throws {
        for relative in FileTree.regularFiles(below: destinationPath) {
            let file = destinationPath + "/" + relative
            shared.lock.lock()
            let taken = shared.written.contains(relative) || shared.claimedFolders.contains { relative.hasPrefix($0) }
            shared.lock.unlock()
            guard !taken else { continue }
            if let made = cache?.previousOutput(relative, destination: destinationPath)?.format,
               formats.contains(made) { continue }
            shared.lock.lock()
            shared.kept.insert(relative)
            shared.lock.unlock()
            let target = stagingPath + "/" + relative
            try makeFolder(containing: target)
            try clear(target)
            try FileTree.hardLink(file, at: target)
            if let cache, let old = cache.previousOutput(relative, destination: destinationPath),
               FileStamp(path: target) == old.stamp {
                cache.rememberOutput(relative, old)
            }
        }
    }

    /// Puts the staged folder in place of the destination: two renames, so
    /// at every moment one whole output exists.
    /// The output it replaces is kept as `previous`, for the next build
    /// to recycle.
    public func commit() throws {
        if recycled {
            // What the former output had and this build did not write goes.
            shared.lock.lock()
            let keep = shared.written.union(shared.kept)
            let claimed = shared.claimedFolders
            shared.lock.unlock()
            try FileTree.sweep(stagingPath) { relative in
                keep.contains(relative) || claimed.contains { relative.hasPrefix($0) || relative + "/" == $0 }
            }
        }
        let manager = FileManager.default
        if manager.fileExists(atPath: destination.path) {
            try manager.moveItem(at: destination, to: previous)
        }
        try manager.moveItem(at: staging, to: destination)
    }

    /// Drops the staged files: the destination is left as it was.
    public func discard() {
        try? FileTree.remove(staging.path)
    }
}
