/// The names node kinds have in the JSON form. They follow cmark's XML
/// names (`block_quote`, `emph`, `html_inline`), so cmark users know them.
extension NodeKind {
    public var typeName: String {
        switch self {
        case .block(let block):
            switch block {
            case .document: return "document"
            case .blockQuote: return "block_quote"
            case .list: return "list"
            case .item: return "item"
            case .codeBlock: return "code_block"
            case .htmlBlock: return "html_block"
            case .paragraph: return "paragraph"
            case .heading: return "heading"
            case .thematicBreak: return "thematic_break"
            case .table: return "table"
            case .tableHead: return "table_head"
            case .tableRow: return "table_row"
            case .tableCell: return "table_cell"
            case .footnoteDefinition: return "footnote_definition"
            }
        case .inline(let inline):
            switch inline {
            case .text: return "text"
            case .softBreak: return "softbreak"
            case .lineBreak: return "linebreak"
            case .code: return "code"
            case .html: return "html_inline"
            case .emphasis: return "emph"
            case .strong: return "strong"
            case .strikethrough: return "strikethrough"
            case .link: return "link"
            case .image: return "image"
            case .footnoteReference: return "footnote_reference"
            }
        }
    }
}
