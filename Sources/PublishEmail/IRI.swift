/// A URL as a reader sees it in the plain-text part: an IRI (RFC 3987
/// §3.2), where percent-encoded UTF-8 that spells non-ASCII characters is
/// written as those characters. A Chinese slug is otherwise a hundred
/// characters of `%E4%B8%AD…`, which no reader can read and which wraps.
/// Encoded ASCII (`%20`, `%2F`, `%3F`) stays encoded, as it means
/// something different unencoded; so do spaces, controls and the bidi
/// marks RFC 3987 §4.1 warns about, and any run that is not valid UTF-8.
enum IRI {
    static func display(_ url: String) -> String {
        guard url.utf8.contains(UInt8(ascii: "%")) else { return url }
        let bytes = Array(url.utf8)
        var out = ""
        var index = 0
        var plain = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "%"), let first = byte(bytes, at: index) else {
                index += 1
                continue
            }
            // A run of %XX triplets, decoded together: one character may
            // take several.
            out += String(decoding: bytes[plain..<index], as: UTF8.self)
            let start = index
            var decoded: [UInt8] = [first]
            index += 3
            while index < bytes.count, bytes[index] == UInt8(ascii: "%"), let next = byte(bytes, at: index) {
                decoded.append(next)
                index += 3
            }
            out += run(decoded, original: bytes[start..<index])
            plain = index
        }
        return out + String(decoding: bytes[plain...], as: UTF8.self)
    }

    /// The run's characters, each non-ASCII one that may stand in an IRI
    /// unencoded; the run as it was when it is not UTF-8.
    private static func run(_ decoded: [UInt8], original: ArraySlice<UInt8>) -> String {
        guard let text = String(validating: decoded, as: UTF8.self) else {
            return String(decoding: original, as: UTF8.self)
        }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII || scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .format || scalar.properties.isNoncharacterCodePoint
                || scalar.properties.generalCategory == .privateUse {
                for byte in String(scalar).utf8 { out += "%" + Hex.byte(byte) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The byte `%XX` at `index` spells, if it is one.
    private static func byte(_ bytes: [UInt8], at index: Int) -> UInt8? {
        guard index + 2 < bytes.count, let high = digit(bytes[index + 1]), let low = digit(bytes[index + 2]) else {
            return nil
        }
        return high << 4 | low
    }

    private static func digit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
