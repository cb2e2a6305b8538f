import Foundation
import GRDB
import PublishAST
import PublishEmail
import Testing
@testable import PublishDelivery

@Suite("The subscriber list")
struct SubscriberListTests {
    let list: SubscriberList

    init() throws {
        list = SubscriberList(database: try DeliveryDatabase())
    }

    @Test("A new address is added active, with its name, and found in any case")
    func addsNew() throws {
        guard case .added(let added) = try list.add(email: " Ann@Example.org ", name: "Ann") else {
            Issue.record("not added")
            return
        }
        #expect(added.email == "Ann@Example.org" && added.name == "Ann" && added.status == .active)
        #expect(try list.subscriber(email: "ann@example.ORG") == added)
        #expect(try list.subscriber(id: added.id) == added)
    }

    @Test("Adding an address again changes nothing; a new name updates it; an empty name keeps the old one")
    func addAgain() throws {
        guard case .added(let ann) = try list.add(email: "ann@example.org", name: "Ann") else {
            Issue.record("not added")
            return
        }
        #expect(try list.add(email: "ANN@example.org", name: "Ann") == .unchanged(ann))
        #expect(try list.add(email: "ann@example.org", name: "") == .unchanged(ann))
        var renamed = ann
        renamed.name = "Ann Lee"
        #expect(try list.add(email: "ann@example.org", name: "Ann Lee") == .updated(renamed))
        #expect(try list.all() == [renamed])
    }

    @Test("Adding an unsubscribed or a bounced address makes it active again and says so")
    func reactivates() throws {
        for status in [SubscriberStatus.unsubscribed, .bounced] {
            let list = SubscriberList(database: try DeliveryDatabase())
            guard case .added(let ann) = try list.add(email: "ann@example.org", name: "Ann") else { Issue.record("expected the address to be added"); return }
            #expect(try list.setStatus(status, id: ann.id))
            #expect(try list.add(email: "ann@example.org", name: "Ann") == .reactivated(ann))
            #expect(try list.subscriber(id: ann.id)?.status == .active)
        }
    }

    @Test("What is not a bare address is refused with a diagnostic, and nothing is added")
    func refusesBadAddresses() throws {
        for bad in ["", "ann", "ann@localhost", "Ann <ann@example.org>", "ann@@example.org", "a b@example.org",
                    "安@example.org", "ann@example..org"] {
            #expect(throws: Diagnostic.self, "\(bad)") { try list.add(email: bad, name: "") }
        }
        #expect(try list.all().isEmpty)
    }

    @Test("all() lists by id, active() only the active ones")
    func listsByID() throws {
        for address in ["c@example.org", "a@example.org", "b@example.org"] {
            _ = try list.add(email: address, name: "")
        }
        let all = try list.all()
        #expect(all.map(\.email) == ["c@example.org", "a@example.org", "b@example.org"])
        #expect(all.map(\.id) == all.map(\.id).sorted())
        #expect(try list.setStatus(.bounced, id: all[1].id))
        #expect(try list.active().map(\.email) == ["c@example.org", "b@example.org"])
    }

    @Test("setStatus says whether the status changed, and false for an unknown id")
    func setStatusReportsChange() throws {
        guard case .added(let ann) = try list.add(email: "ann@example.org", name: "") else { Issue.record("expected the address to be added"); return }
        #expect(try list.setStatus(.unsubscribed, id: ann.id))
        #expect(try !list.setStatus(.unsubscribed, id: ann.id))
        #expect(try !list.setStatus(.unsubscribed, id: ann.id + 100))
        #expect(try list.subscriber(id: ann.id)?.status == .unsubscribed)
    }

    @Test("remove deletes the subscriber and its ledger rows, in any case; false when there was none")
    func removeCascades() throws {
        let database = try DeliveryDatabase()
        let list = SubscriberList(database: database)
        guard case .added(let ann) = try list.add(email: "ann@example.org", name: "") else { Issue.record("expected the address to be added"); return }
        try database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO delivery (post, subscriberID, email, status, messageID, updatedAt)
                VALUES ('p', ?, 'ann@example.org', 'sent', '<m@example.org>', ?)
                """, arguments: [ann.id, Date()])
        }
        #expect(try list.remove(email: "ANN@example.org"))
        #expect(try list.subscriber(id: ann.id) == nil)
        #expect(try database.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM delivery") } == 0)
        #expect(try !list.remove(email: "ann@example.org"))
    }

    @Test("A subscriber's recipient carries its name, address, id and a token that verifies")
    func recipient() throws {
        let tokens = UnsubscribeToken(secret: Array("secret".utf8))
        guard case .added(let ann) = try list.add(email: "ann@example.org", name: "Ann Lee") else { Issue.record("expected the address to be added"); return }
        let recipient = ann.recipient(tokens: tokens)
        #expect(recipient.mailbox == Mailbox(name: "Ann Lee", address: "ann@example.org"))
        #expect(recipient.id == String(ann.id))
        #expect(tokens.verify(recipient.token, subscriberID: String(ann.id), address: "ann@example.org"))
        guard case .added(let bob) = try list.add(email: "bob@example.org", name: "") else { Issue.record("expected the address to be added"); return }
        #expect(bob.recipient(tokens: tokens).mailbox.name == nil)
    }
}
