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
    private var written: Set<String> = []
    /// Folders given whole to one output.
    private var claimedFolders: [String] = []

    /// Makes a fresh staging folder, removing any a killed build left.
    public init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        let name = self.destination.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).staging")
        try? FileManager.default.removeItem(at: staging)
        try? FileManager.default.removeItem(at: parent.appendingPathComponent(".\(name).previous"))
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes `bytes` at `path`, relative to the output folder.
    ///
    /// - Throws: a `Diagnostic` when the path would leave the folder or two
    ///   outputs claim the same file.
    public func write(_ bytes: [UInt8], to path: String) throws {
        let file = try place(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
    }

    /// Copies a file of the source folder to `path` in the output.
    public func copy(_ source: URL, to path: String) throws {
        let file = try place(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: file)
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
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.linkItem(at: file, to: target)
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
        try? manager.removeItem(at: previous)
    }

    /// Drops the staged files: the destination is left as it was.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
