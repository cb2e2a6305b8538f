import Foundation
import PublishEmail

/// The https endpoint that unsubscribe links point at, apart from any
/// server: a request in, a response out.
///
/// - A POST carrying `List-Unsubscribe=One-Click` (RFC 8058, what mail
///   clients send from their own unsubscribe button, and what the
///   confirmation page's form sends) unsubscribes at once: 200, no redirect,
///   no cookie, and the same again for someone already unsubscribed.
/// - A GET (a person following the link of RFC 2369 or the message footer)
///   shows a page naming the site and the address, with a button; it
///   changes nothing, since mail scanners open links on their own.
/// - Missing id or token: 400. A token that does not verify and an id that
///   does not exist get the same 403, so the endpoint does not tell which
///   ids exist. Other methods: 405 with `Allow`. A body over 64 KiB: 413.
public struct UnsubscribeEndpoint: Sendable {
    /// The largest body read; the server stops buffering past it.
    public static let maximumBodySize = 64 * 1024
    /// The methods answered.
    public static let allowedMethods = "GET, POST"

    let list: SubscriberList
    let tokens: UnsubscribeToken
    let siteTitle: String

    public init(list: SubscriberList, tokens: UnsubscribeToken, siteTitle: String) {
        self.list = list
        self.tokens = tokens
        self.siteTitle = siteTitle
    }

    /// An answer: status, content type and body, and the header fields to
    /// send beside them (`Allow` on a 405, no caching, no referrer).
    public struct Response: Sendable {
        public var status: Int
        public var contentType: String
        public var body: [UInt8]
        public var headers: [String: String]

        public init(status: Int, contentType: String, body: [UInt8], headers: [String: String] = [:]) {
            self.status = status
            self.contentType = contentType
            self.body = body
            self.headers = headers
        }
    }

    /// target: the request path with its query (`/unsubscribe?id=3&token=…`;
    /// any path: the server may sit behind a proxy). id and token come from
    /// the query (a form POST may also carry them in its body).
    public func respond(method: String, target: String, contentType: String?, body: [UInt8]) -> Response {
        let method = method.uppercased()
        guard method == "GET" || method == "POST" else {
            var response = problem(405, "Method not allowed", "This address answers GET and POST only.")
            response.headers["Allow"] = UnsubscribeEndpoint.allowedMethods
            return response
        }
        guard body.count <= UnsubscribeEndpoint.maximumBodySize else {
            return problem(413, "Request too large", "An unsubscribe request is a few bytes; this one is over 64 KiB.")
        }
        let query = target.firstIndex(of: "?").map { target[target.index(after: $0)...] } ?? ""
        var fields = FormURLEncoded.parse(query)
        if method == "POST" {
            // Without a content type, a body is read as urlencoded.
            let type = FormContentType(parsing: contentType ?? "application/x-www-form-urlencoded")
            guard ["application/x-www-form-urlencoded", "multipart/form-data"].contains(type.value) else {
                return problem(415, "Unsupported form", "Send the form as application/x-www-form-urlencoded or "
                               + "multipart/form-data.")
            }
            guard let form = UnsubscribeEndpoint.form(type, body: body) else {
                return problem(400, "Unreadable form", "The multipart form could not be read.")
            }
            // Exactly `List-Unsubscribe=One-Click`, but a client that ends its
            // body with a line break still means it.
            guard form.contains(where: {
                $0.name == "List-Unsubscribe" && $0.value.trimmingCharacters(in: .whitespacesAndNewlines) == "One-Click"
            }) else {
                return problem(400, "Not an unsubscribe request", "A POST here carries List-Unsubscribe=One-Click.")
            }
            fields += form
        }
        guard let idText = fields.first(where: { $0.name == "id" })?.value,
              let token = fields.first(where: { $0.name == "token" })?.value,
              !idText.isEmpty, !token.isEmpty else {
            return problem(400, "Incomplete link", "This unsubscribe link lacks its id or token; "
                           + "copy the whole link from the newsletter.")
        }
        let subscriber: Subscriber?
        do {
            subscriber = try Int64(idText).flatMap { try list.subscriber(id: $0) }
        } catch {
            return problem(500, "Something went wrong", "The list could not be read; please try again later.")
        }
        // The token is checked for an unknown id too, so that the time taken
        // does not tell whether the id exists either.
        let verified = tokens.verify(token, subscriberID: subscriber.map { String($0.id) } ?? idText,
                                     address: subscriber?.email ?? "")
        guard let subscriber, verified else {
            return problem(403, "Link not valid", "This unsubscribe link is not valid. Use the link of a "
                           + "recent newsletter, or reply to it and ask to be removed.")
        }
        guard method == "POST" else {
            // Someone already unsubscribed is told so, with no button.
            if subscriber.status == .unsubscribed {
                return page(200, UnsubscribePage.done(site: siteTitle, address: subscriber.email))
            }
            return page(200, UnsubscribePage.confirm(site: siteTitle, address: subscriber.email,
                                                     action: UnsubscribeEndpoint.formAction(target)))
        }
        do {
            _ = try list.setStatus(.unsubscribed, id: subscriber.id)
        } catch {
            return problem(500, "Something went wrong", "The list could not be changed; please try again later.")
        }
        return page(200, UnsubscribePage.done(site: siteTitle, address: subscriber.email))
    }

    /// The fields of a POST body of one of the two form types; nil when a
    /// multipart body is malformed or has no boundary.
    static func form(_ type: FormContentType, body: [UInt8]) -> [(name: String, value: String)]? {
        guard type.value == "multipart/form-data" else { return FormURLEncoded.parse(body) }
        return type.parameters["boundary"].flatMap { FormMultipart.parse(body, boundary: $0) }
    }

    /// Where the confirmation form posts: the same URL, written relative to
    /// it (`./`, the last path segment and the query), so it stays right behind
    /// a proxy that serves the endpoint under another path.
    static func formAction(_ target: String) -> String {
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let query = target.firstIndex(of: "?").map { String(target[$0...]) } ?? ""
        let segment = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        return "./" + segment + query
    }

    private func page(_ status: Int, _ body: [UInt8]) -> Response {
        Response(status: status, contentType: "text/html; charset=utf-8", body: body, headers: [
            "Cache-Control": "no-store",
            "Referrer-Policy": "no-referrer",
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
        ])
    }

    private func problem(_ status: Int, _ title: String, _ message: String) -> Response {
        page(status, UnsubscribePage.problem(title, message))
    }
}
