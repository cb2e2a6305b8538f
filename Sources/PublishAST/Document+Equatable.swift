/// Two documents are equal when they have the same path, metadata and tree:
/// the same kinds, ranges and attributes in the same shape. Detached nodes
/// and node numbering do not count. Compared by walking both trees side by
/// side, so any depth compares.
extension Document: Equatable {
    public static func == (lhs: Document, rhs: Document) -> Bool {
        guard lhs.path == rhs.path, lhs.metadata == rhs.metadata else { return false }
        var left = lhs.events(), right = rhs.events()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil):
                return true
            case (.enter(let a)?, .enter(let b)?):
                guard lhs.kind(of: a) == rhs.kind(of: b), lhs.range(of: a) == rhs.range(of: b),
                      lhs.attributes(of: a) == rhs.attributes(of: b) else { return false }
            case (.exit?, .exit?):
                continue
            default:
                return false
            }
        }
    }
}
