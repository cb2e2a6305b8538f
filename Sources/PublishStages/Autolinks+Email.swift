/// Email addresses, which cmark-gfm looks for last, in the text its other
/// autolinks left: a local part of letters, digits and `.+-_` (optionally
/// after `mailto:` or `xmpp:`), `@`, and a domain with a dot that ends in a
/// letter or a dot. An `xmpp:` address may go on with a `/resource`.
extension AutolinkScanner {
    func emails(from lower: Int, to upper: Int) -> [Match] {
        var found: [Match] = []
        var start = lower, offset = 0
        search: while start + offset < upper {
            guard let sign = bytes[(start + offset) ..< upper].firstIndex(of: UInt8(ascii: "@")) else { break }
            var maxRewind = sign - (start + offset)
            // These carry over to an address found after a second `@`, as in
            // cmark-gfm: a dot before that `@` still counts for its domain.
            var automaticMailto = true, isXMPP = false, dots = 0
            address: while true {
                let at = start + offset + maxRewind
                let floor = start + offset
                var rewind = 0
                while rewind < maxRewind {
                    let byte = bytes[at - rewind - 1]
                    if AutolinkBytes.isAlphanumeric(byte) || AutolinkBytes.isOneOf(byte, ".+-_") {
                        rewind += 1
                        continue
                    }
                    if byte == UInt8(ascii: ":") {
                        if endsProtocol("mailto:", at: at - rewind - 1, floor: floor) {
                            automaticMailto = false
                            rewind += 1
                            continue
                        }
                        if endsProtocol("xmpp:", at: at - rewind - 1, floor: floor) {
                            automaticMailto = false
                            isXMPP = true
                            rewind += 1
                            continue
                        }
                    }
                    break
                }
                if rewind == 0 {
                    offset += maxRewind + 1
                    continue search
                }
                var length = 1
                while at + length < upper {
                    let byte = bytes[at + length]
                    if AutolinkBytes.isAlphanumeric(byte) {
                        length += 1
                        continue
                    }
                    if byte == UInt8(ascii: "@") {
                        // Another `@`: the address can only start after the first.
                        offset += maxRewind + 1
                        maxRewind = length - 1
                        continue address
                    }
                    if byte == UInt8(ascii: "."), at + length + 1 < upper,
                       AutolinkBytes.isAlphanumeric(bytes[at + length + 1]) {
                        dots += 1
                    } else if !(byte == UInt8(ascii: "/") && isXMPP) && byte != UInt8(ascii: "-") && byte != UInt8(ascii: "_") {
                        break
                    }
                    length += 1
                }
                let last = bytes[at + length - 1]
                if length < 2 || dots == 0 || (!AutolinkBytes.isAlpha(last) && last != UInt8(ascii: ".")) {
                    offset += maxRewind + length
                    continue search
                }
                length = trimmedLength(from: at, length: length)
                if length == 0 {
                    offset += maxRewind + 1
                    continue search
                }
                let text = String(decoding: bytes[(at - rewind) ..< (at + length)], as: UTF8.self)
                found.append(Match(range: (at - rewind) ..< (at + length),
                                   destination: automaticMailto ? "mailto:" + text : text))
                start = at + length
                offset = 0
                continue search
            }
        }
        return found
    }

    /// Whether the colon at `colon` ends `name` (which includes the colon),
    /// standing as a word of its own and not before `floor`.
    private func endsProtocol(_ name: StaticString, at colon: Int, floor: Int) -> Bool {
        let count = name.utf8CodeUnitCount
        let first = colon - count + 1
        guard first >= floor else { return false }
        let matches = name.withUTF8Buffer { Array($0) == Array(bytes[first ... colon]) }
        return matches && (first == floor || !AutolinkBytes.isAlphanumeric(bytes[first - 1]))
    }
}
