/// Finds GFM's extended autolinks in one run of text, by cmark-gfm's rules:
/// `www.` links, `http://`, `https://` and `ftp://` URLs, then email
/// addresses in the text between them. Offsets are in UTF-8 bytes.
struct AutolinkScanner {
    /// One link found: the bytes it covers and where it points.
    struct Match {
        var range: Range<Int>
        var destination: String
    }

    let bytes: [UInt8]
    /// Whether the run starts where a `www.` link may: at the start of its
    /// block or emphasis, or after a line break or an emphasis.
    let startsAtBoundary: Bool
    /// Whether more inline content follows the run in its block.
    let continues: Bool
    /// Whether a URL ends before a Chinese, Japanese or Korean character.
    let cjkBoundaries: Bool

    /// The byte at `offset`; past the run, a space, which ends any link.
    func byte(at offset: Int) -> UInt8 {
        offset < bytes.count ? bytes[offset] : UInt8(ascii: " ")
    }

    /// How far the text runs past `offset`, for the domain rule.
    private func size(from offset: Int) -> Int {
        bytes.count + (continues ? 1 : 0) - offset
    }

    /// Every link in the run, in order, not overlapping.
    func matches() -> [Match] {
        var found: [Match] = []
        var index = 0, segmentStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            var match: Match?
            if byte == UInt8(ascii: "w") && wwwMayStart(at: index) {
                match = wwwLink(at: index)
            } else if byte == UInt8(ascii: ":") {
                match = url(colon: index, earliest: segmentStart)
            }
            if let match {
                found += emails(from: segmentStart, to: match.range.lowerBound)
                found.append(match)
                index = match.range.upperBound
                segmentStart = index
            } else {
                index += 1
            }
        }
        found += emails(from: segmentStart, to: bytes.count)
        return found
    }

    /// `www.` begins a link only at the start of a word: after white space,
    /// `*`, `_`, `~` or `(`, and under `cjkBoundaries` after a CJK character,
    /// since Chinese and Japanese put no space before a word.
    private func wwwMayStart(at index: Int) -> Bool {
        guard index > 0 else { return startsAtBoundary }
        let before = bytes[index - 1]
        if AutolinkBytes.isSpace(before) || AutolinkBytes.isOneOf(before, "*_~(") { return true }
        guard cjkBoundaries && before >= 0x80 else { return false }
        var lead = index - 1
        while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        return AutolinkBytes.scalar(in: bytes, at: lead).map(AutolinkBytes.isCJK) ?? false
    }

    /// `www.` and a domain with a dot, then anything up to white space or
    /// `<`, less the trailing characters GFM leaves out.
    private func wwwLink(at start: Int) -> Match? {
        let prefix = Array("www.".utf8)
        guard start + prefix.count <= bytes.count, Array(bytes[start ..< start + prefix.count]) == prefix else {
            return nil
        }
        let domain = domainLength(at: start, size: size(from: start), allowShort: false)
        guard domain > 0 else { return nil }
        let end = extent(from: start + domain)
        // Cut right after `www.` by a CJK character, it is no link.
        if end == start + prefix.count && end < bytes.count && bytes[end] >= 0x80 { return nil }
        let length = trimmedLength(from: start, length: end - start)
        guard length > 0 else { return nil }
        let text = String(decoding: bytes[start ..< start + length], as: UTF8.self)
        return Match(range: start ..< start + length, destination: "http://" + text)
    }

    /// A scheme cmark-gfm trusts, `://`, a host, then as for `www.`. The
    /// scheme is all the letters before the colon, so `xhttp://` is none.
    private func url(colon: Int, earliest: Int) -> Match? {
        guard colon + 3 < bytes.count, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else {
            return nil
        }
        var start = colon
        while start > earliest && AutolinkBytes.isAlpha(bytes[start - 1]) { start -= 1 }
        let scheme = String(decoding: bytes[start ..< colon], as: UTF8.self).lowercased()
        guard ["http", "https", "ftp"].contains(scheme),
              let first = AutolinkBytes.scalar(in: bytes, at: colon + 3),
              AutolinkBytes.isHostCharacter(first), !(cjkBoundaries && AutolinkBytes.isCJK(first)) else { return nil }
        let domain = domainLength(at: colon + 3, size: size(from: colon + 3), allowShort: true)
        guard domain > 0 else { return nil }
        let end = extent(from: colon + 3 + domain)
        let length = trimmedLength(from: colon, length: end - colon)
        guard length > 0 else { return nil }
        let text = String(decoding: bytes[start ..< colon + length], as: UTF8.self)
        return Match(range: start ..< colon + length, destination: text)
    }

    /// Where a link that has reached `offset` stops: at white space, `<`,
    /// the end of the run, or (under `cjkBoundaries`) a CJK character.
    private func extent(from offset: Int) -> Int {
        var end = min(offset, bytes.count)
        while end < bytes.count {
            let byte = bytes[end]
            if AutolinkBytes.isSpace(byte) || byte == UInt8(ascii: "<") { break }
            if cjkBoundaries && byte >= 0xE0, let scalar = AutolinkBytes.scalar(in: bytes, at: end),
               AutolinkBytes.isCJK(scalar) { break }
            end += 1
        }
        return end
    }
}
