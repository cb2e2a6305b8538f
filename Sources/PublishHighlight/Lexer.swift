import Yams

/// A language's lexer: named states, each an ordered list of rules, as
/// Pygments' `RegexLexer`, Rouge and Chroma define them. Read from a lexer
/// file (YAML) in `assets/highlight/`:
///
/// ```yaml
/// name: Go
/// states:
///   root:
///     - ['\s+', Text]                         # pattern, token
///     - ['"', String.Double, string]          # … and the state to enter
///     - {words: [break, case], token: Keyword}
///     - {match: '(func)(\s+)(\w+)', groups: [Keyword.Declaration, Text, Name.Function]}
///     - {match: '<script>.*?</script>', using: javascript}
///     - {include: literals}                   # another state's rules, here
///     - {default: '#pop'}                     # no text; just change state
///   string:
///     - ['\\.', String.Escape]
///     - ['"', String.Double, '#pop']
/// ```
///
/// `next` (the third item) is a state's name, `#push` (the current state
/// again), `#pop`, `#pop:N`, or a list of these applied in order. A group
/// or the whole match may be lexed by another language: `using: NAME`, or
/// `using:NAME` in `groups`. `case_insensitive: true` applies to every pattern.
public struct Lexer: Sendable {
    public let name: String
    let states: [State]
    let root: Int

    struct State: Sendable {
        var rules: [Rule]
        /// For each first byte, the rules that can match there, in order.
        var dispatch: [[Int32]] = []
    }

    /// A class, so that trying a rule at each position retains one object
    /// rather than copying its parts.
    final class Rule: Sendable {
        enum Matcher: Sendable {
            case pattern(Pattern)
            /// Any of these words, whole: the run of word characters at the position is one of them.
            case words(Set<[UInt8]>, foldsCase: Bool)
            /// Matches nothing, always (Pygments' `default`).
            case always
        }

        enum Action: Sendable {
            case token(TokenType)
            case groups([Part])
            case using(String)
            case nothing
        }

        enum Part: Sendable {
            case token(TokenType)
            case using(String)
        }

        enum Transition: Sendable {
            case push(Int)
            case pushCurrent
            case pop(Int)
        }

        let matcher: Matcher
        let action: Action
        let transitions: [Transition]

        init(matcher: Matcher, action: Action, transitions: [Transition]) {
            self.matcher = matcher
            self.action = action
            self.transitions = transitions
        }
    }

    public struct DefinitionError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Reads a lexer file.
    public init(yaml: String) throws {
        guard let root = try Yams.compose(yaml: yaml), let mapping = root.mapping else {
            throw DefinitionError(message: "a lexer file is a mapping")
        }
        name = mapping["name"]?.string ?? "?"
        let foldsCase = mapping["case_insensitive"]?.bool ?? false
        guard let stateNodes = mapping["states"]?.mapping else {
            throw DefinitionError(message: "\(name): no `states`")
        }
        var names: [String] = []
        for (key, _) in stateNodes { names.append(key.string ?? "") }
        guard let rootIndex = names.firstIndex(of: "root") else {
            throw DefinitionError(message: "\(name): no `root` state")
        }
        self.root = rootIndex
        let indexByName = Dictionary(names.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var raw: [[Node]] = []
        for (_, value) in stateNodes {
            guard let rules = value.sequence else { throw DefinitionError(message: "\(name): a state is a list of rules") }
            raw.append(Array(rules))
        }
        var built: [State] = []
        for (offset, rules) in raw.enumerated() {
            var expanded: [Rule] = []
            try Lexer.expand(rules, in: raw, names: names, indexByName: indexByName, lexer: name,
                             foldsCase: foldsCase, into: &expanded, visiting: [offset])
            built.append(State(rules: expanded))
        }
        states = built.map(Lexer.withDispatch)
    }

    /// A state's rules with `include`s replaced by the included rules.
    private static func expand(_ rules: [Node], in raw: [[Node]], names: [String], indexByName: [String: Int],
                               lexer: String, foldsCase: Bool, into result: inout [Rule], visiting: [Int]) throws {
        for node in rules {
            if let included = node.mapping?["include"]?.string {
                guard let index = indexByName[included] else {
                    throw DefinitionError(message: "\(lexer): include of an unknown state `\(included)`")
                }
                guard !visiting.contains(index) else {
                    throw DefinitionError(message: "\(lexer): state `\(included)` includes itself")
                }
                try expand(raw[index], in: raw, names: names, indexByName: indexByName, lexer: lexer,
                           foldsCase: foldsCase, into: &result, visiting: visiting + [index])
                continue
            }
            result.append(try rule(node, indexByName: indexByName, lexer: lexer, foldsCase: foldsCase))
        }
    }

    private static func rule(_ node: Node, indexByName: [String: Int], lexer: String, foldsCase: Bool) throws -> Rule {
        var pattern: String?
        var tokenName: String?
        var next: Node?
        var words: [String]?
        var groups: [String]?
        var using: String?
        var isDefault = false
        var suffix: String?
        var prefix: String?
        if let items = node.sequence {
            guard items.count >= 2, let first = items[0].string, let second = items[1].string else {
                throw DefinitionError(message: "\(lexer): a rule list is [pattern, token] or [pattern, token, next]")
            }
            pattern = first
            tokenName = second
            if items.count > 2 { next = items[2] }
        } else if let mapping = node.mapping {
            for (key, value) in mapping {
                switch key.string ?? "" {
                case "match": pattern = value.string
                case "token": tokenName = value.string
                case "next": next = value
                case "words": words = value.sequence?.compactMap { $0.string }
                case "suffix": suffix = value.string
                case "prefix": prefix = value.string
                case "groups": groups = value.sequence?.compactMap { $0.string }
                case "using": using = value.string
                case "default": isDefault = true; next = value
                default: throw DefinitionError(message: "\(lexer): unknown rule key `\(key.string ?? "")`")
                }
            }
        } else {
            throw DefinitionError(message: "\(lexer): a rule is a list or a mapping")
        }

        func token(_ name: String) throws -> TokenType {
            guard let type = TokenType(named: name) else {
                throw DefinitionError(message: "\(lexer): unknown token type `\(name)`")
            }
            return type
        }

        let matcher: Rule.Matcher
        if isDefault {
            matcher = .always
        } else if let words {
            let plain = words.allSatisfy { $0.utf8.allSatisfy { CharacterClass.word.contains(UInt32($0)) } }
            if plain, suffix == nil, prefix == nil {
                matcher = .words(Set(words.map { Array((foldsCase ? $0.lowercased() : $0).utf8) }), foldsCase: foldsCase)
            } else {
                let alternatives = words.sorted { $0.utf8.count > $1.utf8.count }.map(Lexer.escaped).joined(separator: "|")
                matcher = .pattern(try compile((prefix ?? "") + "(?:" + alternatives + ")" + (suffix ?? "\\b"),
                                               lexer: lexer, foldsCase: foldsCase))
            }
        } else if let pattern {
            matcher = .pattern(try compile(pattern, lexer: lexer, foldsCase: foldsCase))
        } else {
            throw DefinitionError(message: "\(lexer): a rule without `match`, `words` or `default`")
        }

        let action: Rule.Action
        if let groups {
            action = .groups(try groups.map { item in
                item.hasPrefix("using:") ? .using(String(item.dropFirst(6))) : .token(try token(item))
            })
            if case .pattern(let compiled) = matcher, compiled.groupCount != groups.count {
                throw DefinitionError(message: "\(lexer): `\(pattern ?? "")` has \(compiled.groupCount) groups, "
                                      + "and \(groups.count) are named")
            }
        } else if let using {
            action = .using(using)
        } else if let tokenName {
            action = .token(try token(tokenName))
        } else if isDefault {
            action = .nothing
        } else {
            throw DefinitionError(message: "\(lexer): a rule without a token")
        }
        return Rule(matcher: matcher, action: action,
                    transitions: try transitions(next, indexByName: indexByName, lexer: lexer))
    }

    private static func compile(_ source: String, lexer: String, foldsCase: Bool) throws -> Pattern {
        do {
            return try Pattern(source, caseInsensitive: foldsCase)
        } catch let error as PatternParser.SyntaxError {
            throw DefinitionError(message: "\(lexer): `\(source)`: \(error)")
        }
    }

    private static func transitions(_ node: Node?, indexByName: [String: Int], lexer: String) throws -> [Rule.Transition] {
        guard let node else { return [] }
        let items = node.sequence.map(Array.init) ?? [node]
        return try items.map { item in
            guard let text = item.string else { throw DefinitionError(message: "\(lexer): a bad `next`") }
            if text == "#push" { return .pushCurrent }
            if text == "#pop" { return .pop(1) }
            if text.hasPrefix("#pop:"), let count = Int(text.dropFirst(5)), count > 0 { return .pop(count) }
            guard let index = indexByName[text] else {
                throw DefinitionError(message: "\(lexer): unknown state `\(text)`")
            }
            return .push(index)
        }
    }

    private static func escaped(_ word: String) -> String {
        var result = ""
        for scalar in word.unicodeScalars {
            if "\\^$.|?*+()[]{}-/#".unicodeScalars.contains(scalar) { result += "\\" }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    private static func withDispatch(_ state: State) -> State {
        var state = state
        state.dispatch = Array(repeating: [], count: 256)
        for (index, rule) in state.rules.enumerated() {
            for byte in 0..<256 where rule.mayStart(with: UInt8(byte)) {
                state.dispatch[byte].append(Int32(index))
            }
        }
        return state
    }
}

extension Lexer.Rule {
    func mayStart(with byte: UInt8) -> Bool {
        switch matcher {
        case .always: return true
        case .pattern(let pattern): return pattern.firstBytes?.contains(byte) ?? true
        case .words(let words, let foldsCase):
            let lowered = foldsCase && (65...90).contains(byte) ? byte + 32 : byte
            return words.contains { $0.first == lowered }
        }
    }
}
