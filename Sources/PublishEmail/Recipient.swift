/// Who one message goes to, and what its unsubscribe link carries.
public struct Recipient: Hashable, Sendable {
    public var mailbox: Mailbox
    /// The subscriber's id in the list, named in the unsubscribe link.
    public var id: String
    /// `UnsubscribeToken.token(subscriberID:address:)` of this subscriber.
    public var token: String

    public init(mailbox: Mailbox, id: String, token: String) {
        self.mailbox = mailbox
        self.id = id
        self.token = token
    }

    /// The recipient of a preview: the sender, with a token that
    /// unsubscribes nobody and says so.
    public static func preview(_ mailbox: Mailbox) -> Recipient {
        Recipient(mailbox: mailbox, id: "preview", token: "PREVIEW-NOT-A-REAL-TOKEN")
    }
}
