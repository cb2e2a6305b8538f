import Foundation

/// Base64 as MIME and DKIM use it.
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }

    /// A body part's base64: lines of 76 characters, each ended by CRLF.
    static func lines(_ bytes: [UInt8]) -> [UInt8] {
        let text = Array(encode(bytes).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.count + text.count / 38 + 2)
        var start = 0
        while start < text.count {
            let end = min(start + 76, text.count)
            out += text[start..<end]
            out += [13, 10]
            start = end
        }
        return out
    }

    /// The URL- and filename-safe alphabet of RFC 4648 §5, unpadded.
    static func url(_ bytes: [UInt8]) -> String {
        String(encode(bytes).compactMap { character -> Character? in
            switch character {
            case "+": return "-"
            case "/": return "_"
            case "=": return nil
            default: return character
            }
        })
    }

    /// Reads unpadded base64url; nil when `text` is not that.
    static func decodeURL(_ text: String) -> [UInt8]? {
        guard text.utf8.allSatisfy({ isURLAlphabet($0) }) else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.utf8.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard).map { Array($0) }
    }

    private static func isURLAlphabet(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }
}
