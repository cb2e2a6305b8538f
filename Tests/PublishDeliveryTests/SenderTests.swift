import Foundation
import NIOConcurrencyHelpers
import PublishDelivery
import PublishSMTP
import Testing

@Suite struct SenderTests {
    let database: DeliveryDatabase
    let ledger: Ledger
    let server = FakeServer()

    init() throws {
        database = try DeliveryDatabase()
        ledger = Ledger(database: database)
    }

    /// Adds `count` subscribers straight into the table.
    func subscribers(_ count: Int, from first: Int = 1) throws -> [Subscriber] {
        try (first..<first + count).map { try database.insertForTest(email: "reader\($0)@example.org") }
    }

    func sender(connections: Int = 2) -> Sender {
        var configuration = Sender.Configuration(connections: connections, rate: 0, envelopeFrom: "news@example.org")
        configuration.firstRetry = .milliseconds(20)
        return Sender(ledger: ledger, transport: server, configuration: configuration)
    }

    func run(_ sender: Sender, _ audience: [Subscriber], post: String = "_posts/2024-01-01-a.md") async throws
        -> Sender.Summary
    {
        try await sender.run(post: post, subject: "A", subscribers: audience, messageID: { "<\($0.id)@example.org>" },
                             message: { entry in Array("To: \(entry.subscriber.email)\r\nMessage-ID: \(entry.messageID)\r\n\r\nHi\r\n".utf8) })
    }

    @Test func everySubscriberOnceAndASecondRunSendsNothing() async throws {
        let audience = try subscribers(25)
        let first = try await run(sender(), audience)
        #expect(first.sent == 25)
        #expect(first.start.isFirstRun)
        #expect(server.delivered.count == 25)
        #expect(Set(server.delivered.map(\.to)).count == 25)
        let second = try await run(sender(), audience)
        #expect(second.nothingDue)
        #expect(second.sent == 0)
        #expect(second.totals[.sent] == 25)
        #expect(server.delivered.count == 25)
    }

    @Test func theRowIsDurablySendingBeforeTheEndOfData() async throws {
        let audience = try subscribers(3)
        let seen = NIOLockedValueBox<[DeliveryStatus]>([])
        let ledger = self.ledger
        server.atEndOfData = { address in
            let row = try? ledger.entries(post: "_posts/2024-01-01-a.md").first { $0.subscriber.email == address }
            seen.withLockedValue { $0.append(row?.status ?? .pending) }
        }
        _ = try await run(sender(connections: 1), audience)
        #expect(seen.withLockedValue { $0 } == [.sending, .sending, .sending])
        #expect(try ledger.entries(post: "_posts/2024-01-01-a.md").allSatisfy { $0.status == .sent })
    }

    @Test func aTransientReplyIsRetriedThenSentOnTheSameSessionAfterAReset() async throws {
        let audience = try subscribers(5)
        server.set(.rejectRecipient(SMTPReply(code: 451, enhancedStatus: "4.3.0", lines: ["4.3.0 try later"]), times: 2),
                   for: "reader3@example.org")
        let summary = try await run(sender(), audience)
        #expect(summary.sent == 5)
        #expect(summary.deferred == 0)
        #expect(server.count(to: "reader3@example.org") == 1)
        let row = try ledger.entries(post: "_posts/2024-01-01-a.md").first { $0.subscriber.email == "reader3@example.org" }
        #expect(row?.status == .sent)
        #expect(row?.attempts == 3)
        #expect(server.resets == 2)
    }

    @Test func a421ClosesTheSessionAndTheMessageGoesOnANewOne() async throws {
        let audience = try subscribers(3)
        server.set(.rejectRecipient(SMTPReply(code: 421, enhancedStatus: "4.7.0", lines: ["4.7.0 closing"]), times: 1),
                   for: "reader2@example.org")
        let summary = try await run(sender(connections: 1), audience)
        #expect(summary.sent == 3)
        // The one the 421 closed, the next for reader3, one more for the retry.
        #expect(server.sessions == 3)
        #expect(server.resets == 0)
        #expect(server.count(to: "reader2@example.org") == 1)
    }

    @Test func aSubscriberWhoLeavesMidRoundIsNotSentTo() async throws {
        let audience = try subscribers(4)
        let database = self.database
        server.atEndOfData = { address in
            if address == "reader2@example.org" { try? database.setStatusForTest(.unsubscribed, id: 3) }
        }
        let summary = try await run(sender(connections: 1), audience)
        #expect(server.count(to: "reader3@example.org") == 0)
        #expect(summary.sent == 3)
        #expect(summary.skipped == 1)
        let row = try ledger.entries(post: "_posts/2024-01-01-a.md").first { $0.subscriber.id == 3 }
        #expect(row?.status == .pending)
    }

    @Test func aRowIsClaimedOnce() throws {
        let audience = try subscribers(1)
        _ = try ledger.start(post: "p", subject: "A", subscribers: audience, now: Date()) { "<\($0.id)@x>" }
        #expect(try ledger.markSending(post: "p", subscriberID: 1, now: Date()))
        #expect(try !ledger.markSending(post: "p", subscriberID: 1, now: Date()))
        try ledger.markSent(post: "p", subscriberID: 1, reply: "250", now: Date())
        #expect(try !ledger.markSending(post: "p", subscriberID: 1, now: Date()))
    }

    @Test func oneSendAtATimePerList() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("publish-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("subscribers.db").path
        var first: SendLock? = try SendLock(databasePath: path)
        #expect(throws: SendError.self) { try SendLock(databasePath: path) }
        withExtendedLifetime(first) {}
        first = nil
        #expect(throws: Never.self) { try SendLock(databasePath: path) }
    }

    @Test func theSameTextUnderAnotherFileIsKnown() throws {
        let audience = try subscribers(1)
        _ = try ledger.start(post: "_posts/2024-01-01-old.md", subject: "A", fingerprint: "abc", subscribers: audience,
                             now: Date()) { "<\($0.id)@x>" }
        #expect(try ledger.sameIssue(fingerprint: "abc", other: "_posts/2024-01-02-new.md")?.post == "_posts/2024-01-01-old.md")
        #expect(try ledger.sameIssue(fingerprint: "abc", other: "_posts/2024-01-01-old.md") == nil)
        #expect(try ledger.sameIssue(fingerprint: "other", other: "_posts/2024-01-02-new.md") == nil)
    }

    @Test func aPermanentNoSuchMailboxFailsAndBounces() async throws {
        let audience = try subscribers(4)
        server.set(.rejectRecipient(SMTPReply(code: 550, enhancedStatus: "5.1.1", lines: ["5.1.1 no such user"]), times: 9),
                   for: "reader2@example.org")
        server.set(.rejectRecipient(SMTPReply(code: 554, enhancedStatus: "5.7.1", lines: ["5.7.1 policy"]), times: 9),
                   for: "reader4@example.org")
        let summary = try await run(sender(), audience)
        #expect(summary.sent == 2)
        #expect(summary.failed == 2)
        #expect(summary.bounced == 1)
        let statuses = try SubscriberStatusProbe.statuses(database)
        #expect(statuses["reader2@example.org"] == .bounced)
        #expect(statuses["reader4@example.org"] == .active)
        #expect(server.count(to: "reader2@example.org") == 0)
        let again = try await run(sender(), audience)
        #expect(again.nothingDue)
    }

    @Test func aConnectionLostMidMessageIsSentOnceOnANewConnection() async throws {
        let audience = try subscribers(6)
        server.set(.dropDuringMessage, for: "reader4@example.org")
        let summary = try await run(sender(), audience)
        #expect(summary.sent == 6)
        #expect(summary.resent.isEmpty)
        #expect(server.count(to: "reader4@example.org") == 1)
        #expect(server.sessions >= 3)
    }

    @Test func aConnectionLostAfterTheEndOfDataIsResentWithTheSameMessageID() async throws {
        let audience = try subscribers(4)
        server.set(.dropAfterEndOfData, for: "reader1@example.org")
        let summary = try await run(sender(), audience)
        #expect(summary.resent == ["reader1@example.org"])
        let copies = server.delivered.filter { $0.to == "reader1@example.org" }.map { String(decoding: $0.message, as: UTF8.self) }
        #expect(copies.count == 2)
        #expect(copies.allSatisfy { $0.contains("Message-ID: <1@example.org>") })
        #expect(summary.totals[.sent] == 4)
    }

    @Test func aRunKilledWhileSendingResendsOnlyTheUncertainOnes() async throws {
        let audience = try subscribers(10)
        let post = "_posts/2024-01-01-a.md"
        // What a killed run leaves: some sent, one on the wire, the rest pending.
        _ = try ledger.start(post: post, subject: "A", subscribers: audience, now: Date()) { "<\($0.id)@example.org>" }
        for id in 1...4 { try ledger.markSent(post: post, subscriberID: Int64(id), reply: "250 ok", now: Date()) }
        #expect(try ledger.markSending(post: post, subscriberID: 5, now: Date()))
        let summary = try await run(sender(), audience)
        #expect(summary.start.foundUncertain == 1)
        #expect(summary.resent == ["reader5@example.org"])
        #expect(summary.sent == 6)
        #expect(Set(server.delivered.map(\.to)) == Set((5...10).map { "reader\($0)@example.org" }))
        #expect(try ledger.entries(post: post).allSatisfy { $0.status == .sent })
    }

    @Test func theAudienceIsFixedOnTheFirstRun() async throws {
        let audience = try subscribers(3)
        _ = try await run(sender(), audience)
        let later = try subscribers(2, from: 4)
        let second = try await run(sender(), audience + later)
        #expect(second.nothingDue)
        #expect(second.start.joinedSince == 2)
        #expect(server.delivered.count == 3)
    }

    @Test func aSubscriberWhoLeftBeforeTheirTurnIsSkipped() async throws {
        let audience = try subscribers(3)
        let post = "_posts/2024-01-01-a.md"
        _ = try ledger.start(post: post, subject: "A", subscribers: audience, now: Date()) { "<\($0.id)@example.org>" }
        try database.setStatusForTest(.unsubscribed, id: 2)
        let summary = try await run(sender(), audience)
        #expect(summary.sent == 2)
        #expect(summary.skipped == 1)
        #expect(server.count(to: "reader2@example.org") == 0)
    }

    @Test func aServerTakingFewerSessionsThanConnectionsStillGetsEveryMessage() async throws {
        let audience = try subscribers(8)
        server.maxOpen = 1
        var configuration = Sender.Configuration(connections: 3, rate: 0, envelopeFrom: "news@example.org")
        configuration.firstRetry = .milliseconds(20)
        let summary = try await run(Sender(ledger: ledger, transport: server, configuration: configuration), audience)
        #expect(summary.sent == 8)
        #expect(Set(server.delivered.map(\.to)).count == 8)
        #expect(server.delivered.count == 8)
    }

    @Test func aStoppedRunBeginsNoNewMessage() async throws {
        let audience = try subscribers(5)
        let stop = StopSignal()
        stop.stop()
        let summary = try await sender().run(post: "p", subject: "A", subscribers: audience, messageID: { "<\($0.id)@x>" },
                                             message: { _ in [] }, stop: stop)
        #expect(summary.sent == 0)
        #expect(server.delivered.isEmpty)
        #expect(summary.totals[.pending] == 5)
    }
}
