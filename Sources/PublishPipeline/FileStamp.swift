import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a path holds and when it last changed: device, inode, size
/// and modification time to the nanosecond. The build cache uses it to
/// know that an output file is still the one it wrote, and to carry static
/// files over, as `make` does.
public struct FileStamp: Hashable, Sendable {
    public var device: Int
    public var inode: Int
    public var size: Int
    public var seconds: Int
    public var nanoseconds: Int

    public init(device: Int, inode: Int, size: Int, seconds: Int, nanoseconds: Int) {
        self.device = device
        self.inode = inode
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// The stamp of the regular file at `path`, or nil when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        device = Int(info.st_dev)
        inode = Int(info.st_ino)
        size = Int(info.st_size)
        #if canImport(Darwin)
        seconds = Int(info.st_mtimespec.tv_sec)
        nanoseconds = Int(info.st_mtimespec.tv_nsec)
        #else
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        #endif
    }

    func write(to writer: inout CacheWriter) {
        for value in [device, inode, size, seconds, nanoseconds] { writer.int(value) }
    }

    init(from reader: inout CacheReader) throws {
        self.init(device: try reader.int(), inode: try reader.int(), size: try reader.int(), seconds: try reader.int(),
                  nanoseconds: try reader.int())
    }
}
