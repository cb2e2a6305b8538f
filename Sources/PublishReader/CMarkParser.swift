import CCmark
import PublishAST

/// The one place that calls libcmark. It parses CommonMark and copies
/// cmark's tree into a `Document` by following cmark's own iterator, which
/// needs no recursion, then frees parser, tree and iterator together. No
/// cmark pointer leaves this file.
enum CMarkParser {
    /// Parses `markdown` into `document`'s root. Lines in ranges are moved
    /// down by `lineOffset`, the lines of front matter above the body.
    /// With `smart`, straight quotes become curly ones and `--`, `---`
    /// and `...` dashes and an ellipsis, as kramdown's smart quotes and
    /// typographic symbols make them.
    static func parse(_ markdown: Substring, into document: inout Document, lineOffset: Int, smart: Bool = false) {
        let options = CMARK_OPT_DEFAULT | (smart ? CMARK_OPT_SMART : 0)
        guard let parser = cmark_parser_new(options) else { return }
        defer { cmark_parser_free(parser) }
        var markdown = markdown
        markdown.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { return }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }

        document.reserveCapacity(markdown.utf8.count / 8)
        var parent = document.root
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_DOCUMENT {
                if event == CMARK_EVENT_ENTER {
                    document.setRange(range(of: node, lineOffset: lineOffset), of: document.root)
                }
                continue
            }
            if event == CMARK_EVENT_EXIT {
                parent = document.parent(of: parent) ?? document.root
                continue
            }
            guard let kind = kind(of: node, type: type) else { continue }
            let added = document.append(kind, range: range(of: node, lineOffset: lineOffset), to: parent)
            if kind.isContainer { parent = added }
        }
    }

    private static func range(of node: OpaquePointer, lineOffset: Int) -> SourceRange {
        let startLine = Int(cmark_node_get_start_line(node))
        guard startLine > 0 else { return .unknown }
        return SourceRange(
            startLine: startLine + lineOffset, startColumn: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)) + lineOffset, endColumn: Int(cmark_node_get_end_column(node)))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func kind(of node: OpaquePointer, type: cmark_node_type) -> NodeKind? {
        switch type {
        case CMARK_NODE_BLOCK_QUOTE:
            return .block(.blockQuote)
        case CMARK_NODE_LIST:
            let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            let style = ListStyle(
                kind: ordered ? .ordered : .bullet,
                start: ordered ? Int(cmark_node_get_list_start(node)) : 1,
                delimiter: cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? .parenthesis : .period,
                isTight: cmark_node_get_list_tight(node) != 0)
            return .block(.list(style))
        case CMARK_NODE_ITEM:
            return .block(.item(task: nil))
        case CMARK_NODE_CODE_BLOCK:
            return .block(.codeBlock(info: string(cmark_node_get_fence_info(node)),
                                     code: string(cmark_node_get_literal(node))))
        case CMARK_NODE_HTML_BLOCK:
            return .block(.htmlBlock(string(cmark_node_get_literal(node))))
        case CMARK_NODE_PARAGRAPH:
            return .block(.paragraph)
        case CMARK_NODE_HEADING:
            return .block(.heading(level: Int(cmark_node_get_heading_level(node))))
        case CMARK_NODE_THEMATIC_BREAK:
            return .block(.thematicBreak)
        case CMARK_NODE_TEXT:
            return .inline(.text(string(cmark_node_get_literal(node))))
        case CMARK_NODE_SOFTBREAK:
            return .inline(.softBreak)
        case CMARK_NODE_LINEBREAK:
            return .inline(.lineBreak)
        case CMARK_NODE_CODE:
            return .inline(.code(string(cmark_node_get_literal(node))))
        case CMARK_NODE_HTML_INLINE:
            return .inline(.html(string(cmark_node_get_literal(node))))
        case CMARK_NODE_EMPH:
            return .inline(.emphasis)
        case CMARK_NODE_STRONG:
            return .inline(.strong)
        case CMARK_NODE_LINK:
            return .inline(.link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node))))
        case CMARK_NODE_IMAGE:
            return .inline(.image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node))))
        default:
            // Custom nodes come only from cmark's editing API, never from its parser.
            return nil
        }
    }
}
