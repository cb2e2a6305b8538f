/// JSON read into Liquid values, keeping what Liquid needs and generic JSON
/// readers drop: the order of keys, and integers apart from floats. Used for
/// `publish liquid --data` and the JSON-lines protocol.
public enum JSON {
    public struct SyntaxError: Error, CustomStringConvertible {
        public var offset: Int
        public var description: String { "invalid JSON at byte \(offset)" }
    }

    public static func parse(_ text: String) throws -> Value {
        var reader = Reader(bytes: Array(text.utf8))
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.index == reader.bytes.count else { throw SyntaxError(offset: reader.index) }
        return value
    }

    /// A JSON string literal, escaped as Ruby's `JSON.generate` escapes it.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
        }

        mutating func value(depth: Int) throws -> Value {
            // Deeper than any real data file; deeper would risk the stack.
            guard depth < 512 else { throw SyntaxError(offset: index) }
            skipSpace()
            guard index < bytes.count else { throw SyntaxError(offset: index) }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var hash = Hash()
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .hash(hash) }
                while true {
                    skipSpace()
                    let key = try string()
                    skipSpace()
                    try expect(UInt8(ascii: ":"))
                    hash[key] = try value(depth: depth + 1)
                    skipSpace()
                    if try separator(closing: UInt8(ascii: "}")) { return .hash(hash) }
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [Value] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                while true {
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    if try separator(closing: UInt8(ascii: "]")) { return .array(items) }
                }
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try word("true"); return .bool(true)
            case UInt8(ascii: "f"): try word("false"); return .bool(false)
            case UInt8(ascii: "n"): try word("null"); return .nil
            default: return try number()
            }
        }

        /// After an item: `,` (false) or the closing bracket (true).
        mutating func separator(closing: UInt8) throws -> Bool {
            guard index < bytes.count else { throw SyntaxError(offset: index) }
            if bytes[index] == UInt8(ascii: ",") { index += 1; return false }
            if bytes[index] == closing { index += 1; return true }
            throw SyntaxError(offset: index)
        }

        mutating func expect(_ byte: UInt8) throws {
            guard index < bytes.count, bytes[index] == byte else { throw SyntaxError(offset: index) }
            index += 1
        }

        mutating func word(_ text: String) throws {
            for byte in text.utf8 { try expect(byte) }
        }

        mutating func number() throws -> Value {
            let start = index
            var isFloat = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { isFloat = true } else if !(Lexer.isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) { break }
                index += 1
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if !isFloat {
                if let number = Int(text) { return .int(number) }
                // Beyond 64 bits: the nearest integer there is, as the filters clamp such numbers anyway.
                if text.utf8.allSatisfy({ Lexer.isDigit($0) || $0 == UInt8(ascii: "-") }), text.count > 1 {
                    return .int(text.hasPrefix("-") ? Int.min : Int.max)
                }
            }
            guard let number = Double(text) else { throw SyntaxError(offset: start) }
            return .float(number)
        }

        mutating func string() throws -> String {
            try expect(UInt8(ascii: "\""))
            var out: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
                guard byte == UInt8(ascii: "\\") else { out.append(byte); continue }
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if scalar >= 0xD800, scalar < 0xDC00, index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                       bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try hex4()
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    out += Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
                default: out.append(escape)
                }
            }
            throw SyntaxError(offset: index)
        }

        mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
                throw SyntaxError(offset: index)
            }
            index += 4
            return value
        }
    }
}
