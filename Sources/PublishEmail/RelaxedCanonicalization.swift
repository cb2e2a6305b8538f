/// DKIM's "relaxed" canonicalization (RFC 6376 §3.4.2 and §3.4.4), which
/// survives the re-folding and trailing-space trimming relays do.
public enum RelaxedCanonicalization {
    /// A header field: the name lower-cased, the value unfolded, runs of
    /// whitespace made one space, whitespace around the colon and at the
    /// end removed; ended by CRLF.
    public static func header(name: String, value: String) -> [UInt8] {
        var out = Array(name.lowercased().utf8)
        while let last = out.last, isWhitespace(last) { out.removeLast() }
        out.append(UInt8(ascii: ":"))
        var pendingSpace = false
        var started = false
        for byte in value.utf8 where byte != 13 && byte != 10 {
            if isWhitespace(byte) {
                pendingSpace = true
                continue
            }
            if pendingSpace && started { out.append(32) }
            pendingSpace = false
            started = true
            out.append(byte)
        }
        out += [13, 10]
        return out
    }

    /// A body: whitespace runs within a line made one space, whitespace at
    /// line ends removed, empty lines at the end removed, and a body that
    /// is not empty ended by CRLF.
    public static func body(_ body: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + body.count / 32)
        // Where the output ends after the last line that is not empty:
        // the empty lines after it are dropped.
        var end = 0
        for line in MIMEText.lines(body) {
            var pendingSpace = false
            var empty = true
            for byte in line {
                if isWhitespace(byte) {
                    pendingSpace = true
                    continue
                }
                if pendingSpace { out.append(32) }
                pendingSpace = false
                empty = false
                out.append(byte)
            }
            out.append(13)
            out.append(10)
            if !empty { end = out.count }
        }
        out.removeSubrange(end...)
        return out
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 }
}
