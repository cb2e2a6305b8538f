/// Traversal. There is one walk over a document, in `events(from:)`, and two
/// ways to ride it: a `Walker` reads (emitters), a `Rewriter` edits (stages).
/// Neither recurses, so no input is too deep for them.

/// Reads a document in order. Emitters are walkers.
public protocol Walker {
    /// Called on entering a node; return `.skipChildren` to not walk into it.
    mutating func enter(_ node: NodeID, in document: Document) -> WalkDecision
    /// Called after a node's children (right after `enter` for a leaf).
    mutating func exit(_ node: NodeID, in document: Document)
}

extension Walker {
    public mutating func enter(_ node: NodeID, in document: Document) -> WalkDecision { .descend }
    public mutating func exit(_ node: NodeID, in document: Document) {}
}

/// Edits a document in order. Stages are rewriters.
public protocol Rewriter {
    /// Called on entering each node in document order, with the document to
    /// edit. It may change `node` and anything below it, or replace `node`
    /// (then say where to go on with `.resume(after:)`).
    mutating func rewrite(_ node: NodeID, in document: inout Document) -> RewriteDecision
}

public enum RewriteDecision: Sendable {
    /// Go on into the node's children (as they are after the edit).
    case descend
    /// Do not visit the node's children.
    case skipChildren
    /// The node was replaced; go on after `node`, which now stands in the
    /// tree, without visiting it or what it contains.
    case resume(after: NodeID)
}

extension Document {
    /// Walks `node`'s subtree (the whole document by default) with `walker`.
    public func walk<W: Walker>(_ walker: inout W, from node: NodeID? = nil) {
        var events = self.events(from: node)
        while let event = events.next() {
            switch event {
            case .enter(let node):
                if walker.enter(node, in: self) == .skipChildren {
                    events.skipChildren(of: node)
                }
            case .exit(let node):
                walker.exit(node, in: self)
            }
        }
    }

    /// Rewrites the whole document with `rewriter`, in document order.
    public mutating func rewrite<R: Rewriter>(_ rewriter: inout R) {
        var current: NodeID? = root
        while let node = current {
            switch rewriter.rewrite(node, in: &self) {
            case .descend:
                current = firstChild(of: node) ?? following(node)
            case .skipChildren:
                current = following(node)
            case .resume(let after):
                current = following(after)
            }
        }
    }

    /// The next node in document order that is not inside `node`.
    func following(_ node: NodeID) -> NodeID? {
        var current = node
        while true {
            if let sibling = next(of: current) { return sibling }
            guard let parent = parent(of: current) else { return nil }
            current = parent
        }
    }
}

extension WalkDecision: Equatable {}
