import Foundation

extension String {
    /// Whether `needle` occurs in the string, byte for byte over the UTF-8:
    /// a quick test before a Foundation search or split, which costs far
    /// more on a long message than finding nothing should.
    func containsBytes(_ needle: StaticString) -> Bool {
        var text = self
        let count = needle.utf8CodeUnitCount
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, count > 0, bytes.count >= count else { return count == 0 }
            let first = needle.utf8Start.pointee
            for index in 0...(bytes.count - count) where bytes[index] == first {
                if memcmp(base + index, needle.utf8Start, count) == 0 { return true }
            }
            return false
        }
    }
}
