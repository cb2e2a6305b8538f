import Foundation
import PublishPipeline

/// The fingerprint of a site's build cache: what every entry of it depends
/// on besides its own inputs. The binary (its version and the hash of its
/// executable file, so a rebuilt `publish` never reuses an entry), the
/// site folder, and the bytes of the pipeline file and of `_config.yml`.
/// Any change to them starts the cache afresh.
enum CacheFingerprint {
    /// The fingerprint, or nil when the cache cannot vouch for a build: a
    /// stage runs an outside command.
    static func make(project: Project, source: URL, pipelineFile: URL?, cacheFolder: URL) -> String? {
        guard !project.markdown.runsCommands else { return nil }
        var key = CacheKey("publish build cache")
        key.add(PublishVersion.current)
        key.add(executableIdentity(cacheFolder: cacheFolder))
        key.add(source.standardizedFileURL.path)
        let pipeline = pipelineFile ?? source.appendingPathComponent("publish.yml")
        for file in [pipeline, source.appendingPathComponent("_config.yml")] {
            key.add(file.path)
            key.add(FileManager.default.contents(atPath: file.path).map { ContentHash.hex($0) })
        }
        return key.value
    }

    /// What names the running executable's contents: its GNU build id (a
    /// hash of the linked file, which the linker writes into it) when it
    /// has one, else the SHA-256 of the whole file.
    static func executableIdentity(cacheFolder: URL) -> String {
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath(),
           let id = ELFBuildID.read(executable) {
            return "build-id " + id
        }
        return "sha256 " + executableHash(cacheFolder: cacheFolder)
    }

    /// The SHA-256 of the running executable. Hashing it takes a moment, so
    /// the hash is kept in the cache folder with the file's stamp (inode,
    /// size, modification time) and worked out again whenever that changes.
    static func executableHash(cacheFolder: URL) -> String {
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath(),
              let stamp = FileStamp(path: executable.path) else { return "unknown executable" }
        let note = cacheFolder.appendingPathComponent("binary")
        let header = "\(executable.path)\n\(stamp.device) \(stamp.inode) \(stamp.size) \(stamp.seconds) \(stamp.nanoseconds)\n"
        if let data = FileManager.default.contents(atPath: note.path) {
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            if lines.count == 4, lines[0...1].joined(separator: "\n") + "\n" == header, lines[2].utf8.count == 64 {
                return String(lines[2])
            }
        }
        guard let handle = FileHandle(forReadingAtPath: executable.path) else { return "unreadable executable" }
        defer { try? handle.close() }
        var hash = ContentHash()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hash.update(chunk) }
        let hex = hash.finishHex()
        // Kept only if the folder can be written; the build warns about that elsewhere.
        try? FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        try? Data((header + hex + "\n").utf8).write(to: note, options: .atomic)
        return hex
    }
}
