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
        // Every folder, parents before their children; removed in reverse.
        var folders = [path]
        var next = 0
        while next < folders.count {
            let folder = folders[next]
            next += 1
            guard let directory = opendir(folder) else { throw error(folder) }
            defer { closedir(directory) }
            let descriptor = dirfd(directory)
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                guard name != ".", name != ".." else { continue }
                var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
                if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                    var child = stat()
                    guard fstatat(descriptor, name, &child, AT_SYMLINK_NOFOLLOW) == 0 else { throw error(folder + "/" + name) }
                    isFolder = (child.st_mode & S_IFMT) == S_IFDIR
                }
                if isFolder {
                    folders.append(folder + "/" + name)
                } else if unlinkat(descriptor, name, 0) != 0, errno != ENOENT {
                    throw error(folder + "/" + name)
                }
            }
        }
        for folder in folders.reversed() where rmdir(folder) != 0 && errno != ENOENT {
            throw error(folder)
        }
    }

    /// The regular files below the folder `path`, to any depth, as paths
    /// relative to it (hidden ones too; symbolic links are neither followed
    /// nor listed). None when the folder is not there. Walks with a list of
    /// folders to visit, never by recursion.
    public static func regularFiles(below path: String) -> [String] {
        var result: [String] = []
        var folders = [""]
        while let relative = folders.popLast() {
            let folder = relative.isEmpty ? path : path + "/" + relative
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            let descriptor = dirfd(directory)
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                guard name != ".", name != ".." else { continue }
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var child = stat()
                    guard fstatat(descriptor, name, &child, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                    switch child.st_mode & S_IFMT {
                    case S_IFDIR: type = Int32(DT_DIR)
                    case S_IFREG: type = Int32(DT_REG)
                    default: continue
                    }
                }
                let child = relative.isEmpty ? name : relative + "/" + name
                if type == Int32(DT_DIR) {
                    folders.append(child)
                } else if type == Int32(DT_REG) {
                    result.append(child)
                }
            }
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
    /// every folder left empty. `path` itself stays. Walks with a list of
    /// folders to visit, never by recursion.
    ///
    /// - Throws: a `CocoaError` naming the first entry that would not go.
    public static func sweep(_ path: String, keep: (String) -> Bool) throws {
        var folders: [String] = [""]
        var next = 0
        while next < folders.count {
            let relative = folders[next]
            next += 1
            let folder = relative.isEmpty ? path : path + "/" + relative
            guard let directory = opendir(folder) else { throw error(folder) }
            defer { closedir(directory) }
            let descriptor = dirfd(directory)
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                guard name != ".", name != ".." else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                if keep(child) { continue }
                var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
                if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { throw error(folder + "/" + name) }
                    isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isFolder {
                    folders.append(child)
                } else if unlinkat(descriptor, name, 0) != 0, errno != ENOENT {
                    throw error(folder + "/" + name)
                }
            }
        }
        // Children come after their parents: the deepest go first.
        for relative in folders.dropFirst().reversed() {
            let folder = path + "/" + relative
            if rmdir(folder) != 0, errno != ENOTEMPTY, errno != EEXIST, errno != ENOENT { throw error(folder) }
        }
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

    private static func error(_ path: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                                                 NSLocalizedDescriptionKey: String(cString: strerror(errno))])
    }
}
