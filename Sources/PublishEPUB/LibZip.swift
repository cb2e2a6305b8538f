import CLibZip
import Foundation

/// Every call into libzip: entries in, the archive's bytes out. Entries are
/// written in the order given, each with the same DOS time, so the same
/// entries always give the same bytes. No libzip pointer leaves this file.
enum LibZip {
    struct Entry {
        var path: String
        var bytes: [UInt8]
        /// Stored as is rather than deflated (EPUB's `mimetype`).
        var stored = false
    }

    /// A DOS date and time, the only clock a zip entry has.
    struct DOSTime {
        var time: UInt16
        var date: UInt16
    }

    enum Failure: Error, CustomStringConvertible {
        case libzip(String)
        var description: String {
            switch self { case .libzip(let message): return "libzip: \(message)" }
        }
    }

    static func archive(_ entries: [Entry], modified: DOSTime) throws -> [UInt8] {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let buffer = zip_source_buffer_create(nil, 0, 0, &error) else { throw failure(&error) }
        guard let archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error) else {
            zip_source_free(buffer)
            throw failure(&error)
        }
        // The archive now owns the buffer; this reference keeps it for
        // reading the bytes after the archive is closed.
        zip_source_keep(buffer)
        defer { zip_source_free(buffer) }
        for entry in entries {
            do {
                try add(entry, to: archive, modified: modified)
            } catch {
                zip_discard(archive)
                throw error
            }
        }
        guard zip_close(archive) == 0 else {
            let message = String(cString: zip_strerror(archive))
            zip_discard(archive)
            throw Failure.libzip(message)
        }
        return try read(buffer)
    }

    private static func add(_ entry: Entry, to archive: OpaquePointer, modified: DOSTime) throws {
        // libzip frees the copy once the archive is written.
        let copy = malloc(max(entry.bytes.count, 1))!
        entry.bytes.withUnsafeBytes { if let base = $0.baseAddress { copy.copyMemory(from: base, byteCount: $0.count) } }
        guard let source = zip_source_buffer(archive, copy, zip_uint64_t(entry.bytes.count), 1) else {
            free(copy)
            throw Failure.libzip(String(cString: zip_strerror(archive)))
        }
        let index = zip_file_add(archive, entry.path, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard index >= 0 else {
            zip_source_free(source)
            throw Failure.libzip(String(cString: zip_strerror(archive)))
        }
        let method = entry.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE
        guard zip_set_file_compression(archive, zip_uint64_t(index), method, 9) == 0,
              zip_file_set_dostime(archive, zip_uint64_t(index), modified.time, modified.date, 0) == 0
        else { throw Failure.libzip(String(cString: zip_strerror(archive))) }
    }

    private static func read(_ buffer: OpaquePointer) throws -> [UInt8] {
        guard zip_source_open(buffer) == 0 else { throw Failure.libzip("cannot reopen the written archive") }
        defer { zip_source_close(buffer) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { zip_source_read(buffer, $0.baseAddress, zip_uint64_t($0.count)) }
            guard count >= 0 else { throw Failure.libzip("cannot read the written archive") }
            if count == 0 { break }
            bytes += chunk[0..<Int(count)]
        }
        return bytes
    }

    private static func failure(_ error: inout zip_error_t) -> Failure {
        .libzip(String(cString: zip_error_strerror(&error)))
    }
}
