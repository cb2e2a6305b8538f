/// A node's handle within one `Document`. Handles stay valid across edits of
/// that document (a removed node's handle just no longer reaches the tree).
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    @usableFromInline let index: Int32

    @usableFromInline init(_ index: Int32) {
        self.index = index
    }

    @usableFromInline init(_ index: Int) {
        self.index = Int32(index)
    }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.index < rhs.index }

    public var description: String { "#\(index)" }
}
