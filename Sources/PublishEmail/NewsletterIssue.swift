import Crypto
import Foundation
import PublishAST
import PublishHighlight
import PublishWriters
import PublishPipeline

/// One post as a newsletter issue: its two bodies rendered once, and a
/// message made from them for each recipient. `publish build` writes one
/// preview; `publish send` asks for a message per subscriber.
public struct NewsletterIssue: Sendable {
    /// Warnings about the post: raw HTML left out, at its place.
    public let diagnostics: [Diagnostic]
    /// The post's absolute URL.
    public let postURL: String
    /// `Subject`: the post's title.
    public let subject: String
    /// When the post was published: the `Date` unless one is given.
    public let date: Date
    /// A hash of the post's title and Markdown, to know the same post
    /// under another file name (its URL, and so its rendered links, change
    /// with the name).
    public let fingerprint: String

    private let from: Mailbox
    private let replyTo: Mailbox?
    private let listID: String
    private let link: UnsubscribeLink
    private let signer: DKIMSigner?
    private let timeZone: TimeZone
    /// The two bodies around the recipient's unsubscribe URL, the lines
    /// without it encoded once for every message.
    private let rich: LinkedPart
    private let plain: LinkedPart
    /// The embedded images' MIME parts, encoded once for every message.
    private let imageParts: [[UInt8]]

    /// - Throws: a `Diagnostic` when `options` has no `from`, or no https
    ///   unsubscribe URL can be made.
    public init(post: Post, site: Site, options: EmailOptions, signer: DKIMSigner?) throws {
        guard let from = options.from else { throw options.missingFrom }
        self.from = from
        replyTo = options.replyTo
        self.signer = signer
        timeZone = site.config.timeZone
        date = post.date
        var source = post.title
        let lines = post.source
        for number in lines.firstLine...max(lines.firstLine, lines.lastLine) {
            source += "\n" + (lines.line(number) ?? "")
        }
        fingerprint = Hex.lowercase(Array(SHA256.hash(data: Array(source.utf8))))
        // A title folded over lines in YAML is one line in a subject.
        subject = post.title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        postURL = site.config.absoluteURL(post.url)
        link = try options.unsubscribeLink(site: site.config)
        // RFC 2919: the site's name, then an id at the sender's domain.
        let name = site.config.title.isEmpty ? [] : Mailbox.phrase(site.config.title, firstLength: 69)
        listID = HeaderField.folded("List-Id", tokens: name + ["<newsletter.\(from.domain)>"]).value

        let theme = EmailTheme.standard
        let sizing = ImageSizing(siteURL: site.config.absoluteURL("/"), source: site.source,
                                 embed: options.images == "embed", domain: from.domain)
        let body = EmailBody(document: post.document, baseURL: postURL, theme: theme, images: sizing,
                             palette: Palette.named(site.config.palette))
        diagnostics = body.diagnostics
        imageParts = body.images.map { $0.part() }
        let byline = NewsletterIssue.day(post.date, in: site.config.timeZone)
        let preheader = NewsletterIssue.preheader(post, baseURL: postURL, theme: theme)
        let language = post.metadata.language ?? site.config.language
        let labels = EmailLabels.forLanguage(language)
        let siteURL = site.config.absoluteURL("/")
        // A site with no title is known by its host.
        let siteTitle = site.config.title.isEmpty
            ? (URL(string: siteURL)?.host ?? siteURL) : site.config.title
        let html = NewsletterLayout(theme: theme, labels: labels, language: language, title: post.title,
                                    preheader: preheader, byline: byline, siteTitle: siteTitle, siteURL: siteURL,
                                    postURL: postURL, address: options.address, content: body.html).render()
        let text = NewsletterText(labels: labels, title: post.title, byline: byline, siteTitle: siteTitle,
                                  postURL: postURL, address: options.address, content: body.text).render()
        rich = LinkedPart(contentType: "text/html", before: html.before, after: html.after)
        plain = LinkedPart(contentType: "text/plain", before: text.before, after: text.after)
    }

    /// The key of `options.dkim`, read from the site's source folder, or
    /// nil when the newsletter is not signed.
    ///
    /// - Throws: a `Diagnostic` at the key file when it is missing or no key.
    public static func signer(options: EmailOptions, source: URL?) throws -> DKIMSigner? {
        guard let dkim = options.dkim else { return nil }
        let file = URL(fileURLWithPath: dkim.key, relativeTo: source ?? URL(fileURLWithPath: "."))
        return DKIMSigner(key: try DKIMKey(file: file, path: dkim.key), domain: dkim.domain, selector: dkim.selector)
    }

    /// The same for every send of this post to this address, so a message
    /// sent twice (a resend after a crash) can be recognised as one.
    public func messageID(for recipient: Recipient) -> String {
        let digest = SHA256.hash(data: Array((postURL + "\n" + recipient.mailbox.address.lowercased()).utf8))
        return "<\(Hex.lowercase(digest.prefix(16)))@\(from.domain)>"
    }

    /// The message to `recipient`: RFC 5322 with CRLF line ends, signed
    /// when a signer was given. `date` defaults to the post's date; the
    /// renderer never reads the clock.
    ///
    /// A `test` message (`publish send --test-to`) says so in its subject
    /// and an `X-Publish-Test` field.
    public func message(to recipient: Recipient, messageID: String? = nil, date: Date? = nil, test: Bool = false) throws
        -> [UInt8]
    {
        let unsubscribe = link.url(for: recipient)
        let plain = self.plain.bytes(link: unsubscribe)
        let rich = self.rich.bytes(link: HTMLEscaping.escaped(unsubscribe))
        let boundary = "=_publish_" + Hex.lowercase(SHA256.hash(data: plain + rich).prefix(12))
        var body = Array("This is a message in MIME format.\r\n".utf8)
        for part in [plain, rich] { body += Array("\r\n--\(boundary)\r\n".utf8) + part }
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        var contentType = "multipart/alternative;\r\n boundary=\"\(boundary)\""
        if !imageParts.isEmpty {
            // RFC 2387: the alternative first, then the images it names by cid:.
            let outer = "=_publish_related_" + boundary.dropFirst("=_publish_".count)
            var related = Array("This is a message in MIME format.\r\n".utf8)
            related += Array("\r\n--\(outer)\r\nContent-Type: \(contentType)\r\n\r\n".utf8) + body
            for part in imageParts { related += Array("\r\n--\(outer)\r\n".utf8) + part }
            related += Array("\r\n--\(outer)--\r\n".utf8)
            body = related
            contentType = "multipart/related;\r\n type=\"multipart/alternative\";\r\n boundary=\"\(outer)\""
        }

        let when = date ?? self.date
        var fields = [from.field("From")]
        if let replyTo { fields.append(replyTo.field("Reply-To")) }
        fields += [
            recipient.mailbox.field("To"),
            HeaderField.unstructured("Subject", test ? "[Test] " + subject : subject),
            HeaderField(name: "Date", value: MessageDate.format(when, in: timeZone)),
            HeaderField(name: "Message-ID", value: messageID ?? self.messageID(for: recipient)),
            HeaderField(name: "MIME-Version", value: "1.0"),
            HeaderField(name: "List-Id", value: listID),
            link.field(for: recipient),
            HeaderField(name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click"),
            HeaderField(name: "Content-Type", value: contentType),
        ]
        if test { fields.append(HeaderField(name: "X-Publish-Test", value: "yes")) }
        if let signer { fields.insert(try signer.signature(fields: fields, body: body, time: when), at: 0) }
        return Array(fields.map(\.line).joined().utf8) + Array("\r\n".utf8) + body
    }

    /// The hidden line inbox lists show after the subject: the post's
    /// description, else its excerpt as text, what raw HTML it had left out.
    private static func preheader(_ post: Post, baseURL: String, theme: EmailTheme) -> String {
        let source = post.metadata.description
            ?? EmailBody(document: post.excerpt, baseURL: baseURL, theme: theme, textOnly: true).text
        let words = source.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return words.count > 150 ? String(words.prefix(149)) + "…" : words
    }

    /// `2014-06-16`, in the site's zone.
    private static func day(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
