import Foundation
import PublishAST
import PublishReader
import Testing

@Suite("Dates")
struct DateTests {
    // MARK: Reading `date:`

    @Test("A date with a time and a `+0530` zone keeps all of them")
    func compactOffset() throws {
        let date = try #require(try metadata("date: 2025-01-29 18:15:32 +0530\n").date)
        #expect(date == PostDate(year: 2025, month: 1, day: 29, hour: 18, minute: 15, second: 32, utcOffset: 19800))
    }

    @Test("A `+05:30` zone is 19,800 seconds east of UTC")
    func colonOffset() throws {
        let date = try #require(try metadata("date: \"2025-01-29 18:15:32 +05:30\"\n").date)
        #expect(date.utcOffset == 19800)
    }

    @Test("A `Z` zone is UTC")
    func zuluOffset() throws {
        let date = try #require(try metadata("date: \"2014-06-16T10:30:00Z\"\n").date)
        #expect(date == PostDate(year: 2014, month: 6, day: 16, hour: 10, minute: 30, utcOffset: 0))
    }

    @Test("RFC 3339 with a fraction and a negative zone")
    func fractionAndNegativeOffset() throws {
        let date = try #require(try metadata("date: \"2014-06-16T10:30:00.5-07:00\"\n").date)
        #expect(date == PostDate(year: 2014, month: 6, day: 16, hour: 10, minute: 30, second: 0,
                                 nanosecond: 500_000_000, utcOffset: -25200))
    }

    @Test("A time without seconds has no offset")
    func timeWithoutSeconds() throws {
        let date = try #require(try metadata("date: 2014-06-16 10:30\n").date)
        #expect(date == PostDate(year: 2014, month: 6, day: 16, hour: 10, minute: 30))
    }

    // Jekyll reads dates with Ruby's `Time.parse`, which takes a zone after a bare day.
    @Test("A day followed by `UTC` is midnight UTC")
    func dayWithUTC() throws {
        let date = try #require(try metadata("date: 2014-06-16 UTC\n").date)
        #expect(date == PostDate(year: 2014, month: 6, day: 16, utcOffset: 0))
    }

    // Seen in a real Jekyll blog; Ruby's `Time.parse` reads it.
    @Test("A year repeated before the zone is read past")
    func repeatedYear() throws {
        let date = try #require(try metadata("date: '2023-01-29 18:30:22 2023 -0800'\n").date)
        #expect(date == PostDate(year: 2023, month: 1, day: 29, hour: 18, minute: 30, second: 22, utcOffset: -28800))
    }

    @Test("Another number before the zone is still an error")
    func otherNumberRefused() {
        #expect(throws: Diagnostic.self) { try metadata("date: '2023-01-29 18:30:22 2024 -0800'\n") }
    }

    @Test("A time followed by `UTC` is UTC")
    func timeWithUTC() throws {
        let date = try #require(try metadata("date: 2014-06-16 10:30:00 UTC\n").date)
        #expect(date == PostDate(year: 2014, month: 6, day: 16, hour: 10, minute: 30, utcOffset: 0))
    }

    @Test("An unquoted YAML timestamp reads the same as a quoted string",
          arguments: ["2014-06-16", "2014-06-16 10:30:00 -07:00", "2014-06-16T10:30:00.5Z", "2001-12-14t21:59:43.10-05:00"])
    func unquotedTimestamp(value: String) throws {
        let unquoted = try metadata("date: \(value)\n").date
        let quoted = try metadata("date: \"\(value)\"\n").date
        #expect(unquoted != nil && unquoted == quoted)
    }

    @Test("`updated:` is read into `updated`")
    func updated() throws {
        let metadata = try metadata("updated: 2014-07-01 08:00:00 +0800\n")
        #expect(metadata.updated == PostDate(year: 2014, month: 7, day: 1, hour: 8, utcOffset: 28800))
    }

    @Test("`last_modified_at:` is read into `updated`")
    func lastModifiedAt() throws {
        let metadata = try metadata("last_modified_at: 2014-07-01\n")
        #expect(metadata.updated == PostDate(year: 2014, month: 7, day: 1))
    }

    // MARK: Invalid dates

    @Test("A day that does not exist is an error at the value's line and column")
    func february30th() {
        let error = diagnostic(reading: "---\ntitle: Hi\ndate: 2014-02-30\n---\nBody\n", path: "_posts/x.md")
        #expect(error?.description == "_posts/x.md:3:7: error: `date` is not a date: '2014-02-30' "
            + "(write YYYY-MM-DD, optionally with HH:MM:SS and a zone like +08:00)")
    }

    @Test("A word is not a date")
    func yesterday() {
        let error = diagnostic(reading: "---\ntitle: Hi\nlayout: post\ndate:   yesterday\n---\n", path: "p.md")
        #expect(error?.description == "p.md:4:9: error: `date` is not a date: 'yesterday' "
            + "(write YYYY-MM-DD, optionally with HH:MM:SS and a zone like +08:00)")
    }

    @Test("The column of a bad date counts UTF-8 bytes, not characters")
    func columnInBytes() {
        // `«` and `»` are two bytes each: the value starts at character 20, byte 22.
        let error = diagnostic(reading: "---\n{titre: «x», date: 2014-02-30}\n---\n", path: "p.md")
        #expect(error?.location == SourceLocation(path: "p.md", line: 2, column: 22))
    }

    @Test("An invalid `updated:` is an error too")
    func invalidUpdated() {
        let error = diagnostic(reading: "---\nupdated: 2014-06-31\n---\n")
        #expect(error?.location == SourceLocation(path: "post.md", line: 2, column: 10))
    }

    @Test("A date error is an error, not a warning")
    func dateErrorSeverity() {
        #expect(diagnostic(reading: "---\ndate: 2014-02-30\n---\n")?.severity == .error)
    }

    // MARK: Printing

    @Test("A date with an offset prints as RFC 3339")
    func descriptionWithOffset() {
        let date = PostDate(year: 2025, month: 1, day: 29, hour: 18, minute: 15, second: 32, utcOffset: 19800)
        #expect(date.description == "2025-01-29T18:15:32+05:30")
    }

    @Test("A zero offset prints as `Z`")
    func descriptionUTC() {
        let date = PostDate(year: 2014, month: 6, day: 16, hour: 10, minute: 30, utcOffset: 0)
        #expect(date.description == "2014-06-16T10:30:00Z")
    }

    @Test("A date without an offset prints without one")
    func descriptionWithoutOffset() {
        #expect(PostDate(year: 2014, month: 6, day: 16, hour: 9, minute: 5).description == "2014-06-16T09:05:00")
    }

    @Test("A fraction and a negative offset print as RFC 3339")
    func descriptionFraction() {
        let date = PostDate(year: 2014, month: 6, day: 16, hour: 10, minute: 30, nanosecond: 500_000_000,
                            utcOffset: -25200)
        #expect(date.description == "2014-06-16T10:30:00.5-07:00")
    }

    // MARK: Instants

    @Test("A date without an offset is read in the given time zone")
    func localDateUsesTimeZone() throws {
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let utc = try #require(TimeZone(identifier: "UTC"))
        let date = PostDate(year: 2014, month: 6, day: 16)
        #expect(date.date(in: shanghai) == date.date(in: utc).addingTimeInterval(-8 * 3600))
    }

    @Test("Midnight in Shanghai is 16:00 UTC the day before")
    func shanghaiMidnight() throws {
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let date = PostDate(year: 2014, month: 6, day: 16)
        #expect(date.date(in: shanghai) == Date(timeIntervalSince1970: 1_402_876_800 - 8 * 3600))
    }

    @Test("A date with an offset ignores the given time zone")
    func offsetDateIgnoresTimeZone() throws {
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let date = PostDate(year: 2025, month: 1, day: 29, hour: 18, minute: 15, second: 32, utcOffset: 19800)
        #expect(date.date(in: shanghai) == Date(timeIntervalSince1970: 1_738_154_732))
    }

    @Test("A fraction of a second is kept in the instant")
    func fractionInInstant() throws {
        let date = PostDate(year: 2014, month: 6, day: 16, nanosecond: 500_000_000, utcOffset: 0)
        let instant = date.date(in: try #require(TimeZone(identifier: "Asia/Shanghai")))
        #expect(abs(instant.timeIntervalSince1970 - 1_402_876_800.5) < 0.001)
    }
}
