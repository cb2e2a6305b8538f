import PublishWriters

/// The small HTML5 pages the unsubscribe endpoint answers with: self-
/// contained (no script, no outside resource), kept out of search engines,
/// and with every given text escaped.
enum UnsubscribePage {
    /// What a link opens: who would be unsubscribed from what, and a button
    /// that posts the one-click form (RFC 8058) to `action`. Opening the
    /// page changes nothing, so a mail scanner that follows links does not
    /// unsubscribe anyone.
    static func confirm(site: String, address: String, action: String) -> [UInt8] {
        page(title: "Unsubscribe from \(site)", body: """
            <p>Stop sending the newsletter of \(escaped(site)) to <strong>\(escaped(address))</strong>?</p>
            <form method="post" action="\(escaped(action))">
            <input type="hidden" name="List-Unsubscribe" value="One-Click">
            <button type="submit">Unsubscribe</button>
            </form>
            """)
    }

    /// After the one-click POST.
    static func done(site: String, address: String) -> [UInt8] {
        page(title: "Unsubscribed from \(site)", body: """
            <p><strong>\(escaped(address))</strong> will receive no more newsletters from \(escaped(site)).</p>
            """)
    }

    /// A request that cannot be done: a heading and a sentence.
    static func problem(_ title: String, _ message: String) -> [UInt8] {
        page(title: title, body: "<p>\(escaped(message))</p>")
    }

    private static func page(title: String, body: String) -> [UInt8] {
        Array("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>\(escaped(title))</title>
            <style>body{font:1.1em/1.5 system-ui,sans-serif;max-width:34em;margin:3em auto;padding:0 1em}</style>
            </head>
            <body>
            <main>
            <h1>\(escaped(title))</h1>
            \(body)
            </main>
            </body>
            </html>

            """.utf8)
    }

    private static func escaped(_ text: String) -> String {
        HTMLEscaping.escaped(text)
    }
}
