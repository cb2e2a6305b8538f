import Yams

/// The tag Yams's default resolver gives a plain scalar, worked out by hand
/// instead of by its seven regular expressions (which were most of the cost
/// of reading front matter). Each rule below is one of the resolver's
/// patterns, matched whole, in the resolver's order: bool, int, float,
/// merge, null, timestamp, value. ScalarTypingTests compares the two on
/// fixed and random text.
enum PlainScalarTag {
    static func of(_ text: String) -> Tag.Name {
        let bytes = Array(text.utf8)
        if bools.contains(text) { return .bool }
        if isInt(bytes) { return .int }
        if isFloat(bytes) { return .float }
        if text == "<<" { return .merge }
        if nulls.contains(text) { return .null }
        if isTimestamp(bytes) { return .timestamp }
        if text == "=" { return .value }
        return .str
    }

    private static let bools: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]
    private static let nulls: Set<String> = ["~", "null", "Null", "NULL", ""]

    /// A position in the text, moved over what each pattern takes.
    private struct Cursor {
        let bytes: [UInt8]
        var at = 0

        var atEnd: Bool { at == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        mutating func take(where accepts: (UInt8) -> Bool) -> Bool {
            guard at < bytes.count, accepts(bytes[at]) else { return false }
            at += 1
            return true
        }

        /// As many as there are; how many.
        @discardableResult
        mutating func takeAll(where accepts: (UInt8) -> Bool) -> Int {
            let start = at
            while take(where: accepts) {}
            return at - start
        }

        mutating func takeSign() { _ = take(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }) }

        /// `(?::[0-5]?[0-9])+`: how many groups.
        mutating func takeSexagesimal() -> Int {
            var groups = 0
            while at + 1 < bytes.count, bytes[at] == UInt8(ascii: ":"), isDigit(bytes[at + 1]) {
                if at + 2 < bytes.count, isDigit(bytes[at + 2]), bytes[at + 1] <= UInt8(ascii: "5") {
                    at += 3
                } else {
                    at += 2
                }
                groups += 1
            }
            return groups
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isDigitOrUnderscore(_ byte: UInt8) -> Bool { isDigit(byte) || byte == UInt8(ascii: "_") }

    /// Tries `pattern` from the start; true when it takes the whole text.
    private static func whole(_ bytes: [UInt8], _ pattern: (inout Cursor) -> Bool) -> Bool {
        var cursor = Cursor(bytes: bytes)
        return pattern(&cursor) && cursor.atEnd
    }

    private static func isInt(_ bytes: [UInt8]) -> Bool {
        // [-+]?0b[0-1_]+
        whole(bytes) { c in
            c.takeSign()
            return c.take(UInt8(ascii: "0")) && c.take(UInt8(ascii: "b"))
                && c.takeAll(where: { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == UInt8(ascii: "_") }) > 0
        }
        // [-+]?0o?[0-7_]+
        || whole(bytes) { c in
            c.takeSign()
            guard c.take(UInt8(ascii: "0")) else { return false }
            _ = c.take(UInt8(ascii: "o"))
            return c.takeAll(where: { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7")) || $0 == UInt8(ascii: "_") }) > 0
        }
        // [-+]?(?:0|[1-9][0-9_]*)
        || whole(bytes) { c in
            c.takeSign()
            if c.take(UInt8(ascii: "0")) { return true }
            guard c.take(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) else { return false }
            c.takeAll(where: isDigitOrUnderscore)
            return true
        }
        // [-+]?0x[0-9a-fA-F_]+
        || whole(bytes) { c in
            c.takeSign()
            return c.take(UInt8(ascii: "0")) && c.take(UInt8(ascii: "x"))
                && c.takeAll(where: { isDigitOrUnderscore($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
                    || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains($0) }) > 0
        }
        // [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
        || whole(bytes) { c in
            c.takeSign()
            guard c.take(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) else { return false }
            c.takeAll(where: isDigitOrUnderscore)
            return c.takeSexagesimal() > 0
        }
    }

    private static func isFloat(_ bytes: [UInt8]) -> Bool {
        // [-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?
        whole(bytes) { c in
            c.takeSign()
            guard c.take(where: isDigit) else { return false }
            c.takeAll(where: isDigitOrUnderscore)
            if c.take(UInt8(ascii: ".")) { c.takeAll(where: isDigitOrUnderscore) }
            if c.take(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
                c.takeSign()
                return c.takeAll(where: isDigit) > 0
            }
            return true
        }
        // \.[0-9_]+(?:[eE][-+][0-9]+)?
        || whole(bytes) { c in
            guard c.take(UInt8(ascii: ".")), c.takeAll(where: isDigitOrUnderscore) > 0 else { return false }
            if c.take(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
                return c.take(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }) && c.takeAll(where: isDigit) > 0
            }
            return true
        }
        // [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
        || whole(bytes) { c in
            c.takeSign()
            guard c.take(where: isDigit) else { return false }
            c.takeAll(where: isDigitOrUnderscore)
            guard c.takeSexagesimal() > 0, c.take(UInt8(ascii: ".")) else { return false }
            c.takeAll(where: isDigitOrUnderscore)
            return true
        }
        // [-+]?\.(?:inf|Inf|INF)  and  \.(?:nan|NaN|NAN)
        || ["inf", "Inf", "INF"].contains { infinity in
            [".", "+.", "-."].contains { Array(($0 + infinity).utf8) == bytes }
        }
        || [".nan", ".NaN", ".NAN"].contains { Array($0.utf8) == bytes }
    }

    /// [0-9]{4}-[0-9]{2}-[0-9]{2}, or a date with 1- or 2-digit month and
    /// day, then `T`, `t` or blanks, a time with optional fraction, and an
    /// optional zone after optional blanks.
    private static func isTimestamp(_ bytes: [UInt8]) -> Bool {
        func digits(_ c: inout Cursor, _ range: ClosedRange<Int>) -> Bool {
            var count = 0
            while count < range.upperBound, c.take(where: isDigit) { count += 1 }
            return count >= range.lowerBound
        }
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        return whole(bytes) { c in
            digits(&c, 4...4) && c.take(UInt8(ascii: "-")) && digits(&c, 2...2) && c.take(UInt8(ascii: "-"))
                && digits(&c, 2...2)
        }
        || whole(bytes) { c in
            guard digits(&c, 4...4), c.take(UInt8(ascii: "-")), digits(&c, 1...2), c.take(UInt8(ascii: "-")),
                  digits(&c, 1...2) else { return false }
            guard c.take(UInt8(ascii: "T")) || c.take(UInt8(ascii: "t")) || c.takeAll(where: isBlank) > 0 else { return false }
            guard digits(&c, 1...2), c.take(UInt8(ascii: ":")), digits(&c, 2...2), c.take(UInt8(ascii: ":")),
                  digits(&c, 2...2) else { return false }
            if c.take(UInt8(ascii: ".")) { c.takeAll(where: isDigit) }
            // The zone is optional: where blanks are not followed by one, the
            // pattern ends before them (and then the text must end too).
            let beforeZone = c.at
            c.takeAll(where: isBlank)
            if c.take(UInt8(ascii: "Z")) { return true }
            if c.take(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") }) {
                guard digits(&c, 1...2) else { return false }
                if c.take(UInt8(ascii: ":")) { return digits(&c, 2...2) }
                return true
            }
            c.at = beforeZone
            return true
        }
    }
}
