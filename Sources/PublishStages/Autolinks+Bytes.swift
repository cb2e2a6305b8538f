/// Byte classes the autolink rules are written in. cmark-gfm decides on
/// UTF-8 bytes with C's ASCII classes, so these do too, and a non-ASCII
/// byte is never a letter, digit or space here.
enum AutolinkBytes {
    static func isAlpha(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isAlpha(byte) || (0x30...0x39).contains(byte)
    }

    /// Space, tab, line feed, vertical tab, form feed, carriage return.
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    static func isOneOf(_ byte: UInt8, _ set: StaticString) -> Bool {
        set.withUTF8Buffer { $0.contains(byte) }
    }

    /// The scalar whose UTF-8 encoding starts at `offset`, or nil when
    /// `offset` is inside one.
    static func scalar(in bytes: [UInt8], at offset: Int) -> Unicode.Scalar? {
        let lead = bytes[offset]
        let length: Int
        var value: UInt32
        switch lead {
        case 0x00...0x7F: return Unicode.Scalar(lead)
        case 0xC0...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF7: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard offset + length <= bytes.count else { return nil }
        for index in offset + 1 ..< offset + length {
            value = value << 6 | UInt32(bytes[index] & 0x3F)
        }
        return Unicode.Scalar(value)
    }

    /// Whether a scalar may stand in a host name, as cmark-gfm judges the
    /// first character after `://`: anything but white space and punctuation.
    static func isHostCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isAlphanumeric(UInt8(scalar.value)) }
        if scalar.properties.isWhitespace { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return false
        default:
            return true
        }
    }

    /// Chinese, Japanese and Korean characters and punctuation, which end a
    /// URL under `cjk_boundaries`. Wide emoji do not: `http://🍄.ga/` is a link.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        let emoji = (0x1F000...0x1FFFF).contains(value) || (0x231A...0x231B).contains(value)
        return (scalar.isEastAsianWide && !emoji) || (0xFF61...0xFF9F).contains(value)
    }
}
