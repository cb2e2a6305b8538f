/// One post or page as a tree: its metadata and its content.
///
/// A value type. Nodes live in one flat array and point at each other by
/// index, the way cmark links its nodes, so a tree of any depth is built,
/// walked, compared, copied and freed without recursion, and a stage edits a
/// copy of a document at the cost of one array copy.
public struct Document: Sendable {
    /// The file the document was read from, for diagnostics; nil for stdin.
    public var path: String?
    public var metadata: Metadata

    @usableFromInline var nodes: [Record]
    @usableFromInline var attributeTable: [Int32: Attributes] = [:]

    @usableFromInline static let none: Int32 = -1

    @usableFromInline struct Record: Sendable {
        @usableFromInline var kind: NodeKind
        @usableFromInline var range: SourceRange
        @usableFromInline var parent: Int32 = Document.none
        @usableFromInline var firstChild: Int32 = Document.none
        @usableFromInline var lastChild: Int32 = Document.none
        @usableFromInline var previous: Int32 = Document.none
        @usableFromInline var next: Int32 = Document.none

        @usableFromInline init(kind: NodeKind, range: SourceRange) {
            self.kind = kind
            self.range = range
        }
    }

    /// An empty document: a root and nothing in it.
    public init(path: String? = nil, metadata: Metadata = Metadata(), range: SourceRange = .unknown) {
        self.path = path
        self.metadata = metadata
        self.nodes = [Record(kind: .block(.document), range: range)]
    }

    /// Room for `capacity` nodes, so a reader that knows roughly how many it
    /// will add does not grow the array by doubling.
    public mutating func reserveCapacity(_ capacity: Int) {
        nodes.reserveCapacity(capacity)
    }

    /// The root node, of kind `.block(.document)`.
    public var root: NodeID { NodeID(Int32(0)) }

    // MARK: Reading one node

    @inlinable public func kind(of node: NodeID) -> NodeKind { nodes[Int(node.index)].kind }

    @inlinable public func range(of node: NodeID) -> SourceRange { nodes[Int(node.index)].range }

    @inlinable public func attributes(of node: NodeID) -> Attributes {
        attributeTable[node.index] ?? .none
    }

    /// Where `node` starts, as `path:line:column`, for a diagnostic.
    public func location(of node: NodeID) -> SourceLocation {
        SourceLocation(path: path ?? "<stdin>", position: nearestKnownRange(of: node).start)
    }

    /// The node's own range, or its nearest ancestor's when the node was
    /// made by a stage and has none.
    public func nearestKnownRange(of node: NodeID) -> SourceRange {
        var current: NodeID? = node
        while let id = current {
            let range = self.range(of: id)
            if range.isKnown { return range }
            current = parent(of: id)
        }
        return .unknown
    }

    // MARK: Navigation

    @inlinable public func parent(of node: NodeID) -> NodeID? { link(nodes[Int(node.index)].parent) }
    @inlinable public func firstChild(of node: NodeID) -> NodeID? { link(nodes[Int(node.index)].firstChild) }
    @inlinable public func lastChild(of node: NodeID) -> NodeID? { link(nodes[Int(node.index)].lastChild) }
    @inlinable public func next(of node: NodeID) -> NodeID? { link(nodes[Int(node.index)].next) }
    @inlinable public func previous(of node: NodeID) -> NodeID? { link(nodes[Int(node.index)].previous) }

    @inlinable func link(_ index: Int32) -> NodeID? {
        index == Document.none ? nil : NodeID(index)
    }

    /// The children of `node`, first to last.
    public func children(of node: NodeID) -> Children {
        Children(document: self, current: firstChild(of: node))
    }

    public struct Children: Sequence, IteratorProtocol {
        let document: Document
        var current: NodeID?

        public mutating func next() -> NodeID? {
            guard let node = current else { return nil }
            current = document.next(of: node)
            return node
        }
    }

    /// The number of nodes reachable from the root, the root included.
    public var nodeCount: Int {
        var count = 0
        for case .enter in events() { count += 1 }
        return count
    }
}

extension Document: CustomStringConvertible, CustomDebugStringConvertible {
    /// A one-line summary; a deep document printed whole would be enormous.
    public var description: String {
        "Document(\(path ?? "<stdin>"), \(nodeCount) nodes, title: \(metadata.title ?? "none"))"
    }

    public var debugDescription: String { description }
}
