/// A chapter's body after cleaning, before its links are written: links
/// to chapters stay targets until every chapter's ids are known.
struct ChapterContent {
    enum Piece {
        case markup(Markup)
        /// An `a` element opening, with its target kept apart, and its
        /// `href` as written, for warnings.
        case link([(name: String, value: String)], BookLinks.Target, href: String)
    }

    var pieces: [Piece] = []
    /// Every id in the chapter, as XML names (`BookIDs`), each once.
    var ids: Set<String> = []
}
