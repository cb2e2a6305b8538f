/// The tokens of markup inside a tag or output, as liquid-ruby's lexer
/// names them: the names appear in syntax errors
/// (`Expected end_of_string but found comma`).
struct Token: Equatable {
    enum Kind: String {
        case id, number, string, comparison, dot, dotdot, colon, comma, pipe, question, dash
        case openSquare = "open_square", closeSquare = "close_square"
        case openRound = "open_round", closeRound = "close_round"
        case endOfString = "end_of_string"
    }

    var kind: Kind
    var text: Substring

    /// Ruby's inspect of the token, `[:comma, ","]`, as errors show it.
    var inspect: String {
        kind == .endOfString ? "[:end_of_string]" : "[:\(kind.rawValue), \(RubyString.inspect(String(text)))]"
    }
}

enum Lexer {
    static func tokens(_ markup: Substring) throws -> [Token] {
        var tokens: [Token] = []
        let bytes = markup.utf8
        var index = bytes.startIndex
        func at(_ i: String.Index) -> UInt8? { i < bytes.endIndex ? bytes[i] : nil }
        func after(_ i: String.Index) -> String.Index { bytes.index(after: i) }
        while true {
            while let byte = at(index), byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { index = after(index) }
            guard let byte = at(index) else { break }
            let start = index
            func token(_ kind: Token.Kind, to end: String.Index) {
                tokens.append(Token(kind: kind, text: markup[start..<end]))
                index = end
            }
            switch byte {
            case UInt8(ascii: "|"): token(.pipe, to: after(index))
            case UInt8(ascii: ":"): token(.colon, to: after(index))
            case UInt8(ascii: ","): token(.comma, to: after(index))
            case UInt8(ascii: "["): token(.openSquare, to: after(index))
            case UInt8(ascii: "]"): token(.closeSquare, to: after(index))
            case UInt8(ascii: "("): token(.openRound, to: after(index))
            case UInt8(ascii: ")"): token(.closeRound, to: after(index))
            case UInt8(ascii: "?"): token(.question, to: after(index))
            case UInt8(ascii: "."):
                if at(after(index)) == UInt8(ascii: ".") { token(.dotdot, to: after(after(index))) } else { token(.dot, to: after(index)) }
            case UInt8(ascii: "-"):
                if let next = at(after(index)), isDigit(next) {
                    token(.number, to: numberEnd(bytes, from: after(index)))
                } else {
                    token(.dash, to: after(index))
                }
            case UInt8(ascii: "="), UInt8(ascii: "!"):
                guard at(after(index)) == UInt8(ascii: "=") else { throw unexpected(markup, at: start) }
                token(.comparison, to: after(after(index)))
            case UInt8(ascii: "<"):
                let next = at(after(index))
                token(.comparison, to: next == UInt8(ascii: "=") || next == UInt8(ascii: ">") ? after(after(index)) : after(index))
            case UInt8(ascii: ">"):
                token(.comparison, to: at(after(index)) == UInt8(ascii: "=") ? after(after(index)) : after(index))
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                var end = after(index)
                while let next = at(end), next != byte { end = after(end) }
                guard end < bytes.endIndex else { throw unexpected(markup, at: start) }
                token(.string, to: after(end))
            default:
                if isDigit(byte) {
                    token(.number, to: numberEnd(bytes, from: index))
                } else if isLetter(byte) || byte == UInt8(ascii: "_") {
                    var end = after(index)
                    while let next = at(end), isLetter(next) || isDigit(next) || next == UInt8(ascii: "_") || next == UInt8(ascii: "-") {
                        end = after(end)
                    }
                    if at(end) == UInt8(ascii: "?") { end = after(end) }
                    let word = markup[start..<end]
                    if word == "contains", tokens.last?.kind != .dot {
                        token(.comparison, to: end)
                    } else {
                        token(.id, to: end)
                    }
                } else {
                    throw unexpected(markup, at: start)
                }
            }
        }
        tokens.append(Token(kind: .endOfString, text: markup[markup.endIndex...]))
        return tokens
    }

    /// Digits, then `.` and digits if they follow.
    private static func numberEnd(_ bytes: Substring.UTF8View, from: String.Index) -> String.Index {
        var end = from
        while end < bytes.endIndex, isDigit(bytes[end]) { end = bytes.index(after: end) }
        if end < bytes.endIndex, bytes[end] == UInt8(ascii: ".") {
            let next = bytes.index(after: end)
            if next < bytes.endIndex, isDigit(bytes[next]) {
                end = next
                while end < bytes.endIndex, isDigit(bytes[end]) { end = bytes.index(after: end) }
            }
        }
        return end
    }

    private static func unexpected(_ markup: Substring, at index: String.Index) -> LiquidError {
        .syntax("Unexpected character \(markup[index...].first.map(String.init) ?? "")")
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}
