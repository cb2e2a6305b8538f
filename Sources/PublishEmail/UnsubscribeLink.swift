import Foundation

/// Where a subscriber's unsubscribe link points: the https endpoint with
/// `id` and `token` in the query, which the one-click POST (RFC 8058) and
/// the confirmation page both read; and optionally a mailto address.
public struct UnsubscribeLink: Sendable {
    /// The endpoint, https.
    public var url: String
    /// An address that unsubscribes, or empty.
    public var mailto: String

    public init(url: String, mailto: String) {
        self.url = url
        self.mailto = mailto
    }

    /// `https://…/unsubscribe?id=ID&token=TOKEN`.
    public func url(for recipient: Recipient) -> String {
        let separator = url.contains("?") ? "&" : "?"
        return url + separator + "id=" + UnsubscribeLink.encode(recipient.id) + "&token=" + UnsubscribeLink.encode(recipient.token)
    }

    /// `mailto:ADDRESS?subject=unsubscribe%20ID%20TOKEN`, or nil.
    public func mailto(for recipient: Recipient) -> String? {
        guard !mailto.isEmpty else { return nil }
        return "mailto:\(mailto)?subject=unsubscribe%20\(UnsubscribeLink.encode(recipient.id))%20"
            + UnsubscribeLink.encode(recipient.token)
    }

    /// The `List-Unsubscribe` field (RFC 2369): the URL, then the mailto.
    func field(for recipient: Recipient) -> HeaderField {
        var tokens = ["<\(url(for: recipient))>"]
        if let mailto = mailto(for: recipient) {
            tokens[0] += ","
            tokens.append("<\(mailto)>")
        }
        return HeaderField.folded("List-Unsubscribe", tokens: tokens)
    }

    /// Unreserved characters only, so the value is safe in a query and a header.
    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? text
    }
}
