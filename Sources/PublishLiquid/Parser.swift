/// liquid-ruby's strict markup parser: expressions, arguments and the
/// tokens between them, with its error messages.
struct Parser {
    private let tokens: [Token]
    private(set) var position = 0
    /// In strict2, `[x]` without a variable before it is refused.
    private let rejectsBareBrackets: Bool

    init(_ markup: Substring, rejectsBareBrackets: Bool = false) throws {
        tokens = try Lexer.tokens(markup)
        self.rejectsBareBrackets = rejectsBareBrackets
    }

    var current: Token { tokens[position] }

    func look(_ kind: Token.Kind, ahead: Int = 0) -> Bool {
        position + ahead < tokens.count && tokens[position + ahead].kind == kind
    }

    @discardableResult
    mutating func consume(_ kind: Token.Kind) throws -> Substring {
        let token = tokens[position]
        guard token.kind == kind else {
            throw LiquidError.syntax("Expected \(kind.rawValue) but found \(token.kind.rawValue)")
        }
        position += 1
        return token.text
    }

    mutating func consume() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    mutating func consumeIf(_ kind: Token.Kind) -> Substring? {
        guard look(kind) else { return nil }
        return consume().text
    }

    /// Consumes the identifier `word` if it is next.
    mutating func consumeWord(_ word: String) -> Bool {
        guard look(.id), tokens[position].text == word else { return false }
        position += 1
        return true
    }

    /// How deep brackets and ranges may nest in one expression: deeper
    /// markup is refused before it can exhaust the stack.
    static let maximumDepth = 100
    private var depth = 0

    mutating func expression() throws -> Expression {
        guard depth < Parser.maximumDepth else { throw LiquidError.syntax("Nesting too deep in an expression") }
        depth += 1
        defer { depth -= 1 }
        let token = current
        switch token.kind {
        case .id:
            position += 1
            let keys = try lookups()
            if keys.isEmpty, let literal = Expression.literal(named: token.text) { return literal }
            return .variable(VariableLookup(name: .fixed(String(token.text)), keys: keys))
        case .openSquare:
            if rejectsBareBrackets {
                throw LiquidError.syntax("Bare bracket access is not allowed. Use self['...'] instead")
            }
            position += 1
            let name = try expression()
            try consume(.closeSquare)
            return .variable(VariableLookup(name: .dynamic(name), keys: try lookups()))
        case .string:
            position += 1
            return .literal(.string(String(token.text.dropFirst().dropLast())))
        case .number:
            position += 1
            return .literal(RubyNumber.literal(token.text) ?? .nil)
        case .openRound:
            position += 1
            let low = try expression()
            try consume(.dotdot)
            let high = try expression()
            try consume(.closeRound)
            return try Parser.range(low, high)
        default:
            throw LiquidError.syntax("\(token.inspect) is not a valid expression")
        }
    }

    /// A range of two literals is made now, each end read by Ruby's
    /// `to_i`; one holding a variable, when rendered.
    static func range(_ low: Expression, _ high: Expression) throws -> Expression {
        guard case .literal(let a) = low, case .literal(let b) = high else { return .range(low, high) }
        func bound(_ value: Value) throws -> Int {
            switch value {
            case .int(let number): return number
            case .float(let number): return RubyNumber.toI(number)
            case .string(let text): return RubyNumber.toI(text)
            case .nil: return 0
            default: throw LiquidError.syntax("Invalid expression type '\(value.text)' in range expression")
            }
        }
        return .literal(.range(try bound(a), try bound(b)))
    }

    private mutating func lookups() throws -> [VariableLookup.Key] {
        var keys: [VariableLookup.Key] = []
        while true {
            if look(.openSquare) {
                position += 1
                keys.append(.bracket(try expression()))
                try consume(.closeSquare)
            } else if look(.dot) {
                position += 1
                keys.append(.dot(String(try consume(.id))))
            } else {
                return keys
            }
        }
    }

    /// The tokens from `start` to here, as liquid-ruby's parser rebuilds
    /// an expression's text (no blanks).
    func text(from start: Int) -> String {
        tokens[start..<position].map { String($0.text) }.joined()
    }

    /// A filter argument: `value` or `name: value`.
    mutating func argument() throws -> (keyword: String?, value: Expression) {
        if look(.id), look(.colon, ahead: 1) {
            let name = String(consume().text)
            position += 1
            return (name, try expression())
        }
        return (nil, try expression())
    }
}
