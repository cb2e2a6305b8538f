/// One text part of the message, its transfer encoding chosen for its
/// content: quoted-printable for mostly ASCII, base64 for the rest (a
/// Chinese post), whichever is shorter.
struct MIMEPart {
    var contentType: String
    var text: String

    func bytes() -> [UInt8] {
        let raw = Array(text.utf8)
        let useBase64 = QuotedPrintable.encodedLength(raw) > MIMEPart.base64Length(raw.count)
        var out = MIMEPart.header(contentType: contentType, base64: useBase64)
        out += useBase64 ? Base64.lines(MIMEText.crlf(raw)) : QuotedPrintable.encode(raw)
        return out
    }

    /// How long `count` bytes are as base64 lines with their CRLFs, near enough.
    static func base64Length(_ count: Int) -> Int {
        (count + 2) / 3 * 4 * 78 / 76
    }

    /// The part's header fields and the blank line after them.
    static func header(contentType: String, base64: Bool) -> [UInt8] {
        var out = Array("Content-Type: \(contentType); charset=utf-8\r\n".utf8)
        out += Array("Content-Transfer-Encoding: \(base64 ? "base64" : "quoted-printable")\r\n\r\n".utf8)
        return out
    }
}
