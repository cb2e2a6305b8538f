/// Finding a run of bytes in text kept as UTF-8, for the quick "is it there
/// at all" tests that spare a stage or a Foundation search their work.
public enum ByteSearch {
    /// Whether `needle`'s bytes occur in a row in `bytes`. An empty needle
    /// is always there.
    public static func contains(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return true }
        guard bytes.count >= count else { return false }
        let first = needle.utf8Start.pointee
        for index in 0...(bytes.count - count) where bytes[index] == first {
            var matched = 1
            while matched < count, bytes[index + matched] == needle.utf8Start[matched] { matched += 1 }
            if matched == count { return true }
        }
        return false
    }
}
