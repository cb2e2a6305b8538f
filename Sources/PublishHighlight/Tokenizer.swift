/// A run of code of one token type: `length` bytes of UTF-8.
public struct TokenRun: Hashable, Sendable {
    public var length: Int
    public var type: TokenType

    public init(length: Int, type: TokenType) {
        self.length = length
        self.type = type
    }
}

/// Runs a lexer over a text: at each position the current state's first
/// rule that matches wins, emits its tokens and moves through the states.
struct Tokenizer {
    let catalog: LexerCatalog
    /// Steps left for the whole text, shared with the lexers it hands parts to.
    var budget: Int
    private(set) var runs: [TokenRun] = []
    private var scratch = Pattern.Scratch()

    /// Deepest state stack; a deeper push is ignored (hostile nesting).
    static let maximumDepth = 100
    /// Deepest hand-over from one language to another.
    static let maximumNesting = 8

    init(catalog: LexerCatalog, budget: Int) {
        self.catalog = catalog
        self.budget = budget
    }

    enum Failure: Error { case exhausted }

    mutating func emit(_ length: Int, _ type: TokenType) {
        guard length > 0 else { return }
        if let last = runs.last, last.type == type {
            runs[runs.count - 1].length += length
        } else {
            runs.append(TokenRun(length: length, type: type))
        }
    }

    /// Lexes `text[range]` with `lexer`, appending its runs.
    mutating func lex(_ text: UnsafeBufferPointer<UInt8>, _ lexer: Lexer, nesting: Int = 0) throws {
        var stack = [lexer.root]
        var position = 0
        var emptySteps = 0
        let end = text.count
        while position < end {
            let state = lexer.states[stack[stack.count - 1]]
            var matched = false
            for ruleIndex in state.dispatch[Int(text[position])] {
                let rule = state.rules[Int(ruleIndex)]
                var matchEnd = position
                var groups: [Range<Int>?] = []
                switch rule.matcher {
                case .always:
                    break
                case .words(let words, let foldsCase):
                    var stop = position
                    while stop < end, Pattern.isWord(text, stop) { stop += 1 }
                    budget -= 1 + (stop - position)
                    var word = Array(text[position..<stop])
                    if foldsCase { word = word.map { (65...90).contains($0) ? $0 + 32 : $0 } }
                    guard words.contains(word) else { continue }
                    matchEnd = stop
                case .pattern(let pattern):
                    switch pattern.end(text, at: position, budget: &budget, scratch: &scratch) {
                    case .failed: continue
                    case .exhausted: throw Failure.exhausted
                    case .matched(let found):
                        matchEnd = found
                        if case .groups = rule.action { groups = pattern.groups(in: scratch) }
                    }
                }
                if budget < 0 { throw Failure.exhausted }
                if matchEnd == position {
                    // An empty match only counts when it changes state, and
                    // not forever: a cycle of such rules would never end.
                    guard !rule.transitions.isEmpty else { continue }
                    emptySteps += 1
                    guard emptySteps < 64 else { break }
                } else {
                    emptySteps = 0
                }
                try act(rule.action, text, position..<matchEnd, groups, nesting: nesting)
                for transition in rule.transitions {
                    switch transition {
                    case .push(let index):
                        if stack.count < Tokenizer.maximumDepth { stack.append(index) }
                    case .pushCurrent:
                        if stack.count < Tokenizer.maximumDepth { stack.append(stack[stack.count - 1]) }
                    case .pop(let count):
                        stack.removeLast(min(count, stack.count - 1))
                    }
                }
                position = matchEnd
                matched = true
                break
            }
            if !matched {
                // No rule: one character as plain text; a new line starts over from the root.
                let length = Pattern.decode(text, position).1
                if text[position] == 0x0A { stack = [lexer.root] }
                emit(length, .text)
                position += length
                emptySteps = 0
                budget -= 1
                if budget < 0 { throw Failure.exhausted }
            }
        }
    }

    private mutating func act(_ action: Lexer.Rule.Action, _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                              _ groups: [Range<Int>?], nesting: Int) throws {
        switch action {
        case .nothing:
            break
        case .token(let type):
            emit(range.count, type)
        case .using(let language):
            try delegate(language, text, range, nesting: nesting)
        case .groups(let parts):
            // Text between groups (outside every group) is plain.
            var position = range.lowerBound
            for (part, group) in zip(parts, groups) {
                guard let group, group.lowerBound >= position else { continue }
                emit(group.lowerBound - position, .text)
                switch part {
                case .token(let type): emit(group.count, type)
                case .using(let language): try delegate(language, text, group, nesting: nesting)
                }
                position = group.upperBound
            }
            emit(range.upperBound - position, .text)
        }
    }

    private mutating func delegate(_ language: String, _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                   nesting: Int) throws {
        guard nesting < Tokenizer.maximumNesting, let lexer = catalog.lexer(named: language) else {
            emit(range.count, .text)
            return
        }
        try lex(UnsafeBufferPointer(rebasing: text[range]), lexer, nesting: nesting + 1)
    }
}
