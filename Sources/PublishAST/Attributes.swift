/// Annotations a stage puts on a node without inventing a new node kind:
/// a heading's id, classes, ordered key–value pairs, and a code block's
/// highlighting.
public struct Attributes: Hashable, Sendable {
    public var id: String?
    public var classes: [String]
    /// Ordered, so output is the same on every run.
    public var pairs: [Pair]
    /// A code block's text as runs of token classes, set by the `highlight` stage.
    public var tokens: CodeTokens?

    public struct Pair: Hashable, Sendable {
        public var key: String
        public var value: String

        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    public init(id: String? = nil, classes: [String] = [], pairs: [Pair] = [], tokens: CodeTokens? = nil) {
        self.id = id
        self.classes = classes
        self.pairs = pairs
        self.tokens = tokens
    }

    public static let none = Attributes()

    public var isEmpty: Bool { id == nil && classes.isEmpty && pairs.isEmpty && tokens == nil }

    /// The value of the first pair named `key`; setting replaces it or appends.
    public subscript(key: String) -> String? {
        get { pairs.first { $0.key == key }?.value }
        set {
            let index = pairs.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): pairs[index].value = value
            case (let index?, nil): pairs.remove(at: index)
            case (nil, let value?): pairs.append(Pair(key, value))
            case (nil, nil): break
            }
        }
    }
}

/// A code block split into runs of its text, each with the class of its
/// token (`k`, `s2`, `c1`: Pygments' and Rouge's short names; empty for
/// plain text), so every writer can colour it its own way.
public struct CodeTokens: Hashable, Sendable {
    public struct Run: Hashable, Sendable {
        /// Bytes of the code's UTF-8; a run never splits a character.
        public var length: Int
        public var className: String

        public init(length: Int, className: String) {
            self.length = length
            self.className = className
        }
    }

    /// Together as long as the code.
    public var runs: [Run]
    /// Number the lines.
    public var lineNumbers: Bool

    public init(runs: [Run], lineNumbers: Bool = false) {
        self.runs = runs
        self.lineNumbers = lineNumbers
    }

    /// Whether the runs cover `code` exactly, each ending between two
    /// characters; a writer given runs that do not (from a hand-made JSON
    /// tree) writes the code plain.
    public func fits(_ code: String) -> Bool {
        var offset = 0
        let utf8 = code.utf8
        guard runs.reduce(0, { $0 + max($1.length, 0) }) == utf8.count else { return false }
        var index = utf8.startIndex
        for run in runs {
            guard run.length > 0 else { return false }
            offset += run.length
            index = utf8.index(index, offsetBy: run.length)
            if index < utf8.endIndex, UTF8.isContinuation(utf8[index]) { return false }
        }
        return offset == utf8.count
    }

    /// The code's lines cut along the runs: each line a list of (text, class),
    /// without its line feed, for writers that number lines.
    public func lines(of code: String) -> [[(text: Substring, className: String)]] {
        var lines: [[(text: Substring, className: String)]] = [[]]
        var start = code.utf8.startIndex
        for run in runs {
            guard let end = code.utf8.index(start, offsetBy: run.length, limitedBy: code.utf8.endIndex) else { break }
            var piece = code[start..<end]
            while let newline = piece.firstIndex(of: "\n") {
                if newline > piece.startIndex { lines[lines.count - 1].append((piece[..<newline], run.className)) }
                lines.append([])
                piece = piece[piece.index(after: newline)...]
            }
            if !piece.isEmpty { lines[lines.count - 1].append((piece, run.className)) }
            start = end
        }
        if lines.count > 1, lines[lines.count - 1].isEmpty { lines.removeLast() }
        return lines
    }
}
