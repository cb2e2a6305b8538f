import Foundation
import GRDB
import PublishAST
import PublishEmail

/// The newsletter's subscribers, kept in the `subscriber` table: who is
/// added, removed, found, and whether each still receives the newsletter.
/// Addresses compare without regard to case, as the column's collation does.
public struct SubscriberList: Sendable {
    let database: DeliveryDatabase

    public init(database: DeliveryDatabase) {
        self.database = database
    }

    /// What `add` did.
    public enum AddOutcome: Sendable, Equatable {
        /// A new subscriber.
        case added(Subscriber)
        /// An unsubscribed or bounced subscriber made active again.
        case reactivated(Subscriber)
        /// An active subscriber with a new name.
        case updated(Subscriber)
        /// Already there, active, with that name.
        case unchanged(Subscriber)
    }

    /// Adds an address; an unsubscribed or bounced one is made active again
    /// (the list owner asked explicitly) and says so; a new name updates.
    /// An empty name keeps the name already known.
    ///
    /// - Throws: a `Diagnostic` for an address that is not one.
    public func add(email: String, name: String) throws -> AddOutcome {
        let address = try SubscriberList.checkedAddress(email)
        let name = SubscriberList.cleanName(name)
        return try database.writer.write { db in
            try SubscriberList.upsert(address, name: name, reactivating: true, in: db)
        }
    }

    /// Deletes the subscriber (and, by the schema's cascade, its ledger
    /// rows). False when there was none.
    public func remove(email: String) throws -> Bool {
        let address = email.trimmingCharacters(in: .whitespacesAndNewlines)
        return try database.writer.write { db in
            try db.execute(sql: "DELETE FROM subscriber WHERE email = ?", arguments: [address])
            return db.changesCount > 0
        }
    }

    /// Every subscriber, whatever the status, by id.
    public func all() throws -> [Subscriber] {
        try database.writer.read { db in
            try SubscriberList.fetch(db, sql: "SELECT * FROM subscriber ORDER BY id")
        }
    }

    /// The subscribers who receive the newsletter, by id.
    public func active() throws -> [Subscriber] {
        try database.writer.read { db in
            try SubscriberList.fetch(db, sql: "SELECT * FROM subscriber WHERE status = ? ORDER BY id",
                                     arguments: [SubscriberStatus.active.rawValue])
        }
    }

    /// The subscriber with this id, or nil.
    public func subscriber(id: Int64) throws -> Subscriber? {
        try database.writer.read { db in
            try SubscriberList.fetch(db, sql: "SELECT * FROM subscriber WHERE id = ?", arguments: [id]).first
        }
    }

    /// The subscriber with this address in any case, or nil.
    public func subscriber(email: String) throws -> Subscriber? {
        let address = email.trimmingCharacters(in: .whitespacesAndNewlines)
        return try database.writer.read { db in
            try SubscriberList.find(address, in: db)
        }
    }

    /// Sets a subscriber's status. True when the status changed; false
    /// when it was already that, or there is no such subscriber.
    public func setStatus(_ status: SubscriberStatus, id: Int64) throws -> Bool {
        try database.writer.write { db in
            try db.execute(sql: "UPDATE subscriber SET status = ?, updatedAt = ? WHERE id = ? AND status <> ?",
                           arguments: [status.rawValue, Date(), id, status.rawValue])
            return db.changesCount > 0
        }
    }

    // MARK: - Shared with the import

    /// The address, trimmed, when it is a plain `local@domain` the
    /// newsletter can send to.
    ///
    /// - Throws: a `Diagnostic` saying it is not an address.
    static func checkedAddress(_ text: String) throws -> String {
        let address = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // `Mailbox(parsing:)` also reads `Name <address>`; a subscriber's
        // address is the bare address only.
        let mailbox = address.contains("<") ? nil : try? Mailbox(parsing: address)
        guard let mailbox, mailbox.name == nil, mailbox.address == address else {
            throw Diagnostic.error("'\(text)' is not an email address (write it as name@example.org)")
        }
        return address
    }

    /// A display name on one line: each run of white space, line breaks
    /// included, becomes one space.
    static func cleanName(_ name: String) -> String {
        name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Adds or updates one subscriber inside a write transaction. When
    /// `reactivating` is false an unsubscribed or bounced subscriber is
    /// left as it is (and `unchanged` returned for it).
    static func upsert(_ address: String, name: String, reactivating: Bool, in db: Database) throws -> AddOutcome {
        let now = Date()
        guard var subscriber = try find(address, in: db) else {
            try db.execute(sql: """
                INSERT INTO subscriber (email, name, status, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)
                """, arguments: [address, name, SubscriberStatus.active.rawValue, now, now])
            return .added(Subscriber(id: db.lastInsertedRowID, email: address, name: name, status: .active))
        }
        let renamed = !name.isEmpty && name != subscriber.name
        if subscriber.status != .active {
            guard reactivating else { return .unchanged(subscriber) }
            subscriber.status = .active
            if renamed { subscriber.name = name }
            try save(subscriber, at: now, in: db)
            return .reactivated(subscriber)
        }
        guard renamed else { return .unchanged(subscriber) }
        subscriber.name = name
        try save(subscriber, at: now, in: db)
        return .updated(subscriber)
    }

    static func find(_ address: String, in db: Database) throws -> Subscriber? {
        try fetch(db, sql: "SELECT * FROM subscriber WHERE email = ?", arguments: [address]).first
    }

    private static func save(_ subscriber: Subscriber, at date: Date, in db: Database) throws {
        try db.execute(sql: "UPDATE subscriber SET name = ?, status = ?, updatedAt = ? WHERE id = ?",
                       arguments: [subscriber.name, subscriber.status.rawValue, date, subscriber.id])
    }

    /// Rows as subscribers.
    private static func fetch(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [Subscriber] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { Subscriber(row: $0) }
    }
}

extension Subscriber {
    /// A subscriber row (its status in the column `statusColumn`). A status
    /// this version does not know is read as `unsubscribed`, so nobody is
    /// sent to by mistake.
    init(row: Row, statusColumn: String = "status") {
        self.init(id: row["id"], email: row["email"], name: row["name"],
                  status: SubscriberStatus(rawValue: row[statusColumn]) ?? .unsubscribed)
    }
}
