import Foundation
import PublishAST

/// What `importCSV` did: counts by outcome, and the rows it skipped.
public struct ImportReport: Sendable, Equatable {
    /// New subscribers.
    public var added: Int
    /// Active subscribers whose name changed.
    public var updated: Int
    /// Active subscribers already there with that name.
    public var unchanged: Int
    /// Unsubscribed or bounced subscribers in the file, left as they are.
    public var keptUnsubscribed: Int
    /// One error per skipped row, at `path:line:column`.
    public var problems: [Diagnostic]

    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0, keptUnsubscribed: Int = 0,
                problems: [Diagnostic] = []) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
        self.keptUnsubscribed = keptUnsubscribed
        self.problems = problems
    }
}

extension SubscriberList {
    /// A CSV file (RFC 4180, see `CSVReader`) whose header row names
    /// `email` and optionally `name` (any case, any order, other columns
    /// ignored). Bad addresses and malformed rows (a broken quote, another
    /// number of fields than the header has, an address already on an
    /// earlier row) are reported at `path:line:column` and skipped; the
    /// rest is imported in one transaction. Importing the same file again
    /// changes nothing. Import never reactivates an unsubscribed or bounced
    /// subscriber: an import is no one asking to be sent to again.
    ///
    /// - Throws: a `Diagnostic` at line 1, with nothing imported, when the
    ///   header has no `email` column; GRDB's error when the database fails.
    public func importCSV(_ text: String, path: String) throws -> ImportReport {
        let csv = CSVReader(text, path: path)
        var report = ImportReport(problems: csv.problems)
        guard let header = csv.records.first, header.line == 1,
              let emailColumn = SubscriberList.column("email", in: header) else {
            throw Diagnostic.error("the first line is no header naming an `email` column (and optionally `name`), "
                                   + "like: email,name", at: SourceLocation(path: path, line: 1, column: 1))
        }
        let nameColumn = SubscriberList.column("name", in: header)
        var rows: [(address: String, name: String)] = []
        var seen: [String: Int] = [:]
        for record in csv.records.dropFirst() where !record.fields.allSatisfy({ $0.value.isEmpty }) {
            let at = SourceLocation(path: path, line: record.line, column: 1)
            guard record.fields.count == header.fields.count else {
                report.problems.append(.error("this row has \(record.fields.count) fields and the header "
                                              + "\(header.fields.count) (quote a field that holds a comma)", at: at))
                continue
            }
            let field = record.fields[emailColumn]
            let address: String
            do {
                address = try SubscriberList.checkedAddress(field.value)
            } catch var diagnostic as Diagnostic {
                diagnostic.location = SourceLocation(path: path, line: field.line, column: field.column)
                report.problems.append(diagnostic)
                continue
            }
            if let first = seen[address.lowercased()] {
                report.problems.append(.error("'\(address)' is also on line \(first); only that row is imported",
                                              at: SourceLocation(path: path, line: field.line, column: field.column)))
                continue
            }
            seen[address.lowercased()] = record.line
            rows.append((address, nameColumn.map { record.fields[$0].value } ?? ""))
        }
        let outcomes = try database.writer.write { db in
            try rows.map { row in
                try SubscriberList.upsert(row.address, name: SubscriberList.cleanName(row.name), reactivating: false,
                                          in: db)
            }
        }
        for outcome in outcomes {
            switch outcome {
            case .added: report.added += 1
            case .updated: report.updated += 1
            case .reactivated: break
            case .unchanged(let subscriber) where subscriber.status != .active: report.keptUnsubscribed += 1
            case .unchanged: report.unchanged += 1
            }
        }
        return report
    }

    /// The index of the header field named `name`, in any case and with
    /// spaces around it.
    private static func column(_ name: String, in header: CSVReader.Record) -> Int? {
        header.fields.firstIndex { $0.value.trimmingCharacters(in: .whitespaces).lowercased() == name }
    }
}
