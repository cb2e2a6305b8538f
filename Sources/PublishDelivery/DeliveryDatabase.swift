import Foundation
import GRDB

/// The newsletter's one SQLite file (`subscribers.db` in the source
/// folder): the subscribers, and the ledger of what was sent to whom.
/// Written in WAL mode with full synchronous commits, so a row the sender
/// has committed survives the process being killed the next instant.
public final class DeliveryDatabase: Sendable {
    /// The default file name, in the site's source folder.
    public static let fileName = "subscribers.db"

    let writer: DatabaseQueue

    /// Opens the file, creating it and its tables when missing.
    ///
    /// - Throws: GRDB's error when the file cannot be opened or migrated.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // A killed sender must never lose a committed `sending` row.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        configuration.busyMode = .timeout(10)
        writer = try DatabaseQueue(path: path, configuration: configuration)
        try writer.writeWithoutTransaction { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
        try DeliveryDatabase.migrator.migrate(writer)
    }

    /// An in-memory database, for tests.
    public init() throws {
        writer = try DatabaseQueue()
        try DeliveryDatabase.migrator.migrate(writer)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "subscriber") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("email", .text).notNull().unique(onConflict: .abort).collate(.nocase)
                t.column("name", .text).notNull().defaults(to: "")
                t.column("status", .text).notNull().defaults(to: SubscriberStatus.active.rawValue)
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            // One row per post ever sent: when its audience was fixed.
            try db.create(table: "issue") { t in
                t.primaryKey("post", .text)
                t.column("subject", .text).notNull()
                // NewsletterIssue.fingerprint: the same post under a new file name.
                t.column("fingerprint", .text).notNull().defaults(to: "")
                t.column("startedAt", .datetime).notNull()
            }
            // One row per (post, subscriber): see `DeliveryStatus`.
            try db.create(table: "delivery") { t in
                t.column("post", .text).notNull()
                t.column("subscriberID", .integer).notNull()
                    .references("subscriber", onDelete: .cascade)
                t.column("email", .text).notNull()
                t.column("status", .text).notNull()
                t.column("messageID", .text).notNull()
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("reply", .text).notNull().defaults(to: "")
                t.column("retryAt", .datetime)
                // Set once the message may have arrived without the ledger
                // knowing (a killed run, a reply lost after the final "."):
                // its next copy is a re-send, reported as one.
                t.column("resend", .boolean).notNull().defaults(to: false)
                t.column("updatedAt", .datetime).notNull()
                t.primaryKey(["post", "subscriberID"])
            }
            try db.create(index: "delivery_status", on: "delivery", columns: ["post", "status"])
        }
        return migrator
    }
}

/// Where a subscriber stands.
public enum SubscriberStatus: String, Sendable, CaseIterable, Codable {
    /// Receives the newsletter.
    case active
    /// Asked to stop (the link, the one-click POST, or `remove`).
    case unsubscribed
    /// The server said the address does not exist (a 5.1.x reply).
    case bounced
}

/// One row of `subscriber`.
public struct Subscriber: Sendable, Hashable, Codable {
    public var id: Int64
    public var email: String
    public var name: String
    public var status: SubscriberStatus

    public init(id: Int64, email: String, name: String, status: SubscriberStatus) {
        self.id = id
        self.email = email
        self.name = name
        self.status = status
    }
}

/// Where one (post, subscriber) pair stands in the ledger.
public enum DeliveryStatus: String, Sendable, CaseIterable, Codable {
    /// To be sent.
    case pending
    /// The message is on the wire: the end-of-data mark is about to go or
    /// has gone, and no reply has been read. Found at the start of a run,
    /// it means the last run died here: it becomes `uncertain`.
    case sending
    /// The server accepted it (its reply is kept).
    case sent
    /// A 4xx reply: retried after `retryAt`.
    case deferred
    /// A 5xx reply: not retried.
    case failed
    /// Sent, perhaps: re-sent once with the same Message-ID.
    case uncertain
}
