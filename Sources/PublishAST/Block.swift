/// A block-level node. Children are held by the `Document`, not by the case,
/// so the tree can be any depth without recursion in its storage.
public enum Block: Hashable, Sendable {
    /// The root. Contains blocks.
    case document
    /// Contains blocks.
    case blockQuote
    /// Contains items.
    case list(ListStyle)
    /// Contains blocks. `task` is set on a GFM task list item.
    case item(task: TaskState?)
    /// A fenced or indented code block. `info` is the whole info string.
    case codeBlock(info: String, code: String)
    /// Raw HTML, kept as written.
    case htmlBlock(String)
    /// Contains inlines.
    case paragraph
    /// Contains inlines. `level` is 1 to 6.
    case heading(level: Int)
    case thematicBreak
    /// Contains one `tableHead` and then `tableRow`s.
    case table(alignments: [TableAlignment])
    /// The header row. Contains `tableCell`s.
    case tableHead
    /// Contains `tableCell`s.
    case tableRow
    /// Contains inlines.
    case tableCell
    /// A footnote's text, numbered in order of first reference. Contains blocks.
    case footnoteDefinition(label: String, number: Int)
}

public struct ListStyle: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case bullet
        case ordered
    }

    public enum Delimiter: String, Hashable, Sendable {
        case period
        case parenthesis
    }

    public var kind: Kind
    /// The first number of an ordered list.
    public var start: Int
    public var delimiter: Delimiter
    /// A tight list renders its items' paragraphs without `<p>`.
    public var isTight: Bool

    public init(kind: Kind, start: Int = 1, delimiter: Delimiter = .period, isTight: Bool) {
        self.kind = kind
        self.start = start
        self.delimiter = delimiter
        self.isTight = isTight
    }
}

public enum TaskState: String, Hashable, Sendable {
    case unchecked
    case checked
}

public enum TableAlignment: String, Hashable, Sendable {
    case none
    case left
    case center
    case right
}
