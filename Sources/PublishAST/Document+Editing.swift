/// Building and editing. Every edit keeps the structural rule of
/// `NodeKind.canContain`; breaking it is a programming error and traps.
extension Document {
    /// Sets a node's kind, keeping its place and children.
    public mutating func setKind(_ kind: NodeKind, of node: NodeID) {
        nodes[Int(node.index)].kind = kind
    }

    public mutating func setRange(_ range: SourceRange, of node: NodeID) {
        nodes[Int(node.index)].range = range
    }

    public mutating func setAttributes(_ attributes: Attributes, of node: NodeID) {
        attributeTable[node.index] = attributes.isEmpty ? nil : attributes
    }

    /// Edits a node's attributes in place: `doc.updateAttributes(of: h) { $0.id = "intro" }`.
    public mutating func updateAttributes(of node: NodeID, _ edit: (inout Attributes) -> Void) {
        var attributes = self.attributes(of: node)
        edit(&attributes)
        setAttributes(attributes, of: node)
    }

    /// Makes a node that is not yet in the tree; place it with `append`,
    /// `insert` or `replace`.
    public mutating func makeNode(_ kind: NodeKind, range: SourceRange = .unknown) -> NodeID {
        nodes.append(Record(kind: kind, range: range))
        return NodeID(nodes.count - 1)
    }

    /// Makes a node and adds it as the last child of `parent`.
    @discardableResult
    public mutating func append(_ kind: NodeKind, range: SourceRange = .unknown, to parent: NodeID) -> NodeID {
        let node = makeNode(kind, range: range)
        appendChild(node, to: parent)
        return node
    }

    /// Moves `node` (detached or not, with its subtree) to the end of `parent`'s children.
    public mutating func appendChild(_ node: NodeID, to parent: NodeID) {
        precondition(kind(of: parent).canContain(kind(of: node)),
                     "\(kind(of: parent)) cannot contain \(kind(of: node))")
        precondition(!isSameOrAncestor(node, of: parent), "a node cannot be moved into itself")
        detach(node)
        let p = Int(parent.index), n = Int(node.index)
        let last = nodes[p].lastChild
        nodes[n].parent = parent.index
        nodes[n].previous = last
        if last == Document.none {
            nodes[p].firstChild = node.index
        } else {
            nodes[Int(last)].next = node.index
        }
        nodes[p].lastChild = node.index
    }

    /// Moves `node` (with its subtree) to stand just before `sibling`.
    public mutating func insert(_ node: NodeID, before sibling: NodeID) {
        guard let parent = parent(of: sibling) else {
            preconditionFailure("the root has no siblings")
        }
        precondition(kind(of: parent).canContain(kind(of: node)),
                     "\(kind(of: parent)) cannot contain \(kind(of: node))")
        precondition(!isSameOrAncestor(node, of: parent), "a node cannot be moved into itself")
        detach(node)
        let s = Int(sibling.index), n = Int(node.index)
        let previous = nodes[s].previous
        nodes[n].parent = parent.index
        nodes[n].previous = previous
        nodes[n].next = sibling.index
        nodes[s].previous = node.index
        if previous == Document.none {
            nodes[Int(parent.index)].firstChild = node.index
        } else {
            nodes[Int(previous)].next = node.index
        }
    }

    /// Moves `node` (with its subtree) to stand just after `sibling`.
    public mutating func insert(_ node: NodeID, after sibling: NodeID) {
        if let following = next(of: sibling) {
            insert(node, before: following)
        } else if let parent = parent(of: sibling) {
            appendChild(node, to: parent)
        } else {
            preconditionFailure("the root has no siblings")
        }
    }

    /// Whether `node` is `other` or one of its ancestors. A node with no
    /// children can only be itself, so building a tree costs nothing here;
    /// only moving a subtree walks up.
    private func isSameOrAncestor(_ node: NodeID, of other: NodeID) -> Bool {
        if node == other { return true }
        guard firstChild(of: node) != nil else { return false }
        var current = parent(of: other)
        while let ancestor = current {
            if ancestor == node { return true }
            current = parent(of: ancestor)
        }
        return false
    }

    /// Takes `node` and its subtree out of the tree. Its handle stays valid,
    /// so it can be placed again.
    public mutating func detach(_ node: NodeID) {
        let n = Int(node.index)
        let parent = nodes[n].parent, previous = nodes[n].previous, next = nodes[n].next
        guard parent != Document.none else { return }
        if previous == Document.none {
            nodes[Int(parent)].firstChild = next
        } else {
            nodes[Int(previous)].next = next
        }
        if next == Document.none {
            nodes[Int(parent)].lastChild = previous
        } else {
            nodes[Int(next)].previous = previous
        }
        nodes[n].parent = Document.none
        nodes[n].previous = Document.none
        nodes[n].next = Document.none
    }

    /// Puts `replacements` where `node` was, in order, and detaches `node`.
    public mutating func replace(_ node: NodeID, with replacements: [NodeID]) {
        for replacement in replacements {
            insert(replacement, before: node)
        }
        detach(node)
    }

    /// Moves every child of `source` to the end of `destination`'s children.
    public mutating func moveChildren(of source: NodeID, to destination: NodeID) {
        while let child = firstChild(of: source) {
            appendChild(child, to: destination)
        }
    }

    /// A copy with only the nodes reachable from the root, renumbered in
    /// document order. Edits leave detached nodes behind; this drops them.
    public func compacted() -> Document {
        extracting(Array(children(of: root)))
    }
}
