extension Document {
    /// A new document holding copies of `nodes` (each with its subtree) as
    /// its top-level content, with this document's path and metadata: an
    /// excerpt, a chapter, a single section.
    public func extracting(_ nodes: [NodeID]) -> Document {
        var copy = Document(path: path, metadata: metadata, range: range(of: root))
        for node in nodes {
            copy.appendCopy(of: node, from: self, to: copy.root)
        }
        return copy
    }

    /// Copies `node` of `source`, with its subtree, ranges and attributes,
    /// to the end of `parent`'s children, without recursion.
    @discardableResult
    public mutating func appendCopy(of node: NodeID, from source: Document, to parent: NodeID) -> NodeID {
        var newParent: [NodeID] = [parent]
        var top = parent
        for event in source.events(from: node) {
            switch event {
            case .enter(let original):
                let made = append(source.kind(of: original), range: source.range(of: original),
                                  to: newParent[newParent.count - 1])
                setAttributes(source.attributes(of: original), of: made)
                if original == node { top = made }
                newParent.append(made)
            case .exit:
                newParent.removeLast()
            }
        }
        return top
    }
}
