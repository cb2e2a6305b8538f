import Foundation
import PublishAST

/// The build cache's file format: numbers as 8 bytes, little-endian;
/// strings and byte runs with their length first. Plain and fast to read
/// back; a file that ends early or holds a bad length is refused whole.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        let bits = UInt64(bitPattern: Int64(value))
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func data(_ value: [UInt8]) {
        int(value.count)
        bytes += value
    }

    mutating func string(_ value: String) { data(Array(value.utf8)) }

    mutating func double(_ value: Double) { int(Int(Int64(bitPattern: value.bitPattern))) }

    mutating func location(_ value: SourceLocation?) {
        bool(value != nil)
        guard let value else { return }
        string(value.path)
        int(value.position.line)
        int(value.position.column)
    }

    mutating func diagnostic(_ value: Diagnostic) {
        bytes.append(value.severity == .error ? 1 : value.severity == .note ? 2 : 0)
        string(value.message)
        location(value.location)
    }
}

/// Reads what `CacheWriter` wrote.
struct CacheReader {
    /// The file is not a cache this binary wrote, or it is cut short.
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func int() throws -> Int {
        guard bytes.count - offset >= 8 else { throw Malformed() }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
        offset += 8
        return Int(Int64(bitPattern: bits))
    }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func bool() throws -> Bool {
        guard offset < bytes.count else { throw Malformed() }
        defer { offset += 1 }
        switch bytes[offset] {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    mutating func data() throws -> [UInt8] {
        let count = try int()
        guard count >= 0, bytes.count - offset >= count else { throw Malformed() }
        defer { offset += count }
        return Array(bytes[offset ..< offset + count])
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, bytes.count - offset >= count else { throw Malformed() }
        defer { offset += count }
        return String(decoding: bytes[offset ..< offset + count], as: UTF8.self)
    }

    mutating func double() throws -> Double { Double(bitPattern: UInt64(bitPattern: Int64(try int()))) }

    mutating func location() throws -> SourceLocation? {
        guard try bool() else { return nil }
        return SourceLocation(path: try string(), line: try int(), column: try int())
    }

    mutating func diagnostic() throws -> Diagnostic {
        let severity: Diagnostic.Severity
        switch try byte() {
        case 0: severity = .warning
        case 1: severity = .error
        case 2: severity = .note
        default: throw Malformed()
        }
        let message = try string()
        return Diagnostic(severity, message, at: try location())
    }

    /// A count of items that follow, each at least `size` bytes: refuses a
    /// count the rest of the file could not hold.
    mutating func count(each size: Int) throws -> Int {
        let count = try int()
        guard count >= 0, count <= (bytes.count - offset) / max(size, 1) else { throw Malformed() }
        return count
    }
}
