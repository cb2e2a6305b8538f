import Foundation
import PublishAST

/// Where a build writes. Everything goes into a staging folder beside the
/// real one, which `commit()` swaps into place, so a build that is killed
/// or fails leaves the previous output whole. No path can leave the folder.
public final class OutputFolder: @unchecked Sendable {
    /// The folder the site ends up in.
    public let destination: URL
    /// Where files are written until `commit()`.
    public let staging: URL
    private let lock = NSLock()
    /// Folders of the staging tree already made.
    private var madeFolders: Set<String> = []
    private var written: Set<String> = []
    /// Folders given whole to one output.
    private var claimedFolders: [String] = []
    /// Where what each file was made from is recorded, and the last build's
    /// files are found for `reuse`; nil when the build has no cache.
    public let cache: BuildCache?
    private var counts = (rendered: 0, reused: 0)

    /// Makes a fresh staging folder, removing any a killed build left.
    public init(destination: URL, cache: BuildCache? = nil) throws {
        self.cache = cache
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = self.destination.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).staging")
        try? FileTree.remove(staging.path)
        try? FileTree.remove(parent.appendingPathComponent(".\(name).previous").path)
        try FileTree.makeFolder(staging.path)
    }

    /// Writes `bytes` at `path`, relative to the output folder.
    ///
    /// - Throws: a `Diagnostic` when the path would leave the folder or two
    ///   outputs claim the same file.
    public func write(_ bytes: [UInt8], to path: String) throws {
        let file = try place(path)
        try makeFolder(file.deletingLastPathComponent())
        try OutputFolder.writeFile(bytes, at: file.path)
        count(rendered: 1)
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

    /// Creates a folder of the staging tree once, however many files go in it.
    private func makeFolder(_ folder: URL) throws {
        lock.lock()
        let known = madeFolders.contains(folder.path)
        lock.unlock()
        guard !known else { return }
        try FileTree.makeFolder(folder.path)
        lock.lock()
        madeFolders.insert(folder.path)
        lock.unlock()
    }

    /// Copies a file of the source folder to `path` in the output.
    public func copy(_ source: URL, to path: String) throws {
        let file = try place(path)
        try makeFolder(file.deletingLastPathComponent())
        try FileManager.default.copyItem(at: source, to: file)
        count(rendered: 1)
    }

    // MARK: Reusing the last build's files

    /// Whether keys are worth working out: the build has a cache.
    public var isCaching: Bool { cache != nil }

    /// How many files this build wrote, and how many it carried over from
    /// the last build unchanged.
    public var fileCounts: (rendered: Int, reused: Int) {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }

    /// Carries the last build's file at `path` over into this one when it
    /// was made from the same `key` (a `CacheKey` of everything the file is
    /// made from) and is still as that build left it. Returns false, having
    /// done nothing, when the file must be made again.
    public func reuse(_ path: String, key: String) throws -> Bool {
        guard let cache, !key.isEmpty, let old = cache.previousOutput(normalized(path), destination: destination),
              old.key == key else { return false }
        let previous = destination.appendingPathComponent(normalized(path))
        guard FileStamp(path: previous.path) == old.stamp else { return false }
        let file = try place(path)
        try makeFolder(file.deletingLastPathComponent())
        do {
            // A hard link is the same file: its stamp is the one just checked.
            try FileTree.hardLink(previous.path, at: file.path)
            cache.rememberOutput(normalized(path), OutputRecord(key: key, stamp: old.stamp))
        } catch {
            try FileManager.default.copyItem(at: previous, to: file)
            remember(path, key: key, at: file)
        }
        count(reused: 1)
        return true
    }

    /// Writes `bytes` at `path` and records `key` as what they were made
    /// from, for the next build's `reuse`.
    public func write(_ bytes: [UInt8], to path: String, key: String) throws {
        try write(bytes, to: path)
        remember(path, key: key, at: staging.appendingPathComponent(normalized(path)))
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
        remember(path, key: key.value, at: staging.appendingPathComponent(normalized(path)))
    }

    private func remember(_ path: String, key: String, at file: URL) {
        guard let cache, !key.isEmpty, let stamp = FileStamp(path: file.path) else { return }
        cache.rememberOutput(normalized(path), OutputRecord(key: key, stamp: stamp))
    }

    private func count(rendered: Int = 0, reused: Int = 0) {
        lock.lock()
        counts.rendered += rendered
        counts.reused += reused
        lock.unlock()
    }

    private func normalized(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
    }

    /// A folder of its own for an output that writes files itself (an
    /// external command), claimed whole.
    public func folder(named name: String) throws -> URL {
        let folder = try place(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        lock.lock()
        claimedFolders.append(name + "/")
        lock.unlock()
        return folder
    }

    /// Claims `path` for one writer and returns where it lives in staging.
    private func place(_ path: String) throws -> URL {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !path.hasPrefix("/"), !segments.isEmpty, !segments.contains(where: { $0 == ".." || $0 == "." }) else {
            throw Diagnostic.error("refusing to write '\(path)': it is not a path inside the output folder")
        }
        let normal = segments.joined(separator: "/")
        lock.lock()
        let (isNew, _) = written.insert(normal)
        lock.unlock()
        guard isNew else { throw Diagnostic.error("two outputs write the same file, \(normal)") }
        return staging.appendingPathComponent(normal)
    }

    /// Files from the previous output that this build did not write are
    /// carried over (hard-linked), for a build of only some formats.
    public func keepPrevious() throws {
        guard let files = FileManager.default.enumerator(at: destination, includingPropertiesForKeys: [.isRegularFileKey])
        else { return }
        let base = destination.path.hasSuffix("/") ? destination.path : destination.path + "/"
        for case let file as URL in files {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = String(file.standardizedFileURL.path.dropFirst(base.count))
            lock.lock()
            let taken = written.contains(relative) || claimedFolders.contains { relative.hasPrefix($0) }
            lock.unlock()
            guard !taken else { continue }
            let target = staging.appendingPathComponent(relative)
            try makeFolder(target.deletingLastPathComponent())
            try FileManager.default.linkItem(at: file, to: target)
            if let cache, let old = cache.previousOutput(relative, destination: destination),
               FileStamp(path: target.path) == old.stamp {
                cache.rememberOutput(relative, old)
            }
        }
    }

    /// Puts the staged folder in place of the destination: two renames, so
    /// at every moment one whole output exists.
    public func commit() throws {
        let previous = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).previous")
        let manager = FileManager.default
        if manager.fileExists(atPath: destination.path) {
            try manager.moveItem(at: destination, to: previous)
        }
        try manager.moveItem(at: staging, to: destination)
        try? FileTree.remove(previous.path)
    }

    /// Drops the staged files: the destination is left as it was.
    public func discard() {
        try? FileTree.remove(staging.path)
    }
}
