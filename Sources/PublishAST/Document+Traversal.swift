/// One step of a depth-first walk: every node is entered, then (after its
/// children) exited. Leaves are entered and exited at once.
public enum WalkEvent: Hashable, Sendable {
    case enter(NodeID)
    case exit(NodeID)

    public var node: NodeID {
        switch self {
        case .enter(let node), .exit(let node): return node
        }
    }
}

/// What a visitor wants after entering a node.
public enum WalkDecision: Sendable {
    /// Walk into the node's children.
    case descend
    /// Go straight to the node's exit event.
    case skipChildren
}

extension Document {
    /// The walk over `node`'s subtree (the whole document by default) as a
    /// sequence of events. It follows the links, so it needs no stack and
    /// walks any depth.
    public func events(from node: NodeID? = nil) -> Events {
        Events(document: self, top: node ?? root)
    }

    public struct Events: Sequence, IteratorProtocol {
        let document: Document
        let top: NodeID
        var pending: WalkEvent?
        var skipping: NodeID?

        init(document: Document, top: NodeID) {
            self.document = document
            self.top = top
            self.pending = .enter(top)
        }

        /// After `.enter(node)` was returned, makes the walk skip that
        /// node's children and yield its exit next.
        public mutating func skipChildren(of node: NodeID) {
            if case .enter(let child)? = pending, document.parent(of: child) == node {
                pending = .exit(node)
            }
        }

        public mutating func next() -> WalkEvent? {
            guard let event = pending else { return nil }
            switch event {
            case .enter(let node):
                pending = document.firstChild(of: node).map { .enter($0) } ?? .exit(node)
            case .exit(let node):
                if node == top {
                    pending = nil
                } else if let sibling = document.next(of: node) {
                    pending = .enter(sibling)
                } else {
                    pending = document.parent(of: node).map { .exit($0) }
                }
            }
            return event
        }
    }
}
