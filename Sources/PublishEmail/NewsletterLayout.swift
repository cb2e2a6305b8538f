import PublishWriters
/// The HTML around a post: a full-width table holding a 600px column (a
/// fixed-width table for Outlook, which ignores `max-width`), a hidden
/// preheader, the title, the post and a footer with the unsubscribe link.
/// No `<style>`, no script: every element carries its own styles.
struct NewsletterLayout {
    var theme: EmailTheme
    var language: String
    var title: String
    var preheader: String
    /// The date and the site's name, under the title.
    var byline: String
    var siteTitle: String
    var postURL: String
    /// The styled post.
    var content: String

    /// The page, in two parts: the unsubscribe URL, escaped, goes between them.
    func render() -> (before: String, after: String) {
        let s = { (name: String) in "style=\"\(HTMLEscaping.escaped(theme.style(name)))\"" }
        let presentation = "role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\""
        let before = """
        <!DOCTYPE html>
        <html lang="\(HTMLEscaping.escaped(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="x-apple-disable-message-reformatting">
        <title>\(HTMLEscaping.escaped(title))</title>
        </head>
        <body \(s("body"))>
        <div \(s("preheader"))>\(HTMLEscaping.escaped(preheader))</div>
        <table \(presentation) width="100%" \(s("outer"))>
        <tr>
        <td align="center">
        <!--[if mso]><table \(presentation) width="600" align="center"><tr><td width="600"><![endif]-->
        <table \(presentation) width="100%" align="center" \(s("column"))>
        <tr>
        <td \(s("content"))>
        <h1 \(s("title"))>\(HTMLEscaping.escaped(title))</h1>
        <p \(s("meta"))>\(HTMLEscaping.escaped(byline))</p>
        \(content)
        </td>
        </tr>
        <tr>
        <td \(s("footer"))>
        <p>You receive this because you subscribed to \(HTMLEscaping.escaped(siteTitle)).
        <a href="\(HTMLEscaping.escaped(postURL))" \(s("footer-link"))>Read it on the web</a> ·
        <a href="
        """
        let after = """
        " \(s("footer-link"))>Unsubscribe</a></p>
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
}
