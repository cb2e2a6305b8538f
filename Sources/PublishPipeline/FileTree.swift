import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Folder trees made and removed with plain system calls. A rebuild swaps
/// out a previous output of thousands of files; `FileManager.removeItem`
/// looked up each file's owner (reading `/etc/passwd` and `/etc/group`
/// every time) and took longer than the rest of the rebuild.
public enum FileTree {
    /// Removes `path` and, when it is a folder, everything below it,
    /// without following symbolic links. Nothing there is not an error.
    /// Walks with a list of folders to visit, never by recursion.
    ///
    /// - Throws: a `CocoaError` naming the first entry that would not go.
    public static func remove(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw error(path)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            guard unlink(path) == 0 || errno == ENOENT else { throw error(path) }
            return
        }
        let folders = try walk(path, strict: true) { entry in
            guard entry.kind != .folder else { return true }
            try entry.unlink()
            return false
        }
        for relative in folders.reversed() {
            let folder = relative.isEmpty ? path : path + "/" + relative
            if rmdir(folder) != 0, errno != ENOENT { throw error(folder) }
        }
    }

    /// The regular files below the folder `path`, to any depth, as paths
    /// relative to it (hidden ones too; symbolic links are neither followed
    /// nor listed). None when the folder is not there.
    public static func regularFiles(below path: String) -> [String] {
        var result: [String] = []
        _ = try? walk(path, strict: false) { entry in
            if entry.kind == .file { result.append(entry.relative) }
            return entry.kind == .folder
        }
        return result
    }

    /// Whether `path` is a folder (a symbolic link is not).
    public static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Removes from the folder `path` every entry but the folders and the
    /// entries `keep` answers true for (given paths relative to `path`; a
    /// kept folder is given with no trailing slash and left whole), then
    /// every folder left empty. `path` itself stays.
    ///
    /// - Throws: a `CocoaError` naming the first entry that would not go.
    public static func sweep(_ path: String, keep: (String) -> Bool) throws {
        let folders = try walk(path, strict: true) { entry in
            if keep(entry.relative) { return false }
            guard entry.kind != .folder else { return true }
            try entry.unlink()
            return false
        }
        // Children come after their parents: the deepest go first.
        for relative in folders.dropFirst().reversed() {
            let folder = path + "/" + relative
            if rmdir(folder) != 0, errno != ENOTEMPTY, errno != EEXIST, errno != ENOENT { throw error(folder) }
        }
    }

    /// One entry met by `walk`, in the folder it is read from.
    private struct Entry {
        enum Kind { case folder, file, other }
        /// Its path relative to the walk's root.
        var relative: String
        var kind: Kind
        /// The open folder holding it, and its name there.
        var folderDescriptor: Int32
        var name: String
        var folder: String

        /// Removes the entry (not a folder); gone already is not an error.
        func unlink() throws {
            if unlinkat(folderDescriptor, name, 0) != 0, errno != ENOENT { throw FileTree.error(folder + "/" + name) }
        }
    }

    /// Reads every folder below `path` once, parents before their children,
    /// with a list of folders to visit, never by recursion (symbolic links
    /// are not followed). `visit` is given each entry and answers, for a
    /// folder, whether to go into it. Returns the folders gone into,
    /// relative to `path` ("" is `path`), parents first.
    ///
    /// - Parameter strict: a folder or entry that cannot be read is an
    ///   error; else it is passed over.
    private static func walk(_ path: String, strict: Bool, visit: (Entry) throws -> Bool) throws -> [String] {
        var folders = [""]
        var next = 0
        while next < folders.count {
            let relative = folders[next]
            next += 1
            let folder = relative.isEmpty ? path : path + "/" + relative
            guard let directory = opendir(folder) else {
                if strict { throw error(folder) }
                continue
            }
            defer { closedir(directory) }
            let descriptor = dirfd(directory)
            while let found = readdir(directory) {
                let name = withUnsafeBytes(of: found.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                guard name != ".", name != ".." else { continue }
                var type = Int32(found.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                        if strict { throw error(folder + "/" + name) }
                        continue
                    }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: type = Int32(DT_DIR)
                    case S_IFREG: type = Int32(DT_REG)
                    default: type = Int32(DT_UNKNOWN)
                    }
                }
                let kind: Entry.Kind = type == Int32(DT_DIR) ? .folder : type == Int32(DT_REG) ? .file : .other
                let child = relative.isEmpty ? name : relative + "/" + name
                let entry = Entry(relative: child, kind: kind, folderDescriptor: descriptor, name: name, folder: folder)
                if try visit(entry), kind == .folder { folders.append(child) }
            }
        }
        return folders
    }

    /// The names in a folder, sorted, and apart from them the names that
    /// are not UTF-8 (a file copied from an old system), written with their
    /// bad bytes as `\xFF`: no String could name those files again. An
    /// unreadable folder has no names.
    public static func names(in folder: String) -> (names: [String], notUTF8: [String]) {
        guard let directory = opendir(folder) else { return ([], []) }
        defer { closedir(directory) }
        var names: [String] = [], notUTF8: [String] = []
        while let found = readdir(directory) {
            let bytes = withUnsafeBytes(of: found.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if let name = String(validating: bytes, as: UTF8.self) {
                if name != ".", name != ".." { names.append(name) }
            } else {
                notUTF8.append(escaped(bytes))
            }
        }
        return (names.sorted(), notUTF8.sorted())
    }

    /// The bytes as text, each byte that is not part of valid UTF-8 as `\xNN`.
    private static func escaped(_ bytes: [UInt8]) -> String {
        var text = "", index = 0
        while index < bytes.count {
            // The longest valid sequence from here (1 to 4 bytes), else one bad byte.
            var taken = false
            for length in stride(from: min(4, bytes.count - index), through: 1, by: -1) {
                if let piece = String(validating: bytes[index..<(index + length)], as: UTF8.self), piece.count == 1 {
                    text += piece
                    index += length
                    taken = true
                    break
                }
            }
            if !taken {
                text += "\\x" + String(bytes[index], radix: 16, uppercase: true)
                index += 1
            }
        }
        return text
    }

    /// Makes `path` and any of its parents that are missing, as
    /// `mkdir -p` does. A folder already there is not an error.
    ///
    /// - Throws: a `CocoaError` naming the folder that could not be made.
    public static func makeFolder(_ path: String) throws {
        var missing: [String] = []
        var current = path
        while !current.isEmpty, current != "/" {
            if mkdir(current, 0o777) == 0 || errno == EEXIST { break }
            guard errno == ENOENT else { throw error(current) }
            missing.append(current)
            guard let slash = current.lastIndex(of: "/") else { break }
            current = String(current[..<slash])
        }
        for folder in missing.reversed() where mkdir(folder, 0o777) != 0 && errno != EEXIST {
            throw error(folder)
        }
    }

    /// A hard link at `path` to the file at `target`.
    ///
    /// - Throws: a `CocoaError` when the link cannot be made.
    public static func hardLink(_ target: String, at path: String) throws {
        guard link(target, path) == 0 else { throw error(path) }
    }

    fileprivate static func error(_ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                                                 NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }
}
