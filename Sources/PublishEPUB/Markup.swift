/// HTML as a flat list of events, the form chapters are cleaned and written
/// in: no tree, so no depth limit on what a post nests.
enum Markup: Sendable {
    /// An element opens, with its attributes in source order.
    case open(String, [(name: String, value: String)])
    case close(String)
    case text(String)
}
