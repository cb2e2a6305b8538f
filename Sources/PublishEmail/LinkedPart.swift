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
    private let before: [UInt8]
    private let after: [UInt8]
    /// `before` up to and with its last line break; the rest of it.
    private let headCount: Int
    /// `after` before its first line break; the lines after that break.
    private let afterLineCount: Int
    private let rest: [UInt8]
    /// Quoted-printable of the head and of the rest.
    private let quotedHead: [UInt8]
    private let quotedRest: [UInt8]
    /// The head with CRLF line ends: its first `base64Count` bytes (whole
    /// 57-byte lines of base64) already encoded, and the rest of it.
    private let base64Head: [UInt8]
    private let crlfHeadTail: [UInt8]
    private let crlfRest: [UInt8]
    /// Quoted-printable's length of `before` and `after`, which with the
    /// link's decides between it and base64.
    private let fixedQuotedLength: Int

    init(contentType: String, before: String, after: String) {
        self.contentType = contentType
        let before = Array(before.utf8), after = Array(after.utf8)
        self.before = before
        self.after = after
        let isBreak = { (byte: UInt8) in byte == 10 || byte == 13 }
        headCount = (before.lastIndex(where: isBreak) ?? -1) + 1
        let head = Array(before[..<headCount])
        afterLineCount = after.firstIndex(where: isBreak) ?? after.count
        var restStart = afterLineCount
        if restStart < after.count {
            restStart += after[restStart] == 13 && restStart + 1 < after.count && after[restStart + 1] == 10 ? 2 : 1
        }
        rest = Array(after[restStart...])
        quotedHead = QuotedPrintable.encode(head)
        quotedRest = QuotedPrintable.encode(rest)
        let crlfHead = MIMEText.crlf(head)
        let base64Count = crlfHead.count / 57 * 57
        base64Head = Base64.lines(Array(crlfHead[..<base64Count]))
        crlfHeadTail = Array(crlfHead[base64Count...])
        crlfRest = MIMEText.crlf(rest)
        fixedQuotedLength = QuotedPrintable.encodedLength(before) + QuotedPrintable.encodedLength(after)
    }

    func bytes(link: String) -> [UInt8] {
        let linkBytes = Array(link.utf8)
        // The line holding the link is one line only when the link has no break.
        guard !linkBytes.isEmpty, !linkBytes.contains(where: { $0 == 10 || $0 == 13 }) else {
            let text = String(decoding: before + linkBytes + after, as: UTF8.self)
            return MIMEPart(contentType: contentType, text: text).bytes()
        }
        let rawCount = before.count + linkBytes.count + after.count
        let base64Length = (rawCount + 2) / 3 * 4 * 78 / 76
        let useBase64 = fixedQuotedLength + QuotedPrintable.encodedLength(linkBytes) > base64Length
        var out = MIMEPart.header(contentType: contentType, base64: useBase64)
        let line = Array(before[headCount...]) + linkBytes + Array(after[..<afterLineCount])
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
