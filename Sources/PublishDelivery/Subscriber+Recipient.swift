import PublishEmail

extension Subscriber {
    /// The Recipient for `NewsletterIssue.message(to:)`: the mailbox with
    /// the name (if any) and address, the id as text, and the token that
    /// the unsubscribe endpoint will verify for this id and address.
    public func recipient(tokens: UnsubscribeToken) -> Recipient {
        Recipient(mailbox: Mailbox(name: name.isEmpty ? nil : name, address: email), id: String(id),
                  token: tokens.token(subscriberID: String(id), address: email))
    }
}
