import Foundation
import PublishAST
import TestSupport
import Testing
@testable import PublishDelivery

@Suite("Importing subscribers from CSV")
struct SubscriberImportTests {
    let list: SubscriberList

    init() throws {
        list = SubscriberList(database: try DeliveryDatabase())
    }

    @Test("Columns are found by name in any case and order; other columns are ignored")
    func columnsByName() throws {
        let report = try list.importCSV("Joined,NAME,Email\n2020,Ann,ann@example.org\n2021,,bob@example.org\n",
                                        path: "list.csv")
        #expect(report == ImportReport(added: 2))
        #expect(try list.all().map { [$0.email, $0.name] } == [["ann@example.org", "Ann"], ["bob@example.org", ""]])
    }

    @Test("Without a name column every subscriber is added without a name")
    func emailOnly() throws {
        #expect(try list.importCSV("email\r\nann@example.org\r\n", path: "list.csv").added == 1)
        #expect(try list.subscriber(email: "ann@example.org")?.name == "")
    }

    @Test("A quoted name with a comma and a line break is kept on one line")
    func quotedName() throws {
        _ = try list.importCSV("email,name\nann@example.org,\"Lee,\nAnn\"\n", path: "list.csv")
        #expect(try list.subscriber(email: "ann@example.org")?.name == "Lee, Ann")
    }

    @Test("Bad addresses, rows of the wrong width and repeated addresses are located and skipped; the rest goes in")
    func problemsLocated() throws {
        let text = """
            email,name
            ann@example.org,Ann
            "not an address",X
            bob@example.org,Bob,extra
            ANN@example.org,Ann again
            cat@example.org,"Cat"x
            dan@example.org,Dan

            """
        let report = try list.importCSV(text, path: "people.csv")
        #expect(report.added == 2)
        #expect(report.problems.compactMap(\.location?.description).sorted() == [
            "people.csv:3:1", "people.csv:4:1", "people.csv:5:1", "people.csv:6:22",
        ])
        #expect(report.problems.contains { $0.message.contains("also on line 2") })
        #expect(try list.all().map(\.email) == ["ann@example.org", "dan@example.org"])
    }

    @Test("A file with no email column is an error at line 1 and imports nothing")
    func missingEmailColumn() throws {
        #expect {
            try list.importCSV("mail,name\nann@example.org,Ann\n", path: "list.csv")
        } throws: { error in
            (error as? Diagnostic)?.location?.description == "list.csv:1:1"
        }
        #expect(try list.all().isEmpty)
    }

    @Test("Importing the same file again changes nothing; a new name updates")
    func idempotent() throws {
        let text = "email,name\nann@example.org,Ann\nbob@example.org,Bob\n"
        #expect(try list.importCSV(text, path: "list.csv") == ImportReport(added: 2))
        let before = try list.all()
        #expect(try list.importCSV(text, path: "list.csv") == ImportReport(unchanged: 2))
        #expect(try list.all() == before)
        let renamed = try list.importCSV("email,name\nann@example.org,Ann Lee\n", path: "list.csv")
        #expect(renamed == ImportReport(updated: 1))
    }

    @Test("An import never makes an unsubscribed or bounced subscriber active again")
    func keepsUnsubscribed() throws {
        _ = try list.importCSV("email\nann@example.org\nbob@example.org\n", path: "list.csv")
        let ids = try list.all().map(\.id)
        _ = try list.setStatus(.unsubscribed, id: ids[0])
        _ = try list.setStatus(.bounced, id: ids[1])
        let report = try list.importCSV("email\nann@example.org\nbob@example.org\n", path: "list.csv")
        #expect(report == ImportReport(keptUnsubscribed: 2))
        #expect(try list.active().isEmpty)
    }

    @Test("An import into a database file is committed: the file opened again holds every row")
    func committedToFile() throws {
        let folder = try TemporaryFolder([:])
        let path = folder.url.appendingPathComponent("subscribers.db").path
        let rows = (1...300).map { "user\($0)@example.org,User \($0)" }
        let report = try SubscriberList(database: try DeliveryDatabase(path: path))
            .importCSV((["email,name"] + rows).joined(separator: "\n"), path: "list.csv")
        #expect(report.added == 300)
        #expect(try SubscriberList(database: try DeliveryDatabase(path: path)).active().count == 300)
    }
}
