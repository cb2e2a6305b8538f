/// What a node is: a block or an inline, with its own data.
public enum NodeKind: Hashable, Sendable {
    case block(Block)
    case inline(Inline)

    public var isBlock: Bool {
        if case .block = self { return true }
        return false
    }

    /// Whether this kind of node may have children.
    public var isContainer: Bool {
        switch self {
        case .block(let block):
            switch block {
            case .codeBlock, .htmlBlock, .thematicBreak: return false
            default: return true
            }
        case .inline(let inline):
            switch inline {
            case .emphasis, .strong, .strikethrough, .link, .image: return true
            default: return false
            }
        }
    }

    /// The structural rule of the tree: whether `child` may sit directly in
    /// a node of this kind. Builders and the JSON reader check it, so a
    /// plugin cannot hand the emitters a paragraph inside a word.
    public func canContain(_ child: NodeKind) -> Bool {
        switch (self, child) {
        case (.block(let parent), .block(let block)):
            switch parent {
            case .document, .blockQuote, .item, .footnoteDefinition:
                switch block {
                case .document, .item, .tableHead, .tableRow, .tableCell: return false
                default: return true
                }
            case .list:
                if case .item = block { return true }
                return false
            case .table:
                switch block {
                case .tableHead, .tableRow: return true
                default: return false
                }
            case .tableHead, .tableRow:
                return block == .tableCell
            default:
                return false
            }
        case (.block(let parent), .inline):
            switch parent {
            case .paragraph, .heading, .tableCell: return true
            default: return false
            }
        case (.inline, .inline):
            return isContainer
        case (.inline, .block):
            return false
        }
    }
}
