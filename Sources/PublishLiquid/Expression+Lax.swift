import Foundation

extension Expression {
    /// An expression read the forgiving way, from its text, as liquid-ruby's
    /// `Expression.parse` reads what its lax regular expressions cut out:
    /// a quoted string, a literal name, a range, a number, or else a
    /// variable with whatever lookups can be found in the text.
    static func parse(lax markup: Substring, depth: Int = 0) -> Expression {
        // As deep as the strict parser allows; deeper brackets read as nothing.
        guard depth < Parser.maximumDepth else { return .literal(.nil) }
        let text = RubyString.strip(markup)
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            return .literal(.string(String(text.dropFirst().dropLast())))
        }
        if text.isEmpty { return .literal(.nil) }
        if let literal = Expression.literal(named: text) { return literal }
        if text.first == "(", text.last == ")", let (low, high) = rangeParts(text) {
            let (from, to) = (parse(lax: low, depth: depth + 1), parse(lax: high, depth: depth + 1))
            return (try? Parser.range(from, to)) ?? .range(from, to)
        }
        if let number = RubyNumber.literal(text) { return .literal(number) }
        return .variable(VariableLookup(lax: text, depth: depth))
    }

    /// `(a..b)` with no blanks inside either end. As liquid-ruby's pattern
    /// does, the low end is the longest that `..` follows: `(1...5)` is
    /// `1.` to `5`.
    private static func rangeParts(_ text: Substring) -> (Substring, Substring)? {
        let inner = RubyString.strip(text.dropFirst().dropLast())
        var search = inner.endIndex
        while let dots = inner[..<search].range(of: "..", options: .backwards) {
            let low = RubyString.rstrip(inner[..<dots.lowerBound])
            let high = RubyString.lstrip(inner[dots.upperBound...])
            if !low.isEmpty, !high.isEmpty, !low.contains(where: \.isWhitespace), !high.contains(where: \.isWhitespace) {
                return (low, high)
            }
            search = inner.index(before: dots.upperBound)
        }
        return nil
    }
}

extension VariableLookup {
    /// The segments of `a.b[c]["d"]` found the forgiving way: runs of word
    /// characters and dashes (with a trailing `?`), and balanced brackets.
    init(lax markup: Substring, depth: Int = 0) {
        var segments: [Substring] = []
        let chars = Array(markup.utf8)
        var index = 0
        func isWord(_ byte: UInt8) -> Bool {
            Lexer.isLetter(byte) || Lexer.isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        func offset(_ i: Int) -> String.Index { markup.utf8.index(markup.startIndex, offsetBy: i) }
        while index < chars.count {
            if chars[index] == UInt8(ascii: "[") {
                var depth = 0
                var end = index
                while end < chars.count {
                    if chars[end] == UInt8(ascii: "[") { depth += 1 }
                    if chars[end] == UInt8(ascii: "]") { depth -= 1; if depth == 0 { break } }
                    end += 1
                }
                if end < chars.count {
                    segments.append(markup[offset(index)..<offset(end + 1)])
                    index = end + 1
                    continue
                }
                index += 1
            } else if isWord(chars[index]) {
                var end = index
                while end < chars.count, isWord(chars[end]) { end += 1 }
                if end < chars.count, chars[end] == UInt8(ascii: "?") { end += 1 }
                segments.append(markup[offset(index)..<offset(end)])
                index = end
            } else {
                index += 1
            }
        }
        func bracketed(_ segment: Substring) -> Expression? {
            guard segment.first == "[", segment.last == "]" else { return nil }
            return Expression.parse(lax: segment.dropFirst().dropLast(), depth: depth + 1)
        }
        guard let first = segments.first else {
            self.init(name: .fixed(""), keys: [])
            return
        }
        let name: Name = bracketed(first).map { .dynamic($0) } ?? .fixed(String(first))
        let keys: [Key] = segments.dropFirst().map { segment in
            bracketed(segment).map { .bracket($0) } ?? .dot(String(segment))
        }
        self.init(name: name, keys: keys)
    }
}
