import PublishWriters

/// The HTML around a post: a full-width table holding a 600px column (a
/// fixed-width table for Outlook, which ignores `max-width`), a hidden
/// preheader, a "view in browser" link and the publication's name at the
/// top, the title, the post, a "read on the site" button and a footer with
/// the sender's postal address and the unsubscribe link, in the post's
/// language. Every element carries its own styles; the one `<style>` holds
/// only the phone rule, which clients that drop it can do without.
///
/// There is no `x-apple-disable-message-reformatting`: it tells iOS Mail
/// not to shrink a message wider than the screen, and the one thing that
/// can still be wider is the author's raw HTML, which is better shrunk than
/// cut off. A message that fits, as the layout does, is not shrunk anyway.
struct NewsletterLayout {
    var theme: EmailTheme
    var labels: EmailLabels
    var language: String
    var title: String
    var preheader: String
    /// The date, under the title.
    var byline: String
    /// The publication's name and its home page.
    var siteTitle: String
    var siteURL: String
    var postURL: String
    /// The sender's postal address, lines apart; empty: none.
    var address: String
    /// The styled post.
    var content: String

    /// Narrower padding and a smaller title on a phone, for the clients that
    /// read a `<style>` (Apple Mail, the Gmail apps, Outlook's apps).
    static let phoneStyle = """
        @media only screen and (max-width: 480px) {
        .publish-pad { padding-left: 16px !important; padding-right: 16px !important; }
        .publish-title { font-size: 24px !important; }
        }
        """

    /// The page, in two parts: the unsubscribe URL, escaped, goes between them.
    func render() -> (before: String, after: String) {
        let s = { (name: String) in "style=\"\(HTMLEscaping.escaped(theme.style(name)))\"" }
        let e = HTMLEscaping.escaped
        let presentation = "role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\""
        let addressLines = address.split(whereSeparator: \.isNewline).map { e(String($0)) }
        let addressHTML = addressLines.isEmpty ? "" : "<p \(s("footer-p"))>\(addressLines.joined(separator: "<br>"))</p>\n"
        let before = """
        <!DOCTYPE html>
        <html lang="\(e(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title))</title>
        <style>
        \(NewsletterLayout.phoneStyle)
        </style>
        </head>
        <body \(s("body"))>
        <div \(s("preheader"))>\(e(preheader))</div>
        <table \(presentation) width="100%" \(s("outer"))>
        <tr>
        <td align="center">
        <!--[if mso]><table \(presentation) width="600" align="center"><tr><td width="600"><![endif]-->
        <table \(presentation) width="100%" align="center" \(s("column"))>
        <tr>
        <td class="publish-pad" align="right" \(s("topbar"))><a href="\(e(postURL))" \(s("footer-link"))>\(e(labels.viewInBrowser))</a></td>
        </tr>
        <tr>
        <td class="publish-pad" \(s("masthead"))><a href="\(e(siteURL))" \(s("masthead-link"))>\(e(siteTitle))</a></td>
        </tr>
        <tr>
        <td class="publish-pad" \(s("content"))>
        <h1 class="publish-title" \(s("title"))>\(e(title))</h1>
        <p \(s("meta"))>\(e(byline))</p>
        \(content)
        \(button())
        </td>
        </tr>
        <tr>
        <td class="publish-pad" \(s("footer"))>
        <p \(s("footer-p"))>\(e(labels.reason(siteTitle: siteTitle)))</p>
        \(addressHTML)<p \(s("footer-p"))><a href="\(e(postURL))" \(s("footer-link"))>\(e(labels.viewInBrowser))</a> ·
        <a href="
        """
        let after = """
        " \(s("footer-link"))>\(e(labels.unsubscribe))</a></p>
        </td>
        </tr>
        </table>
        <!--[if mso]></td></tr></table><![endif]-->
        </td>
        </tr>
        </table>
        </body>
        </html>

        """
        return (before, after)
    }

    /// "Read on the site" as a bulletproof button: a cell whose `bgcolor`
    /// Outlook paints, around a padded link every other client draws.
    private func button() -> String {
        let s = { (name: String) in "style=\"\(HTMLEscaping.escaped(theme.style(name)))\"" }
        let presentation = "role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\""
        let color = theme.value(of: "background-color", in: "button") ?? "#1a5fb4"
        return """
        <table \(presentation) \(s("button-table"))>
        <tr>
        <td align="center" bgcolor="\(HTMLEscaping.escaped(color))" \(s("button"))><a href="\(HTMLEscaping.escaped(postURL))" \(s("button-link"))>\(HTMLEscaping.escaped(labels.readOnSite))</a></td>
        </tr>
        </table>
        """
    }
}
