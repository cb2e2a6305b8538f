import PublishAST

/// `task-lists`: a list item whose first line starts with `[ ]`, `[x]` or
/// `[X]` and a space or tab becomes a task, unchecked or checked, and the
/// marker leaves its text, as in cmark-gfm.
///
/// The marker is read from the source, because libcmark may have made a
/// link of `[x]` (when the post defines `[x]: …`) or kept `\[x]`, which is
/// no marker, as the same text.
public struct TaskLists: Stage {
    public static let name = "task-lists"

    public init(options: Settings) throws {
        try options.finish()
    }

    public func run(_ document: inout Document, context: inout StageContext) {
        var tasks: [(item: NodeID, paragraph: NodeID, state: TaskState)] = []
        for case .enter(let item) in document.events() {
            guard case .block(.item(nil)) = document.kind(of: item),
                  let paragraph = document.firstChild(of: item),
                  document.kind(of: paragraph) == .block(.paragraph) else { continue }
            let itemRange = document.range(of: item), range = document.range(of: paragraph)
            guard range.isKnown, range.start.line == itemRange.start.line,
                  let text = context.source.text(from: range.start),
                  let state = Self.marker(at: text) else { continue }
            tasks.append((item, paragraph, state))
        }
        for task in tasks {
            document.setKind(.block(.item(task: task.state)), of: task.item)
            Self.removeMarker(from: task.paragraph, in: &document)
        }
    }

    /// The state a line starting with a task marker gives its item.
    static func marker(at text: Substring) -> TaskState? {
        let scalars = Array(text.unicodeScalars.prefix(4))
        guard scalars.count == 4, scalars[0] == "[", scalars[2] == "]",
              scalars[3] == " " || scalars[3] == "\t" else { return nil }
        switch scalars[1] {
        case " ": return .unchecked
        case "x", "X": return .checked
        default: return nil
        }
    }

    /// Takes `[x]` and the blanks after it from the start of the paragraph;
    /// a paragraph that held only the marker goes.
    static func removeMarker(from paragraph: NodeID, in document: inout Document) {
        var toRemove = 3
        var strippingBlanks = true
        while let first = document.firstChild(of: paragraph) {
            switch document.kind(of: first) {
            case .inline(.link) where toRemove == 3:
                // `[x]` that a reference definition made a link of.
                document.detach(first)
                toRemove = 0
            case .inline(.text(let text)) where toRemove > 0 || strippingBlanks:
                var scalars = Substring(text).unicodeScalars
                let taken = min(toRemove, scalars.count)
                scalars.removeFirst(taken)
                toRemove -= taken
                if toRemove == 0 {
                    scalars = scalars.drop { $0 == " " || $0 == "\t" }
                    strippingBlanks = scalars.isEmpty
                }
                if scalars.isEmpty {
                    document.detach(first)
                } else {
                    document.setKind(.inline(.text(String(scalars))), of: first)
                    if toRemove == 0 { return }
                }
            case .inline(.softBreak) where toRemove == 0 && strippingBlanks:
                // The marker stood alone on its line.
                document.detach(first)
                strippingBlanks = false
            default:
                return
            }
        }
        document.detach(paragraph)
    }
}
