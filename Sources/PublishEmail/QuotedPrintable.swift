/// Quoted-printable (RFC 2045 §6.7) for a text body part: CRLF line
/// breaks kept as they are, other lines broken softly before 76 characters,
/// `=`, control and non-ASCII bytes and whitespace ending a line encoded.
public enum QuotedPrintable {
    /// The longest encoded line, its soft break `=` included.
    static let lineLength = 76

    /// Encodes `text`, whose lines end with LF or CRLF; the result's lines
    /// end with CRLF.
    public static func encode(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + text.count / 8)
        for line in MIMEText.lines(text) {
            encodeLine(line, into: &out)
            out.append(13)
            out.append(10)
        }
        return out
    }

    private static func encodeLine(_ line: ArraySlice<UInt8>, into out: inout [UInt8]) {
        line.withUnsafeBufferPointer { encodeLine($0, into: &out) }
    }

    private static func encodeLine(_ line: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var column = 0
        let last = line.count - 1
        for offset in 0..<line.count {
            let byte = line[offset]
            let isLast = offset == last
            let literal = isSafe(byte) || ((byte == 32 || byte == 9) && !isLast)
            let width = literal ? 1 : 3
            // The last byte of a line may use the column a soft break would.
            let room = isLast ? lineLength : lineLength - 1
            if column + width > room {
                out.append(UInt8(ascii: "="))
                out.append(13)
                out.append(10)
                column = 0
            }
            if literal {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "="))
                out.append(Hex.digits[Int(byte >> 4)])
                out.append(Hex.digits[Int(byte & 0x0F)])
            }
            column += width
        }
    }

    /// Printable ASCII but `=`. A `.` or `From ` starting a line is left
    /// to the SMTP client, which stuffs dots.
    private static func isSafe(_ byte: UInt8) -> Bool {
        (33...126).contains(byte) && byte != UInt8(ascii: "=")
    }

    /// How long the encoding of `text` is, to choose between it and base64.
    static func encodedLength(_ text: [UInt8]) -> Int {
        text.reduce(0) { $0 + (isSafe($1) || $1 == 32 || $1 == 10 ? 1 : 3) }
    }
}
