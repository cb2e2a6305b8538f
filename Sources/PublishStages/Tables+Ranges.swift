import PublishAST

extension TableBuilder {
    /// Puts the block's inline ranges where the source has them.
    ///
    /// libcmark parses a paragraph's lines joined, without their indentation,
    /// and counts an inline's column from the block's first column and from
    /// the last line end it counted. It does not count one passed by a
    /// backslash hard break, a code span or raw HTML: there its ranges stay
    /// on the earlier line with ever larger columns. Offsets into the joined
    /// lines undo both.
    func correctRanges(in document: inout Document) {
        guard let first = lines.first else { return }
        var offsets = [0]
        for line in lines { offsets.append(offsets[offsets.count - 1] + line.raw.count + 1) }
        var counted = 0, current = 0
        func corrected(_ position: SourcePosition, tracking: Bool = true) -> SourcePosition {
            let offset = offsets[counted] + position.column - first.start
            var low = 0, high = lines.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if offsets[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            if tracking { current = low }
            return SourcePosition(line: lines[low].number, column: lines[low].start + offset - offsets[low])
        }
        var edits: [(NodeID, SourceRange)] = []
        for event in document.events(from: block) where event.node != block {
            let node = event.node
            var range = document.range(of: node)
            switch (event, document.kind(of: node)) {
            case (.enter, .inline(.softBreak)), (.enter, .inline(.lineBreak)):
                if document.kind(of: node) == .inline(.softBreak) || !lines[current].endsWithBackslash {
                    counted = min(current + 1, lines.count - 1)
                }
                current = min(current + 1, lines.count - 1)
            case (.enter, let kind) where range.isKnown:
                // An autolink's own range is off; its text's is not.
                let tracking = !Self.isAutolink(node, document)
                range.start = corrected(range.start, tracking: tracking)
                if !kind.isContainer { range.end = corrected(range.end) }
                edits.append((node, range))
            case (.exit, let kind) where kind.isContainer && range.isKnown:
                edits.append((node, SourceRange(start: .unknown, end: corrected(range.end, tracking: !Self.isAutolink(node, document)))))
            default:
                break
            }
        }
        for (node, range) in edits {
            var updated = document.range(of: node)
            if range.start.isKnown { updated.start = range.start }
            updated.end = range.end
            document.setRange(updated, of: node)
        }
    }

    /// Whether a link is written `<…>`: its text is its destination.
    static func isAutolink(_ node: NodeID, _ document: Document) -> Bool {
        guard case .inline(.link(let destination, _)) = document.kind(of: node),
              let child = document.firstChild(of: node), document.next(of: child) == nil,
              case .inline(.text(let text)) = document.kind(of: child) else { return false }
        return destination == text || destination == "mailto:" + text
    }
}
