/// A text part whose text is `before + link + after`, where only the link
/// (the recipient's unsubscribe URL) changes from one message of an issue
/// to the next. Quoted-printable and the CRLF text base64 is made from go
/// line by line, so the lines that do not hold the link are encoded once
/// for the whole issue; a message encodes the one line that does.
///
/// `bytes(link:)` is `MIMEPart(contentType:text: before + link + after).bytes()`
/// byte for byte (LinkedPartTests compares them).
struct LinkedPart: Sendable {
    let contentType: String
    /// The last line of `before` (after its last line break) and the first
    /// of `after` (before its first): with the link, the one line a message
    /// encodes itself.
    private let beforeTail: [UInt8]
    private let afterHead: [UInt8]
    /// How many bytes `before` and `after` hold together.
    private let fixedCount: Int
    /// Quoted-printable of the lines before that line and after it.
    private let quotedHead: [UInt8]
    private let quotedRest: [UInt8]
    /// The lines before it with CRLF line ends: their first whole 57-byte
    /// lines of base64 already encoded, and the bytes after those.
    private let base64Head: [UInt8]
    private let crlfHeadTail: [UInt8]
    /// The lines after it with CRLF line ends.
    private let crlfRest: [UInt8]
    /// Quoted-printable's length of `before` and `after`, which with the
    /// link's decides between it and base64.
    private let fixedQuotedLength: Int

    init(contentType: String, before: String, after: String) {
        self.contentType = contentType
        let before = Array(before.utf8), after = Array(after.utf8)
        let isBreak = { (byte: UInt8) in byte == 10 || byte == 13 }
        let headCount = (before.lastIndex(where: isBreak) ?? -1) + 1
        let head = Array(before[..<headCount])
        beforeTail = Array(before[headCount...])
        let afterLineCount = after.firstIndex(where: isBreak) ?? after.count
        afterHead = Array(after[..<afterLineCount])
        var restStart = afterLineCount
        if restStart < after.count {
            restStart += after[restStart] == 13 && restStart + 1 < after.count && after[restStart + 1] == 10 ? 2 : 1
        }
        let rest = Array(after[restStart...])
        fixedCount = before.count + after.count
        quotedHead = QuotedPrintable.encode(head)
        quotedRest = QuotedPrintable.encode(rest)
        let crlfHead = MIMEText.crlf(head)
        let base64Count = crlfHead.count / 57 * 57
        base64Head = Base64.lines(Array(crlfHead[..<base64Count]))
        crlfHeadTail = Array(crlfHead[base64Count...])
        crlfRest = MIMEText.crlf(rest)
        fixedQuotedLength = QuotedPrintable.encodedLength(before) + QuotedPrintable.encodedLength(after)
    }

    /// `link` must hold no line break and not be empty: an unsubscribe URL,
    /// which `EmailOptions.unsubscribeLink` vouches has no space or control
    /// character.
    func bytes(link: String) -> [UInt8] {
        let linkBytes = Array(link.utf8)
        precondition(!linkBytes.isEmpty && !linkBytes.contains(where: { $0 == 10 || $0 == 13 }),
                     "a link in a message part must be one non-empty line")
        let useBase64 = fixedQuotedLength + QuotedPrintable.encodedLength(linkBytes)
            > MIMEPart.base64Length(fixedCount + linkBytes.count)
        var out = MIMEPart.header(contentType: contentType, base64: useBase64)
        let line = beforeTail + linkBytes + afterHead
        if useBase64 {
            out += base64Head
            out += Base64.lines(crlfHeadTail + line + [13, 10] + crlfRest)
        } else {
            out += quotedHead
            out += QuotedPrintable.encode(line)
            out += quotedRest
        }
        return out
    }
}
