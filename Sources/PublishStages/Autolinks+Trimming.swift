/// The two measures every extended autolink goes through: how far its
/// domain runs, and what to cut off its end. Offsets are in UTF-8 bytes.
extension AutolinkScanner {
    /// The length of the domain starting at `base`, or 0 when it is not one.
    ///
    /// The domain is letters, digits, `-`, `_` and `.` (the first byte is
    /// the caller's to check). An underscore in either of the last two
    /// segments refuses it, as host names cannot have one, unless the domain
    /// has more than ten dots: cmark-gfm gives up the rule there so a long
    /// name costs no more than linear time. `size` is how far the text runs
    /// past `base`, counting one byte beyond the run when more content
    /// follows; like cmark-gfm the last of those bytes is never looked at.
    /// Without `allowShort` a domain needs a dot.
    func domainLength(at base: Int, size: Int, allowShort: Bool) -> Int {
        var index = 1, dots = 0, underscoresBefore = 0, underscores = 0
        while index < size - 1 {
            let byte = self.byte(at: base + index)
            if byte == UInt8(ascii: "_") {
                underscores += 1
            } else if byte == UInt8(ascii: ".") {
                underscoresBefore = underscores
                underscores = 0
                dots += 1
            } else if !AutolinkBytes.isAlphanumeric(byte) && byte != UInt8(ascii: "-") {
                // A non-ASCII byte ends the domain too: cmark-gfm stops one
                // byte into such a character, which counts no dot or underscore.
                break
            }
            index += 1
        }
        if (underscoresBefore > 0 || underscores > 0) && dots <= 10 { return 0 }
        return allowShort || dots > 0 ? index : 0
    }

    /// `length` shortened so the link leaves out what usually follows a URL
    /// rather than belonging to it: a `<` and all after it, trailing
    /// `?!.,:*_~'"`, a `)` with no `(` to match inside the link, and a
    /// trailing `;` (with the `&name` before it, when it looks like an entity).
    func trimmedLength(from base: Int, length: Int) -> Int {
        var end = length, opening = 0, closing = 0
        for index in 0..<length {
            let byte = bytes[base + index]
            if byte == UInt8(ascii: "<") {
                end = index
                break
            }
            if byte == UInt8(ascii: "(") { opening += 1 }
            if byte == UInt8(ascii: ")") { closing += 1 }
        }
        while end > 0 {
            let last = bytes[base + end - 1]
            if last == UInt8(ascii: ")") {
                if closing <= opening { return end }
                closing -= 1
                end -= 1
            } else if AutolinkBytes.isOneOf(last, "?!.,:*_~'\"") {
                end -= 1
            } else if last == UInt8(ascii: ";") {
                var start = end - 2
                while start > 0 && AutolinkBytes.isAlpha(bytes[base + start]) { start -= 1 }
                end = start < end - 2 && bytes[base + start] == UInt8(ascii: "&") ? start : end - 1
            } else {
                return end
            }
        }
        return end
    }
}
