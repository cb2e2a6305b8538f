/// One line of a reply: `250-SIZE 1000` is code 250, not last, text
/// `SIZE 1000`.
struct SMTPReplyLine: Sendable, Equatable {
    var code: Int
    /// True for `250 …` (or a bare `250`), false for `250-…`.
    var isLast: Bool
    var text: String
}
