/// Text as MIME bodies carry it.
enum MIMEText {
    /// The lines of `text` without their ends: LF, CRLF or a lone CR. A
    /// final line end does not start another line.
    static func lines(_ text: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == 10 || byte == 13 {
                lines.append(text[start..<index])
                index += (byte == 13 && index + 1 < text.count && text[index + 1] == 10) ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        if start < text.count { lines.append(text[start...]) }
        return lines
    }

    /// `text` with every line ended by CRLF.
    static func crlf(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + text.count / 20)
        for line in lines(text) {
            out += line
            out += [13, 10]
        }
        return out
    }
}
