/// The plain-text body: the title, the byline, the post as the text
/// writer lays it out (wrapped at 72 columns, each link's URL beside its
/// text), and a footer with the web and unsubscribe links.
struct NewsletterText {
    var title: String
    var byline: String
    var siteTitle: String
    var postURL: String
    var content: String

    /// The text, in two parts: the unsubscribe URL goes between them.
    func render() -> (before: String, after: String) {
        var before = title + "\n\n" + byline + "\n" + "Read it on the web: " + postURL + "\n\n"
        before += content
        if !before.hasSuffix("\n") { before += "\n" }
        before += "\n-- \nYou receive this because you subscribed to \(siteTitle).\nUnsubscribe: "
        return (before, "\n")
    }
}
