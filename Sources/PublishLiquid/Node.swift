/// A parsed piece of a template that renders itself: an output, a tag or a
/// block. Nodes are made once, when the template is parsed, and never
/// change, so one template renders on many threads at once.
public protocol Node: AnyObject, Sendable {
    /// The template line the node starts on, for error messages.
    var line: Int? { get }
    /// Whether the node writes nothing that matters (`assign`, `comment`, a
    /// block holding only those): a blank block drops the whitespace
    /// around its tags, as liquid-ruby's does.
    var isBlank: Bool { get }
    func render(_ context: Context, into output: inout String) throws
}

/// A body of a template or block: text and nodes in order.
public final class Body: Sendable {
    enum Element: Sendable {
        case text(String)
        case node(any Node)
    }

    let elements: [Element]
    let isBlank: Bool

    init(_ elements: [Element], isBlank: Bool) {
        self.elements = elements
        self.isBlank = isBlank
    }

    /// Renders every element in order; an error in one node is written in
    /// its place (or stops the render, when the context says so), and a
    /// `break` or `continue` stops the body.
    public func render(_ context: Context, into output: inout String) throws {
        for element in elements {
            switch element {
            case .text(let text):
                output += text
            case .node(let node):
                do {
                    try node.render(context, into: &output)
                } catch let error as LiquidError {
                    let written = try context.handle(error, line: node.line)
                    let quiet = error.kind == .undefinedVariable || error.kind == .undefinedFilter
                        || (node.isBlank && !(node is Output))
                    if !quiet { output += written }
                }
                if !context.interrupts.isEmpty { return }
            }
            try context.limits.wrote(output)
        }
    }
}
