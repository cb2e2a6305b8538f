/// Ruby's readings of numbers in text.
enum RubyNumber {
    /// Ruby's `Float#to_i`, truncating toward zero; past Int's bounds
    /// (where Ruby's is a bignum) it saturates, and infinities and NaN,
    /// which Ruby refuses, are 0.
    static func toI(_ number: Double) -> Int {
        guard number.isFinite else { return 0 }
        if number >= 9_223_372_036_854_775_808.0 { return .max }
        if number < -9_223_372_036_854_775_808.0 { return .min }
        return Int(number)
    }

    /// `String#to_i`: leading blanks, a sign, digits (with single `_`
    /// between them); 0 when there are none.
    static func toI(_ text: String) -> Int {
        var bytes = Substring(text).utf8.drop { RubyString.isSpace($0) && $0 != 0 }[...]
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var value = 0
        var previousDigit = false
        for byte in bytes {
            if Lexer.isDigit(byte) {
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (plus, overflow2) = times.addingReportingOverflow(Int(byte - 0x30))
                if overflow1 || overflow2 { return negative ? Int.min : Int.max }
                value = plus
                previousDigit = true
            } else if byte == UInt8(ascii: "_"), previousDigit {
                previousDigit = false
            } else {
                break
            }
        }
        return negative ? -value : value
    }

    /// `String#to_f`: the longest decimal number at the start; 0.0 when none.
    static func toF(_ text: String) -> Double {
        let bytes = Array(Substring(text).utf8.drop { RubyString.isSpace($0) && $0 != 0 })
        var end = 0
        if end < bytes.count, bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: "+") { end += 1 }
        let digitsStart = end
        while end < bytes.count, Lexer.isDigit(bytes[end]) || (bytes[end] == UInt8(ascii: "_") && end > digitsStart) { end += 1 }
        if end == digitsStart { return 0 }
        if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "."), Lexer.isDigit(bytes[end + 1]) {
            end += 1
            while end < bytes.count, Lexer.isDigit(bytes[end]) { end += 1 }
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "e") || bytes[end] == UInt8(ascii: "E") {
            var exponentEnd = end + 1
            if exponentEnd < bytes.count, bytes[exponentEnd] == UInt8(ascii: "-") || bytes[exponentEnd] == UInt8(ascii: "+") { exponentEnd += 1 }
            let exponentDigits = exponentEnd
            while exponentEnd < bytes.count, Lexer.isDigit(bytes[exponentEnd]) { exponentEnd += 1 }
            if exponentEnd > exponentDigits { end = exponentEnd }
        }
        let literal = String(decoding: bytes[..<end].filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        return Double(literal) ?? 0
    }

    /// A number literal as liquid-ruby's `Expression.parse_number` reads
    /// markup: `12`, `-3`, `1.5`, and `1.2.3` as 1.2; nil for anything else.
    static func literal(_ markup: Substring) -> Value? {
        let bytes = Array(markup.utf8)
        guard let first = bytes.first else { return nil }
        var index = 0
        if first == UInt8(ascii: "-") {
            guard bytes.count > 1, Lexer.isDigit(bytes[1]) else { return nil }
            index = 1
        } else if !Lexer.isDigit(first) {
            return nil
        }
        var firstDot: Int?
        var end: Int?
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: ".") || Lexer.isDigit(byte) else { return nil }
            if end == nil, byte == UInt8(ascii: ".") {
                if firstDot == nil { firstDot = index } else { end = index }
            }
            index += 1
        }
        let text = String(decoding: bytes[..<(end ?? bytes.count)], as: UTF8.self)
        if firstDot == nil {
            return Int(text).map(Value.int) ?? .float(Double(text) ?? 0)
        }
        if text.hasSuffix(".") { return .float(Double(text.dropLast()) ?? 0) }
        return .float(Double(text) ?? 0)
    }
}
