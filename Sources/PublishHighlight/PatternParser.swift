/// Reads a regular expression in the dialect of lexer files into a tree.
///
/// The dialect is the part of Ruby's (Onigmo) that lexers use: literals and
/// escapes, `.`, `[…]` with ranges, negation and `[:alpha:]`-style names,
/// `\w \s \d \h` and their negations (ASCII, as in Ruby), `\p{L}`, groups
/// `(…)` `(?:…)`, lookahead `(?=…)` `(?!…)`, alternation, `* + ? {n,m}` and
/// their lazy forms, and the anchors `^ $` (of a line, as in Ruby) `\A \z \Z
/// \b \B`. Backreferences and lookbehind are not in it.
struct PatternParser {
    indirect enum Node {
        case empty
        case literal([UInt8])
        case set(CharacterClass)
        case any(newline: Bool)
        case sequence([Node])
        case alternation([Node])
        case group(Node, capture: Int?)
        case repetition(Node, min: Int, max: Int?, lazy: Bool)
        case anchor(Anchor)
        case lookahead(Node, negated: Bool)
    }

    struct SyntaxError: Error, CustomStringConvertible {
        let message: String
        let offset: Int
        var description: String { "\(message) at offset \(offset)" }
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var foldsCase: Bool
    /// `(?m)`, Ruby's name, or `(?s)`, Python's: `.` matches a new line too.
    private var dotAll = false
    private(set) var captureCount = 0
    private var depth = 0

    init(_ source: String, foldsCase: Bool) {
        scalars = Array(source.unicodeScalars)
        self.foldsCase = foldsCase
    }

    mutating func parse() throws -> Node {
        let node = try alternation()
        guard index == scalars.count else { throw error("unbalanced `)`") }
        return node
    }

    private func error(_ message: String) -> SyntaxError { SyntaxError(message: message, offset: index) }

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func alternation() throws -> Node {
        depth += 1
        defer { depth -= 1 }
        guard depth < 100 else { throw error("groups nested too deep") }
        var branches = [try sequence()]
        while peek == "|" {
            index += 1
            branches.append(try sequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func sequence() throws -> Node {
        var items: [Node] = []
        while let next = peek, next != "|", next != ")" {
            var atom = try self.atom()
            atom = try quantified(atom)
            items.append(atom)
        }
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .sequence(items)
        }
    }

    private mutating func quantified(_ atom: Node) throws -> Node {
        var atom = atom
        while let next = peek {
            let min: Int, max: Int?
            switch next {
            case "*": min = 0; max = nil; index += 1
            case "+": min = 1; max = nil; index += 1
            case "?": min = 0; max = 1; index += 1
            case "{":
                guard let bounds = try counted() else { return atom }
                (min, max) = bounds
            default: return atom
            }
            if case .anchor = atom { throw error("a quantifier after an anchor") }
            var lazy = false
            if peek == "?" { lazy = true; index += 1 } else if peek == "+" { index += 1 }
            atom = .repetition(atom, min: min, max: max, lazy: lazy)
        }
        return atom
    }

    /// `{n}`, `{n,}`, `{,m}`, `{n,m}`; nil (and nothing read) when the brace is a literal.
    private mutating func counted() throws -> (Int, Int?)? {
        let start = index
        index += 1
        func number() -> Int? {
            var value: Int?
            while let next = peek, (48...57).contains(next.value) {
                let digit = Int(next.value) - 48
                value = (value ?? 0) * 10 + digit
                index += 1
                guard value! <= 1000 else { return 1001 }
            }
            return value
        }
        let min = number()
        var max = min
        if peek == "," {
            index += 1
            max = number()
        } else if min == nil {
            index = start
            return nil
        }
        guard peek == "}" else {
            index = start
            return nil
        }
        index += 1
        if let max, max > 1000 { throw error("a repeat count over 1000") }
        if let max, max < (min ?? 0) { throw error("a repeat range out of order") }
        return (min ?? 0, max)
    }

    private mutating func atom() throws -> Node {
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case "(":
            return try group()
        case "[":
            return .set(try bracket())
        case ".":
            return .any(newline: dotAll)
        case "^":
            return .anchor(.lineStart)
        case "$":
            return .anchor(.lineEnd)
        case "\\":
            return try escape()
        case "*", "+", "?":
            throw error("a quantifier with nothing before it")
        default:
            return literal(scalar)
        }
    }

    private func literal(_ scalar: Unicode.Scalar) -> Node {
        if foldsCase, scalar.isASCII, scalar.properties.isAlphabetic {
            var set = CharacterClass()
            set.insert(scalar.value)
            set.foldCase()
            return .set(set)
        }
        return .literal(Array(String(scalar).utf8))
    }

    private mutating func group() throws -> Node {
        var capture: Int?
        if peek == "?" {
            index += 1
            let kind = peek
            index += 1
            switch kind {
            case ":":
                break
            case "=", "!":
                let inner = try alternation()
                guard peek == ")" else { throw error("`(` never closed") }
                index += 1
                return .lookahead(inner, negated: kind == "!")
            case "i", "m", "s", "x", "-":
                // Flags: `(?mi)` to the end of the enclosing group, `(?m:…)` for its own.
                index -= 1
                var on = true
                var fold = foldsCase, all = dotAll
                while let flag = peek, flag != ")", flag != ":" {
                    switch flag {
                    case "-": on = false
                    case "i": fold = on
                    case "m", "s": all = on
                    case "x": throw error("the `x` flag is not supported")
                    default: throw error("an unknown flag `\(flag)`")
                    }
                    index += 1
                }
                guard let closer = peek else { throw error("`(?` never closed") }
                index += 1
                if closer == ")" {
                    foldsCase = fold
                    dotAll = all
                    return .empty
                }
                let saved = (foldsCase, dotAll)
                foldsCase = fold
                dotAll = all
                let inner = try alternation()
                (foldsCase, dotAll) = saved
                guard peek == ")" else { throw error("`(` never closed") }
                index += 1
                return .group(inner, capture: nil)
            case "<":
                // A named group, `(?<name>…)`: captured, the name unused.
                guard peek != "=", peek != "!" else { throw error("lookbehind is not supported") }
                while let next = peek, next != ">" { index += 1 }
                guard peek == ">" else { throw error("a group name never closed") }
                index += 1
                captureCount += 1
                capture = captureCount
            default:
                throw error("an unknown group kind `(?\(kind.map(String.init) ?? "")`")
            }
        } else {
            captureCount += 1
            capture = captureCount
        }
        let saved = (foldsCase, dotAll)
        let inner = try alternation()
        (foldsCase, dotAll) = saved
        guard peek == ")" else { throw error("`(` never closed") }
        index += 1
        return .group(inner, capture: capture)
    }

    private mutating func escape() throws -> Node {
        guard let scalar = peek else { throw error("a pattern ends in `\\`") }
        index += 1
        switch scalar {
        case "A": return .anchor(.textStart)
        case "z": return .anchor(.textEnd)
        case "Z": return .anchor(.textEndBeforeNewline)
        case "b": return .anchor(.wordBoundary)
        case "B": return .anchor(.notWordBoundary)
        case "G": return .anchor(.textStart)
        default:
            if let set = try namedClass(scalar) { return .set(foldsCase ? folded(set) : set) }
            let value = try escapedScalar(scalar)
            return literal(value)
        }
    }

    private func folded(_ set: CharacterClass) -> CharacterClass {
        var copy = set
        copy.foldCase()
        return copy
    }

    /// `\w` and the other one-letter classes; nil for other escapes.
    private mutating func namedClass(_ scalar: Unicode.Scalar) throws -> CharacterClass? {
        switch scalar {
        case "d": return .digit
        case "D": return CharacterClass.digit.negated
        case "w": return .word
        case "W": return CharacterClass.word.negated
        case "s": return .space
        case "S": return CharacterClass.space.negated
        case "h": return .hexDigit
        case "H": return CharacterClass.hexDigit.negated
        case "p", "P":
            guard peek == "{" else { throw error("`\\p` without `{`") }
            while let next = peek, next != "}" { index += 1 }
            guard peek == "}" else { throw error("`\\p{` never closed") }
            index += 1
            return scalar == "p" ? .letterLike : CharacterClass.letterLike.negated
        default: return nil
        }
    }

    private mutating func escapedScalar(_ scalar: Unicode.Scalar) throws -> Unicode.Scalar {
        switch scalar {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "f": return "\u{0C}"
        case "v": return "\u{0B}"
        case "e": return "\u{1B}"
        case "a": return "\u{07}"
        case "0": return "\u{00}"
        case "x", "u":
            var digits = ""
            if peek == "{" {
                index += 1
                while let next = peek, next != "}" { digits.unicodeScalars.append(next); index += 1 }
                index += 1
            } else {
                let count = scalar == "x" ? 2 : 4
                while digits.count < count, let next = peek, next.properties.isASCIIHexDigit {
                    digits.unicodeScalars.append(next)
                    index += 1
                }
            }
            guard let value = UInt32(digits, radix: 16), let result = Unicode.Scalar(value) else {
                throw error("a bad `\\\(scalar)` escape")
            }
            return result
        default:
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                throw error("an unknown escape `\\\(scalar)`")
            }
            return scalar
        }
    }

    private mutating func bracket() throws -> CharacterClass {
        var set = CharacterClass()
        var negated = false
        if peek == "^" { negated = true; index += 1 }
        var first = true
        while true {
            guard let scalar = peek else { throw error("`[` never closed") }
            if scalar == "]", !first { index += 1; break }
            first = false
            index += 1
            if scalar == "[", peek == ":" {
                set.formUnion(try posixClass())
                continue
            }
            if scalar == "[" { throw error("nested `[` is not supported; escape it") }
            var low: Unicode.Scalar
            if scalar == "\\" {
                guard let escaped = peek else { throw error("a pattern ends in `\\`") }
                index += 1
                if let named = try namedClass(escaped) {
                    set.formUnion(named)
                    continue
                }
                low = escaped == "b" ? "\u{08}" : try escapedScalar(escaped)
            } else {
                low = scalar
            }
            if peek == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                index += 1
                var high = scalars[index]
                index += 1
                if high == "\\" {
                    guard let escaped = peek else { throw error("a pattern ends in `\\`") }
                    index += 1
                    high = try escapedScalar(escaped)
                }
                guard high.value >= low.value else { throw error("a range out of order in `[…]`") }
                set.insert(low.value...high.value)
            } else {
                set.insert(low.value)
            }
        }
        if foldsCase { set.foldCase() }
        set.isNegated = negated
        return set
    }

    private mutating func posixClass() throws -> CharacterClass {
        index += 1
        var name = ""
        while let next = peek, next != ":" { name.unicodeScalars.append(next); index += 1 }
        guard peek == ":", index + 1 < scalars.count, scalars[index + 1] == "]" else {
            throw error("`[:` never closed")
        }
        index += 2
        var negated = false
        if name.hasPrefix("^") { negated = true; name.removeFirst() }
        let set: CharacterClass
        switch name {
        case "alpha": set = .alpha
        case "digit": set = .digit
        case "alnum": set = CharacterClass.of(48...57, 65...90, 97...122)
        case "space": set = .space
        case "upper": set = .upper
        case "lower": set = .lower
        case "punct": set = .punct
        case "xdigit": set = .hexDigit
        case "word": set = .word
        case "blank": set = CharacterClass.of(9...9, 32...32)
        case "cntrl": set = CharacterClass.of(0...31, 127...127)
        case "print": set = CharacterClass.of(32...126, 0xA0...0x10FFFF)
        case "graph": set = CharacterClass.of(33...126, 0xA0...0x10FFFF)
        default: throw error("an unknown class `[:\(name):]`")
        }
        return negated ? set.negated : set
    }
}

/// A zero-width test.
enum Anchor: Sendable {
    case lineStart, lineEnd, textStart, textEnd, textEndBeforeNewline, wordBoundary, notWordBoundary
}
