import Foundation

/// What a cached thing was made from, as one SHA-256: the parts are added
/// in order, each with its length, so `("ab", "c")` and `("a", "bc")` give
/// different keys. An output file is carried over from the last build
/// only when its key is the same.
public struct CacheKey: Sendable {
    private var hash = ContentHash()

    /// Starts a key; `kind` keeps keys of different things apart.
    public init(_ kind: String) {
        add(kind)
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            add(bytes.count)
            hash.update(bytes)
        }
    }

    public mutating func add(_ text: String?) {
        if let text {
            add(true)
            add(text)
        } else {
            add(false)
        }
    }

    public mutating func add(_ number: Int) {
        let value = UInt64(bitPattern: Int64(number))
        hash.update((0..<8).map { UInt8(truncatingIfNeeded: value >> UInt64($0 * 8)) })
    }

    public mutating func add(_ flag: Bool) {
        hash.update([flag ? 1 : 0])
    }

    public mutating func add(_ date: Date) {
        add(Int(bitPattern: UInt(date.timeIntervalSince1970.bitPattern)))
    }

    public mutating func add(_ texts: [String]) {
        add(texts.count)
        for text in texts { add(text) }
    }

    /// The key as 64 hex digits.
    public var value: String {
        var copy = hash
        return copy.finishHex()
    }
}
