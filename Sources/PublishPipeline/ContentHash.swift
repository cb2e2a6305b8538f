import Crypto

/// SHA-256 for the build cache, through swift-crypto (BoringSSL's
/// assembly on x86-64 and ARM), in the shape the cache uses: fed in
/// pieces, read as lowercase hex. `Sendable` by hand: swift-crypto's digest
/// is a copy-on-write value that does not say so itself.
public struct ContentHash: @unchecked Sendable {
    private var hasher = Crypto.SHA256()

    public init() {}

    /// The hash of `bytes` as 64 lowercase hex digits.
    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash = ContentHash()
        hash.update(bytes)
        return hash.finishHex()
    }

    public mutating func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if let done = bytes.withContiguousStorageIfAvailable({ hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }) {
            return done
        }
        hasher.update(data: Array(bytes))
    }

    /// The digest's 32 bytes.
    public mutating func finish() -> [UInt8] {
        Array(hasher.finalize())
    }

    public mutating func finishHex() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in finish() {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
