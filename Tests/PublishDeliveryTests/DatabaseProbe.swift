import Foundation
import GRDB
@testable import PublishDelivery

/// Rows written and read straight through SQL, so the sender's tests do
/// not lean on the subscriber list's own code.
extension DeliveryDatabase {
    func insertForTest(email: String, name: String = "") throws -> Subscriber {
        try writer.write { db in
            try db.execute(sql: "INSERT INTO subscriber (email, name, status, createdAt, updatedAt) VALUES (?, ?, 'active', ?, ?)",
                           arguments: [email, name, Date(), Date()])
            return Subscriber(id: db.lastInsertedRowID, email: email, name: name, status: .active)
        }
    }

    func setStatusForTest(_ status: SubscriberStatus, id: Int64) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE subscriber SET status = ? WHERE id = ?", arguments: [status.rawValue, id])
        }
    }
}

enum SubscriberStatusProbe {
    static func statuses(_ database: DeliveryDatabase) throws -> [String: SubscriberStatus] {
        try database.writer.read { db in
            var result: [String: SubscriberStatus] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT email, status FROM subscriber") {
                result[row["email"]] = SubscriberStatus(rawValue: row["status"])
            }
            return result
        }
    }
}
