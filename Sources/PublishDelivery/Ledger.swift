import Foundation
import GRDB

/// What was sent to whom: one row per (post, subscriber), moved through
/// `DeliveryStatus` by the sender. The row of a message is marked
/// `sending`, and that commit is on disk, before the message's final "."
/// goes to the server; it is marked `sent` after the server's reply. A
/// process killed in between leaves `sending`, which the next run reads as
/// `uncertain`: at most one message per connection, re-sent with the same
/// Message-ID. Nothing that was `sent` is ever sent again.
public struct Ledger: Sendable {
    let database: DeliveryDatabase

    public init(database: DeliveryDatabase) {
        self.database = database
    }

    /// One row, with the subscriber it goes to.
    public struct Entry: Sendable, Hashable {
        public var subscriber: Subscriber
        public var status: DeliveryStatus
        public var messageID: String
        public var attempts: Int
        /// An earlier copy may have arrived: the next one is a re-send.
        public var resend: Bool
        /// When a deferred row may be tried again.
        public var retryAt: Date?
    }

    /// What `start` found and did.
    public struct Start: Sendable, Equatable {
        /// True when this is the post's first run: its audience was fixed now.
        public var isFirstRun: Bool
        /// Rows left `sending` by a run that died, now `uncertain`.
        public var foundUncertain: Int
        /// Active subscribers who joined after the first run, not sent this post.
        public var joinedSince: Int
    }

    /// Begins or continues the post's send. On the first run, one `pending`
    /// row per active subscriber, in one transaction. On a later run, the
    /// audience stays the one of the first run; rows left `sending` become
    /// `uncertain`.
    public func start(post: String, subject: String, fingerprint: String = "", subscribers: [Subscriber], now: Date,
                      messageID: (Subscriber) -> String) throws -> Start
    {
        try database.writer.write { db in
            let known = try Bool.fetchOne(db, sql: "SELECT 1 FROM issue WHERE post = ?", arguments: [post]) ?? false
            if !known {
                try db.execute(sql: "INSERT INTO issue (post, subject, fingerprint, startedAt) VALUES (?, ?, ?, ?)",
                               arguments: [post, subject, fingerprint, now])
                for subscriber in subscribers where subscriber.status == .active {
                    try db.execute(sql: """
                        INSERT INTO delivery (post, subscriberID, email, status, messageID, updatedAt)
                        VALUES (?, ?, ?, 'pending', ?, ?)
                        """, arguments: [post, subscriber.id, subscriber.email, messageID(subscriber), now])
                }
                return Start(isFirstRun: true, foundUncertain: 0, joinedSince: 0)
            }
            try db.execute(sql: """
                UPDATE delivery SET status = 'uncertain', resend = 1, updatedAt = ? WHERE post = ? AND status = 'sending'
                """, arguments: [now, post])
            let uncertain = db.changesCount
            let joined = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM subscriber WHERE status = 'active'
                AND id NOT IN (SELECT subscriberID FROM delivery WHERE post = ?)
                """, arguments: [post]) ?? 0
            return Start(isFirstRun: false, foundUncertain: uncertain, joinedSince: joined)
        }
    }

    /// The rows to send now: `pending`, `uncertain`, and `deferred` ones
    /// whose time has come, of subscribers still active; in subscriber order.
    public func due(post: String, now: Date) throws -> [Entry] {
        try database.writer.read { db in
            try Ledger.entries(db, where: """
                d.post = ? AND s.status = 'active'
                AND (d.status IN ('pending', 'uncertain') OR (d.status = 'deferred' AND d.retryAt <= ?))
                """, arguments: [post, now])
        }
    }

    /// The `deferred` rows of subscribers still active, with when each may
    /// be tried again.
    public func deferred(post: String) throws -> [Entry] {
        try database.writer.read { db in
            try Ledger.entries(db, where: "d.post = ? AND s.status = 'active' AND d.status = 'deferred'",
                               arguments: [post])
        }
    }

    /// The count of rows in each status. Rows of subscribers no longer
    /// active that were never sent are counted apart, as `skipped`.
    public func counts(post: String) throws -> (byStatus: [DeliveryStatus: Int], skipped: Int) {
        try database.writer.read { db in
            var byStatus: [DeliveryStatus: Int] = [:]
            var skipped = 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.status, s.status = 'active' AS active, COUNT(*) AS n
                FROM delivery d JOIN subscriber s ON s.id = d.subscriberID
                WHERE d.post = ? GROUP BY d.status, active
                """, arguments: [post])
            for row in rows {
                guard let status = DeliveryStatus(rawValue: row["status"]) else { continue }
                let n: Int = row["n"]
                let active: Bool = row["active"]
                if !active && [.pending, .deferred, .uncertain].contains(status) {
                    skipped += n
                } else {
                    byStatus[status, default: 0] += n
                }
            }
            return (byStatus, skipped)
        }
    }

    /// Every post ever sent: its key, subject, when it began, and how many
    /// of its rows are still to send (of subscribers still active).
    public func issues() throws -> [(post: String, subject: String, startedAt: Date, left: Int)] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT i.post, i.subject, i.startedAt,
                (SELECT COUNT(*) FROM delivery d JOIN subscriber s ON s.id = d.subscriberID
                 WHERE d.post = i.post AND s.status = 'active'
                 AND d.status IN ('pending', 'sending', 'deferred', 'uncertain')) AS left
                FROM issue i ORDER BY i.startedAt
                """).map { ($0["post"], $0["subject"], $0["startedAt"], $0["left"]) }
        }
    }

    /// Another post sent before with the same fingerprint: the same text
    /// under another file name.
    public func sameIssue(fingerprint: String, other post: String) throws -> (post: String, startedAt: Date)? {
        guard !fingerprint.isEmpty else { return nil }
        return try database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT post, startedAt FROM issue WHERE fingerprint = ? AND post != ? LIMIT 1",
                             arguments: [fingerprint, post]).map { ($0["post"], $0["startedAt"]) }
        }
    }

    /// Whether the post was ever started.
    public func hasIssue(post: String) throws -> Bool {
        try database.writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM issue WHERE post = ?", arguments: [post]) ?? false
        }
    }

    /// The message is about to be committed to the server: claims the row,
    /// durably on return (the database syncs every commit). False, and
    /// nothing changed, when the row is no longer to be sent — another run
    /// sent it, or the subscriber left since the round began — so the
    /// message must be abandoned before its final ".". (The subscriber is
    /// looked up by its key: an `IN (SELECT …)` would list every active
    /// subscriber for every message.)
    public func markSending(post: String, subscriberID: Int64, now: Date) throws -> Bool {
        try database.writer.write { db in
            try db.execute(sql: """
                UPDATE delivery SET status = 'sending', attempts = attempts + 1, updatedAt = ?
                WHERE post = ? AND subscriberID = ? AND status IN ('pending', 'uncertain', 'deferred')
                AND EXISTS (SELECT 1 FROM subscriber WHERE id = ? AND status = 'active')
                """, arguments: [now, post, subscriberID, subscriberID])
            return db.changesCount == 1
        }
    }

    /// The server accepted it: `reply` is what it said.
    ///
    /// This commit is not synced on its own: a process killed after it
    /// keeps it (WAL), and the next claim's sync carries it to the disk.
    /// Only a power cut in between could lose it, which turns the row back
    /// into `sending`, and so into a reported re-send, never a silent one.
    /// It halves the syncs of a send.
    public func markSent(post: String, subscriberID: Int64, reply: String, now: Date) throws {
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            defer { try? db.execute(sql: "PRAGMA synchronous = FULL") }
            try db.inTransaction {
                try db.execute(sql: "UPDATE delivery SET status = 'sent', reply = ?, updatedAt = ? WHERE post = ? AND subscriberID = ?",
                               arguments: [reply, now, post, subscriberID])
                return .commit
            }
        }
    }

    /// A 4xx: try again at `retryAt`.
    public func markDeferred(post: String, subscriberID: Int64, reply: String, retryAt: Date, now: Date) throws {
        try database.writer.write { db in
            try db.execute(sql: """
                UPDATE delivery SET status = 'deferred', reply = ?, retryAt = ?, updatedAt = ?,
                attempts = CASE WHEN status = 'sending' THEN attempts ELSE attempts + 1 END
                WHERE post = ? AND subscriberID = ?
                """, arguments: [reply, retryAt, now, post, subscriberID])
        }
    }

    /// A 5xx: recorded, not retried.
    public func markFailed(post: String, subscriberID: Int64, reply: String, now: Date) throws {
        try update(post, subscriberID, status: .failed, reply: reply, now: now)
    }

    /// The connection was lost after the final ".": the server may have it.
    public func markUncertain(post: String, subscriberID: Int64, reason: String, now: Date) throws {
        try update(post, subscriberID, status: .uncertain, reply: reason, now: now, extra: ", resend = 1")
    }

    /// The message never reached the end of its data (the connection broke
    /// before): nothing was delivered; it goes back to its earlier state
    /// (`pending`, or `uncertain` when it was being re-sent).
    public func markNotSent(post: String, subscriberID: Int64, previous: DeliveryStatus, now: Date) throws {
        let status: DeliveryStatus = previous == .uncertain ? .uncertain : .pending
        try database.writer.write { db in
            try db.execute(sql: """
                UPDATE delivery SET status = ?, updatedAt = ? WHERE post = ? AND subscriberID = ? AND status = 'sending'
                """, arguments: [status.rawValue, now, post, subscriberID])
        }
    }

    /// Every row of the post, by subscriber id: for reports and tests.
    public func entries(post: String) throws -> [Entry] {
        try database.writer.read { db in
            try Ledger.entries(db, where: "d.post = ?", arguments: [post])
        }
    }

    /// Marks the subscriber bounced (a 5.1.x reply: no such mailbox).
    public func markBounced(subscriberID: Int64, now: Date) throws {
        try database.writer.write { db in
            try db.execute(sql: "UPDATE subscriber SET status = 'bounced', updatedAt = ? WHERE id = ?",
                           arguments: [now, subscriberID])
        }
    }

    private func update(_ post: String, _ id: Int64, status: DeliveryStatus, reply: String? = nil, now: Date,
                        extra: String = "") throws
    {
        try database.writer.write { db in
            if let reply {
                try db.execute(sql: "UPDATE delivery SET status = ?, reply = ?, updatedAt = ?\(extra) "
                                    + "WHERE post = ? AND subscriberID = ?",
                               arguments: [status.rawValue, reply, now, post, id])
            } else {
                try db.execute(sql: "UPDATE delivery SET status = ?, updatedAt = ?\(extra) WHERE post = ? AND subscriberID = ?",
                               arguments: [status.rawValue, now, post, id])
            }
        }
    }

    /// The rows that match `condition`, with their subscribers, by subscriber id.
    private static func entries(_ db: Database, where condition: String, arguments: StatementArguments) throws
        -> [Entry]
    {
        try Row.fetchAll(db, sql: """
            SELECT s.id, s.email, s.name, s.status AS subscriberStatus, d.status, d.messageID, d.attempts, d.resend,
            d.retryAt
            FROM delivery d JOIN subscriber s ON s.id = d.subscriberID
            WHERE \(condition) ORDER BY s.id
            """, arguments: arguments).map(Ledger.entry)
    }

    private static func entry(_ row: Row) -> Entry {
        Entry(subscriber: Subscriber(row: row, statusColumn: "subscriberStatus"),
              status: DeliveryStatus(rawValue: row["status"]) ?? .pending,
              messageID: row["messageID"], attempts: row["attempts"], resend: row["resend"], retryAt: row["retryAt"])
    }
}
