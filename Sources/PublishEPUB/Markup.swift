/// HTML as a flat list of events, the form chapters are cleaned and written
/// in: no tree, so no depth limit on what a post nests.
enum Markup: Equatable, Sendable {
    /// An element opens, with its attributes in source order.
    case open(String, [(name: String, value: String)])
    case close(String)
    case text(String)

    static func == (lhs: Markup, rhs: Markup) -> Bool {
        switch (lhs, rhs) {
        case (.open(let a, let x), .open(let b, let y)):
            return a == b && x.map(\.name) == y.map(\.name) && x.map(\.value) == y.map(\.value)
        case (.close(let a), .close(let b)): return a == b
        case (.text(let a), .text(let b)): return a == b
        default: return false
        }
    }
}
