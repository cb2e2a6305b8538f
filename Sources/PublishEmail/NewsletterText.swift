import Foundation

/// The plain-text body: the publication's name, the title, the date, a
/// link to the post, the post as the text writer lays it out (wrapped at
/// 72 columns, each link's URL beside its text), the link again, and a
/// footer with the postal address and the unsubscribe link, in the post's
/// language. URLs are IRIs: a reader reads them, no client follows them
/// from this part without re-encoding them.
struct NewsletterText {
    var labels: EmailLabels
    var title: String
    var byline: String
    var siteTitle: String
    var postURL: String
    /// The sender's postal address, lines apart; empty: none.
    var address: String
    var content: String

    /// The text, in two parts: the unsubscribe URL goes between them.
    func render() -> (before: String, after: String) {
        let link = IRI.display(postURL)
        var before = siteTitle + "\n\n" + title + "\n" + byline + "\n"
        before += NewsletterText.labelled(labels.viewInBrowser, link, colon: labels.colon) + "\n\n"
        before += content
        if !before.hasSuffix("\n") { before += "\n" }
        before += "\n" + NewsletterText.labelled(labels.readOnSite, link, colon: labels.colon) + "\n"
        before += "\n-- \n" + labels.reason(siteTitle: siteTitle) + "\n"
        for line in address.split(whereSeparator: \.isNewline) { before += line + "\n" }
        before += labels.unsubscribe + labels.colon
        return (before, "\n")
    }

    /// `Label: URL` on one line when it fits 78 columns, else the URL on a
    /// line of its own, so that it is not broken by a client's wrapping.
    private static func labelled(_ label: String, _ url: String, colon: String) -> String {
        let line = label + colon + url
        // East Asian characters take two columns.
        let columns = line.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        return columns <= 78 ? line : label + colon.trimmingCharacters(in: .whitespaces) + "\n" + url
    }
}
