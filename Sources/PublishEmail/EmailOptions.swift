import Foundation
import PublishAST
import PublishPipeline

/// The `outputs.email` block of a pipeline file. Rendering reads `from`,
/// `reply_to`, `address`, `dkim` and `unsubscribe`; `smtp`, `rate` and
/// `connections` are kept for `publish send`.
public struct EmailOptions: Sendable {
    /// Who the newsletter is from; required once the output is built.
    public var from: Mailbox?
    public var replyTo: Mailbox?
    public var dkim: DKIM?
    public var unsubscribe: Unsubscribe
    public var smtp: SMTP
    /// Messages per second, at most (`0.5`: one every two seconds); 0: no cap.
    public var rate: Double
    /// SMTP sessions side by side.
    public var connections: Int
    /// `link` (the default): images stay on the site, as absolute URLs;
    /// `embed`: the site's own images travel in the message (`cid:`).
    public var images: String
    /// The sender's postal address, printed in every message's footer: the
    /// US CAN-SPAM Act requires one in commercial email. Empty: none.
    public var address: String
    /// The warning that `address` is empty, located at the block; nil when
    /// it is set. The build and `publish send` each say it once.
    public let addressWarning: Diagnostic?
    /// The error for building with no `from`, located at the block.
    let missingFrom: Diagnostic

    /// `dkim: {domain, selector, key}`.
    public struct DKIM: Sendable {
        public var domain: String
        public var selector: String
        /// The PEM file, relative to the source folder.
        public var key: String
        /// Where the block was written, for an error about the key file.
        public var location: SourceLocation?
    }

    /// `unsubscribe: {url, mailto, secret_env}`.
    public struct Unsubscribe: Sendable {
        /// The https endpoint links point at; empty: the site's `/unsubscribe`.
        public var url: String
        /// An address that unsubscribes the sender of a mail, or empty.
        public var mailto: String
        /// The environment variable holding the token secret.
        public var secretEnv: String
    }

    /// `smtp: {url, tls, username_env, password_env}`, for `publish send`.
    public struct SMTP: Sendable {
        public var url: String
        /// `none` (loopback only), `starttls` or `tls`; nil when not set,
        /// which follows the URL: TLS from the start for smtps://, else STARTTLS.
        public var tls: String?
        public var usernameEnv: String
        public var passwordEnv: String
    }

    /// - Throws: a `Diagnostic` for an unknown key or a bad value.
    public init(options: Settings) throws {
        var options = options
        let from = try options.string("from", default: "")
        let replyTo = try options.string("reply_to", default: "")
        var dkim = try options.nested("dkim")
        var unsubscribe = try options.nested("unsubscribe")
        var smtp = try options.nested("smtp")
        rate = try options.number("rate", default: 10)
        images = try options.choice("images", of: ["link", "embed"], default: "link")
        connections = try options.int("connections", default: 2)
        address = try options.string("address", default: "").trimmingCharacters(in: .whitespacesAndNewlines)
        try options.finish()
        missingFrom = options.error("output `email` needs `from: Name <address@example.org>` to build")
        addressWarning = address.isEmpty
            ? .warning("output `email` has no `address`: the CAN-SPAM Act requires the sender's postal address "
                       + "in every message; set `address: \"Name, street, city\"` (a P.O. box will do)",
                       at: missingFrom.location)
            : nil
        self.from = try EmailOptions.mailbox(from, options, key: "from")
        self.replyTo = try EmailOptions.mailbox(replyTo, options, key: "reply_to")

        let domain = try dkim.string("domain", default: "")
        let selector = try dkim.string("selector", default: "")
        let key = try dkim.string("key", default: "")
        try dkim.finish()
        let given = [domain, selector, key].filter { !$0.isEmpty }.count
        guard given == 0 || given == 3 else {
            throw dkim.error("`dkim` needs all of `domain`, `selector` and `key` (a PEM file)")
        }
        self.dkim = given == 3 ? DKIM(domain: domain, selector: selector, key: key, location: dkim.error("").location)
                               : nil

        self.unsubscribe = Unsubscribe(
            url: try unsubscribe.string("url", default: ""), mailto: try unsubscribe.string("mailto", default: ""),
            secretEnv: try unsubscribe.string("secret_env", default: "PUBLISH_UNSUBSCRIBE_SECRET"))
        try unsubscribe.finish()
        guard self.unsubscribe.url.isEmpty || self.unsubscribe.url.hasPrefix("https://") else {
            throw unsubscribe.error("`unsubscribe.url` must be an https URL (RFC 8058 one-click needs https)")
        }
        guard self.unsubscribe.mailto.isEmpty || Mailbox.isAddress(self.unsubscribe.mailto) else {
            throw unsubscribe.error("`unsubscribe.mailto` is not an email address")
        }

        self.smtp = SMTP(
            url: try smtp.string("url", default: ""),
            tls: smtp.has("tls") ? try smtp.choice("tls", of: ["none", "starttls", "tls"], default: "starttls") : nil,
            usernameEnv: try smtp.string("username_env", default: ""),
            passwordEnv: try smtp.string("password_env", default: ""))
        try smtp.finish()
        guard rate >= 0 else { throw options.error("`rate` is messages per second, such as 10 or 0.5; 0 for no cap") }
        guard connections > 0, connections <= 100 else { throw options.error("`connections` must be from 1 to 100") }
    }

    /// Where unsubscribe links point: `unsubscribe.url`, else the site's
    /// `/unsubscribe`.
    ///
    /// - Throws: a `Diagnostic` when that is not https.
    public func unsubscribeLink(site: SiteConfig) throws -> UnsubscribeLink {
        let url = unsubscribe.url.isEmpty ? site.absoluteURL("/unsubscribe") : unsubscribe.url
        guard url.hasPrefix("https://") else {
            throw Diagnostic.error("the newsletter's unsubscribe link must be https, and the site's url is "
                                   + "'\(site.url)'; set `unsubscribe: {url: https://…}` under `outputs.email`",
                                   at: missingFrom.location)
        }
        // It goes into List-Unsubscribe and into one line of each body.
        guard !url.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F })
        else {
            throw Diagnostic.error("the newsletter's unsubscribe link '\(url)' has a space or control character in it",
                                   at: missingFrom.location)
        }
        return UnsubscribeLink(url: url, mailto: unsubscribe.mailto)
    }

    private static func mailbox(_ text: String, _ options: Settings, key: String) throws -> Mailbox? {
        guard !text.isEmpty else { return nil }
        do {
            return try Mailbox(parsing: text)
        } catch let diagnostic as Diagnostic {
            throw options.error("`\(key)`: " + diagnostic.message)
        }
    }
}
