import Foundation
import TestSupport
import Testing

@Suite("publish subscribers")
struct SubscribersCommandTests {
    /// A site folder whose list the commands change.
    final class Site: TemporaryFolder, @unchecked Sendable {
        func subscribers(_ arguments: [String]) throws -> Publish.Run {
            try Publish.run(["subscribers"] + arguments + ["--source", url.path])
        }
    }

    @Test("add, list and remove: one line each saying what happened; list prints email, name and status by id")
    func addListRemove() throws {
        let site = try Site([:])
        let added = try site.subscribers(["add", "ann@example.org", "--name", "Ann Lee"])
        #expect(added.status == 0 && added.stdout == "added ann@example.org\n", "\(added.stderr)")
        #expect(site.exists("subscribers.db"))
        #expect(try site.subscribers(["add", "bob@example.org"]).status == 0)
        #expect(try site.subscribers(["add", "ANN@example.org", "--name", "Ann Lee"]).stdout
                == "unchanged ann@example.org\n")
        #expect(try site.subscribers(["list"]).stdout == "ann@example.org\tAnn Lee\tactive\nbob@example.org\t\tactive\n")
        let removed = try site.subscribers(["remove", "ann@example.org"])
        #expect(removed.status == 0 && removed.stdout == "removed ann@example.org\n")
        #expect(try site.subscribers(["list"]).stdout == "bob@example.org\t\tactive\n")
    }

    @Test("A bad address is an error on stderr with a non-zero exit, and nothing is added")
    func badAddress() throws {
        let site = try Site([:])
        let run = try site.subscribers(["add", "ann at example.org"])
        #expect(run.status != 0 && run.stdout.isEmpty)
        #expect(run.stderr.contains("error: 'ann at example.org' is not an email address"), "\(run.stderr)")
        #expect(try site.subscribers(["list"]).stdout.isEmpty)
    }

    @Test("Removing an address that is not on the list says so and exits 1")
    func removeUnknown() throws {
        let site = try Site([:])
        let run = try site.subscribers(["remove", "nobody@example.org"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("'nobody@example.org' is not on the list"))
    }

    @Test("import: a quoted name with a comma goes in; a bad address on its line and a duplicate are reported")
    func importCSV() throws {
        let site = try Site(["people.csv": """
            Name,Email,Joined\r
            "Lee, Ann",ann@example.org,2020\r
            Bob,bob(at)example.org,2021\r
            Cat,cat@example.org,2022\r
            Ann again,Ann@Example.org,2023\r

            """])
        let file = site.url.appendingPathComponent("people.csv").path
        let run = try site.subscribers(["import", file])
        #expect(run.status == 1)
        #expect(run.stdout == "imported 2, updated 0, unchanged 0, 2 problems\n")
        #expect(run.stderr.contains("\(file):3:5: error: 'bob(at)example.org' is not an email address"), "\(run.stderr)")
        #expect(run.stderr.contains("\(file):5:11: error: 'Ann@Example.org' is also on line 2"), "\(run.stderr)")
        #expect(try site.subscribers(["list"]).stdout == "ann@example.org\tLee, Ann\tactive\ncat@example.org\tCat\tactive\n")
        let again = try site.subscribers(["import", file])
        #expect(again.stdout == "imported 0, updated 0, unchanged 2, 2 problems\n")
    }

    @Test("A file with only good rows imports with exit 0; a removed address comes back with the next import")
    func importClean() throws {
        let site = try Site(["list.csv": "email\nann@example.org\nbob@example.org\n"])
        let file = site.url.appendingPathComponent("list.csv").path
        #expect(try site.subscribers(["import", file]).status == 0)
        #expect(try site.subscribers(["remove", "bob@example.org"]).status == 0)
        let run = try site.subscribers(["import", file])
        #expect(run.status == 0 && run.stdout == "imported 1, updated 0, unchanged 1, 0 problems\n", "\(run.stderr)")
    }

    @Test("--database names another file, created when missing")
    func databaseOption() throws {
        let site = try Site([:])
        let database = site.url.appendingPathComponent("lists.sqlite").path
        #expect(try site.subscribers(["add", "ann@example.org", "--database", database]).status == 0)
        #expect(FileManager.default.fileExists(atPath: database) && !site.exists("subscribers.db"))
        #expect(try site.subscribers(["list", "--database", database]).stdout == "ann@example.org\t\tactive\n")
    }

    @Test("A missing CSV file is an error naming it")
    func missingFile() throws {
        let site = try Site([:])
        let run = try site.subscribers(["import", "/nonexistent/list.csv"])
        #expect(run.status == 1 && run.stderr.contains("/nonexistent/list.csv: error: cannot read the file"))
    }
}
