/// A position in a source file: a 1-based line and a 1-based column counted
/// in UTF-8 bytes, as libcmark counts them. Line 0 means "unknown".
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    // Stored narrow: a document holds one range per node.
    private var storedLine: Int32
    private var storedColumn: Int32

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public static let unknown = SourcePosition(line: 0, column: 0)

    public var isKnown: Bool { storedLine > 0 }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    public var description: String { "\(line):\(column)" }
}

/// The source text a node was read from, from `start` to `end` inclusive.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.init(
            start: SourcePosition(line: startLine, column: startColumn),
            end: SourcePosition(line: endLine, column: endColumn))
    }

    /// The range of a node that was made by a stage rather than read.
    public static let unknown = SourceRange(start: .unknown, end: .unknown)

    public var isKnown: Bool { start.isKnown }

    /// `3:1-3:12`, the notation of cmark's `data-sourcepos`.
    public var description: String { "\(start)-\(end)" }
}
