/// A pull parser for JSON (RFC 8259): it hands out one token at a time and
/// keeps its own stack of open containers, so nesting depth costs memory,
/// not call stack.
struct JSONReader {
    enum Token: Equatable {
        case beginObject
        case endObject
        case beginArray
        case endArray
        /// A member name; its value is the next token.
        case key(String)
        case string(String)
        case number(String)
        case bool(Bool)
        case null
        case end
    }

    struct SyntaxError: Error {
        var message: String
        var line: Int
        var column: Int
    }

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0

    private enum Container { case object, array }
    private var open: [Container] = []
    /// After a value inside a container, a comma or the closer must follow.
    private var afterValue = false
    private var finished = false

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Line and column (1-based, bytes) of the next unread byte.
    var position: (line: Int, column: Int) { (line, index - lineStart + 1) }
    /// Line and column where the token `next()` last returned begins.
    private(set) var tokenPosition: (line: Int, column: Int) = (1, 1)

    mutating func next() throws -> Token {
        skipWhitespace()
        tokenPosition = position
        if finished {
            guard index == bytes.count else { throw error("unexpected text after the JSON value") }
            return .end
        }
        guard index < bytes.count else { throw error("unexpected end of JSON") }
        let byte = bytes[index]

        if let container = open.last {
            let closer = container == .object ? UInt8(ascii: "}") : UInt8(ascii: "]")
            if byte == closer && !expectingMemberValue {
                index += 1
                open.removeLast()
                valueDone()
                return container == .object ? .endObject : .endArray
            }
            if afterValue {
                guard byte == UInt8(ascii: ",") else {
                    throw error("expected ',' or '\(Character(Unicode.Scalar(closer)))'")
                }
                index += 1
                skipWhitespace()
                tokenPosition = position
                afterValue = false
            }
            if container == .object && !expectingMemberValue {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw error("expected a member name in quotes")
                }
                let name = try readString()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                    throw error("expected ':' after a member name")
                }
                index += 1
                expectingMemberValue = true
                return .key(name)
            }
        }
        expectingMemberValue = false
        return try readValueStart()
    }

    private var expectingMemberValue = false

    private mutating func readValueStart() throws -> Token {
        skipWhitespace()
        guard index < bytes.count else { throw error("unexpected end of JSON") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            open.append(.object)
            afterValue = false
            return .beginObject
        case UInt8(ascii: "["):
            index += 1
            open.append(.array)
            afterValue = false
            return .beginArray
        case UInt8(ascii: "\""):
            let value = try readString()
            valueDone()
            return .string(value)
        case UInt8(ascii: "t"):
            try literal("true")
            valueDone()
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            valueDone()
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            valueDone()
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let number = try readNumber()
            valueDone()
            return .number(number)
        default:
            throw error("unexpected character")
        }
    }

    private mutating func valueDone() {
        if open.isEmpty {
            finished = true
        } else {
            afterValue = true
        }
    }

    /// Skips the value whose first token was just read, however deep.
    mutating func skipValue(startingWith token: Token) throws {
        guard token == .beginObject || token == .beginArray else { return }
        var depth = 1
        while depth > 0 {
            switch try next() {
            case .beginObject, .beginArray: depth += 1
            case .endObject, .endArray: depth -= 1
            case .end: throw error("unexpected end of JSON")
            default: break
            }
        }
    }

    func error(_ message: String) -> SyntaxError {
        SyntaxError(message: message, line: line, column: index - lineStart + 1)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 32, 9, 13: index += 1
            case 10:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func literal(_ word: String) throws {
        for expected in word.utf8 {
            guard index < bytes.count else { throw error("unexpected end of JSON") }
            guard bytes[index] == expected else { throw error("unexpected character") }
            index += 1
        }
    }

    private mutating func readNumber() throws -> String {
        let start = index
        func digits() -> Int {
            let from = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw error("unexpected end of JSON") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw error("expected a digit")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw error("expected a digit after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { throw error("expected a digit in the exponent") }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func readString() throws -> String {
        index += 1  // the opening quote
        var scalars: [UInt8] = []
        var runStart = index
        while true {
            guard index < bytes.count else { throw error("unterminated string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                scalars.append(contentsOf: bytes[runStart..<index])
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            }
            if byte < 32 { throw error("control character in a string") }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            scalars.append(contentsOf: bytes[runStart..<index])
            index += 1
            guard index < bytes.count else { throw error("unterminated string") }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append(34)
            case UInt8(ascii: "\\"): scalars.append(92)
            case UInt8(ascii: "/"): scalars.append(47)
            case UInt8(ascii: "b"): scalars.append(8)
            case UInt8(ascii: "f"): scalars.append(12)
            case UInt8(ascii: "n"): scalars.append(10)
            case UInt8(ascii: "r"): scalars.append(13)
            case UInt8(ascii: "t"): scalars.append(9)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count,
                   bytes[index] == 92, bytes[index + 1] == UInt8(ascii: "u") {
                    let save = index
                    index += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        index = save
                    }
                }
                // A lone surrogate becomes U+FFFD, as in any UTF-8 decoder.
                let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                scalars.append(contentsOf: String(Character(scalar)).utf8)
            default:
                throw error("unknown escape '\\\(Character(Unicode.Scalar(escape)))'")
            }
            runStart = index
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("unexpected end of JSON") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 48...57: digit = byte - 48
            case 97...102: digit = byte - 87
            case 65...70: digit = byte - 55
            default: throw error("expected four hex digits after \\u")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
