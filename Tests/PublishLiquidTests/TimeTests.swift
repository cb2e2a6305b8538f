import Foundation
import Testing
@testable import PublishLiquid

/// Ruby's `Time#strftime` and `Time.parse`, and liquid-ruby's `date`
/// filter. Expected texts are Ruby's own (its test_time.rb and the
/// liquid-spec recordings), or follow from its strftime.c.
@Suite struct TimeTests {
    private static let newYork = TimeZone(identifier: "America/New_York")!
    private static let utc = TimeZone(identifier: "UTC")!
    /// The liquid-spec clock: 2024-01-01T00:01:58Z, 2023-12-31 19:01:58 in New York.
    private static let now = Time(seconds: 1_704_067_318, zoneName: "UTC")
    /// Ruby's `T2000`: 2000-01-01T00:00:00Z.
    private let t2000 = Time(seconds: 946_684_800, zoneName: "UTC")

    /// The time with these fields at `offset` seconds east of UTC.
    private func time(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0,
                      offset: Int = 0, nanoseconds: Int = 0, zone: String? = nil) -> Time {
        let wall = Civil.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        return Time(seconds: wall - offset, nanoseconds: nanoseconds, utcOffset: offset, zoneName: zone)
    }

    private func parsed(_ text: String, in zone: TimeZone = newYork, _ format: String = "%F %T %z") -> String? {
        Time.parse(text, in: zone, now: Self.now)?.format(format)
    }

    private func render(_ source: String, _ variables: [String: Value] = [:], zone: TimeZone = utc) throws -> String {
        var environment = Environment()
        for (name, filter) in StandardFilters.dateFilters { environment.filters[name] = filter }
        let template = try Template(source, environment: environment, errorMode: .strict)
        let context = Context(environment: environment, variables: variables, rendersErrors: false,
                              now: Self.now.shown(in: zone), timeZone: zone)
        return try template.render(context)
    }

    // MARK: Formatting

    @Test("Each conversion writes 2000-01-01 UTC as Ruby does")
    func conversions() {
        let expected = ["%a": "Sat", "%A": "Saturday", "%b": "Jan", "%h": "Jan", "%B": "January", "%C": "20",
                        "%d": "01", "%e": " 1", "%H": "00", "%I": "12", "%j": "001", "%k": " 0", "%l": "12",
                        "%m": "01", "%M": "00", "%p": "AM", "%P": "am", "%S": "00", "%s": "946684800", "%u": "6",
                        "%U": "00", "%w": "6", "%W": "00", "%y": "00", "%Y": "2000", "%z": "+0000", "%Z": "UTC",
                        "%%": "%", "%n": "\n", "%t": "\t", "%L": "000", "%N": "000000000"]
        for (pattern, text) in expected {
            #expect(t2000.format(pattern) == text, "\(pattern)")
        }
        #expect(t2000.format("Sat %3a %FT%T") == "Sat Sat 2000-01-01T00:00:00")
    }

    @Test("Composite conversions expand to Ruby's fixed English forms")
    func composites() {
        #expect(t2000.format("%c|%D|%x|%F|%T|%X|%R|%r|%v") ==
            "Sat Jan  1 00:00:00 2000|01/01/00|01/01/00|2000-01-01|00:00:00|00:00:00|00:00|12:00:00 AM| 1-JAN-2000")
        let afternoon = time(2020, 6, 15, 14, 30, 45)
        #expect(afternoon.format("%c") == "Mon Jun 15 14:30:45 2020")
        #expect(afternoon.format("%r") == "02:30:45 PM")
        #expect(afternoon.format("%B %d, %Y at %I:%M %p") == "June 15, 2020 at 02:30 PM")
        #expect(t2000.format("%^c") == "SAT JAN  1 00:00:00 2000")
        let wide = t2000.format("%28c")
        #expect(wide.count == 28 && wide.trimmingCharacters(in: .whitespaces) == t2000.format("%c"))
    }

    @Test("Flags pad with zeros or spaces, drop the padding, and change case")
    func flags() {
        let morning = time(2001, 10, 1, 2)
        let expected = ["%d": "01", "%0d": "01", "%_d": " 1", "%-d": "1", "%e": " 1", "%0e": "01", "%_e": " 1",
                        "%-e": "1", "%p": "AM", "%#p": "am", "%P": "am", "%#P": "AM", "%^P": "AM", "%H": "02",
                        "%0H": "02", "%_H": " 2", "%I": "02", "%_I": " 2", "%k": " 2", "%0k": "02", "%-k": "2",
                        "%l": " 2", "%0l": "02", "%^a": "MON", "%^b": "OCT", "%#a": "MON", "%#A": "MONDAY",
                        "%#b": "OCT", "%#h": "OCT", "%#B": "OCTOBER", "%^B": "OCTOBER", "%-m": "10", "%-j": "274"]
        for (pattern, text) in expected {
            #expect(morning.format(pattern) == text, "\(pattern)")
        }
        let afternoon = time(2001, 10, 1, 14)
        #expect(afternoon.format("%p %#p %P %#P %H %I %_I %k %l %0l") == "PM pm pm PM 14 02  2 14  2 02")
        #expect(t2000.format("%^Z %#Z") == "UTC utc")
    }

    @Test("A width pads names with spaces and numbers with their own padding")
    func widths() {
        #expect(t2000.format("%10A|%010A|%-10A|%_10A") == "  Saturday|00Saturday|Saturday|  Saturday")
        #expect(t2000.format("%5d|%_5d|%-5d|%05e|%5e") == "00001|    1|1|00001|    1")
        #expect(t2000.format("%3S|%6Y|%_6Y|%1m|%4j") == "000|002000|  2000|1|0001")
        #expect(t2000.format("%3t|%03t|%0t|%1n|%3%") == "  \t|00\t|\t|\n|  %")
        #expect(t2000.format("%8p|%-8p|%^8a") == "      AM|AM|     SAT")
    }

    @Test("Week numbers count from Sunday, from Monday, and as ISO 8601 does")
    func weeks() {
        #expect(time(2020, 1, 5).format("%U") == "01")
        #expect(time(2020, 1, 6).format("%W") == "01")
        #expect(time(2020, 1, 1).format("%V") == "01")
        #expect(time(2019, 12, 30).format("%G %g %V") == "2020 20 01")
        #expect(time(2021, 1, 1).format("%G %V") == "2020 53")
        #expect(time(2009, 8, 7).format("%V/%G %-V") == "32/2009 32")
        #expect(t2000.format("%U %W %V %G") == "00 00 52 1999")
        #expect(time(1970, 1, 18).format("%w %u") == "0 7")
    }

    @Test("Years keep at least four digits, and their sign before year 1")
    func years() {
        #expect(time(1, 1, 4).format("%Y %G") == "0001 0001")
        #expect(time(0, 1, 4).format("%Y %G") == "0000 0000")
        #expect(time(-1, 1, 4).format("%Y %G %C %y") == "-0001 -0001 -1 99")
        #expect(Time(seconds: 253_402_300_800).format("%Y-%m-%d %C") == "10000-01-01 100")
        #expect(Time(seconds: 253_402_300_799).format("%F %T") == "9999-12-31 23:59:59")
    }

    @Test("The calendar holds before 1970, in leap years and far from now")
    func calendar() {
        #expect(time(1900, 1, 1).format("%F %A") == "1900-01-01 Monday")
        #expect(time(2100, 12, 31).format("%F %A") == "2100-12-31 Friday")
        #expect(time(1, 1, 1).format("%A") == "Monday")
        #expect(Time(seconds: -86_400).format("%F %T") == "1969-12-31 00:00:00")
        #expect(Time(seconds: -1).format("%F %T") == "1969-12-31 23:59:59")
        #expect(time(2020, 2, 29).format("%j") == "060")
        #expect(time(2020, 12, 31, 23, 59, 59).format("%j %H:%M:%S") == "366 23:59:59")
        #expect(time(2000, 2, 29).format("%F") == "2000-02-29")
        #expect(time(2100, 3, 1).format("%j") == "060")
    }

    @Test("Fractions of a second are cut to the digits asked, never rounded")
    func fractions() {
        let moment = Time(seconds: 946_684_800, nanoseconds: 123_456_789)
        #expect(moment.format("%L %3N %6N %9N %N %0N %-N %10N %12L") ==
            "123 123 123456 123456789 123456789 123456789 123456789 1234567890 123456789000")
        #expect(Time(seconds: 0, nanoseconds: 999_999_999).format("%S.%L") == "00.999")
        #expect(Time(seconds: 0, nanoseconds: 5_000).format("%6N") == "000005")
    }

    @Test("%s is the whole seconds since the epoch, negative before 1970")
    func epochSeconds() {
        #expect(Time(seconds: -86_400, nanoseconds: 500).format("%s") == "-86400")
        #expect(Time(seconds: 3_000_000_000).format("%s %12s %_12s") == "3000000000 003000000000   3000000000")
    }

    @Test("Offsets take colons, widths and padding as Ruby writes them")
    func offsets() {
        let expected: [(Int, String, String)] = [
            (32_400, "%z|%:z|%::z|%:::z", "+0900|+09:00|+09:00:00|+09"),
            (32_401, "%z|%:z|%::z|%:::z", "+0900|+09:00|+09:00:01|+09:00:01"),
            (32_400, "%_10z|%10z|%_10:z|%10:z|%_10::z|%10::z|%10:::z",
             "      +900|+000000900|     +9:00|+000009:00|  +9:00:00|+009:00:00|+000000009"),
            (-18_000, "%z|%:z|%_10z|%10z|%_10:z|%10:z|%_10::z|%10::z|%10:::z",
             "-0500|-05:00|      -500|-000000500|     -5:00|-000005:00|  -5:00:00|-005:00:00|-000000005"),
            (2160, "%_10z|%10z|%_10:z|%10:z|%_10::z|%10::z|%10:::z",
             "      +036|+000000036|     +0:36|+000000:36|  +0:36:00|+000:36:00|+000000:36"),
            (-3300, "%_10z|%10z|%_10:z|%10:z|%_10::z|%10::z|%10:::z",
             "      -055|-000000055|     -0:55|-000000:55|  -0:55:00|-000:55:00|-000000:55"),
            (0, "%z|%-z|%-:z|%-::z|%Z|%10Z", "+0000|+0000|+00:00|+00:00:00||"),
        ]
        for (offset, pattern, text) in expected {
            #expect(t2000.shifted(to: offset).format(pattern) == text)
        }
        #expect(t2000.format("%z|%-z|%-:z|%-::z") == "+0000|-0000|-00:00|-00:00:00")
        #expect(t2000.format("%8192z").count == 8192)
    }

    @Test("A zone's name is written by %Z, in the case asked")
    func zoneNames() {
        let eastern = time(2024, 1, 1, offset: -18_000, zone: "EST")
        #expect(eastern.format("%Z %^Z %#Z %6Z %z") == "EST EST est    EST -0500")
    }

    @Test("Unknown conversions and misplaced flags are written as they stand")
    func unknownConversions() {
        let nine = t2000.shifted(to: 32_400)
        for pattern in ["%Q", "%+", "%4^p", "%:y", "%:0z", "%:10z", "%Ob", "%Eb", "%O0y", "%E0y", "%O10y", "%E10y",
                        "%::::z", "%:", "%E", "%10-d", "%1000000000000d"] {
            #expect(nine.format(pattern) == pattern, "\(pattern)")
        }
        #expect(nine.format("%Ey|%EY|%-Od|%Oe|%EC") == "00|2000|1| 1|20")
        #expect(nine.format("Today is a great day!") == "Today is a great day!")
        #expect(nine.format("日付: %Y年") == "日付: 2000年")
    }

    @Test("A directive cut off by the end of the pattern fails strftime, and format writes it as it stands")
    func cutOffDirective() throws {
        #expect(t2000.format("%Y%") == "2000%")
        #expect(t2000.format("%-") == "%-")
        #expect(throws: LiquidError.argument("invalid format: %Y%")) { try t2000.strftime("%Y%") }
        #expect(throws: LiquidError.self) { try t2000.strftime("%_10") }
        #expect(throws: LiquidError.self) { try t2000.strftime("%99999999d") }
        #expect(try t2000.strftime("%2000000d").count == 2_000_000)
        #expect(try t2000.strftime("%Y %:") == "2000 %:")
    }

    // MARK: Parsing

    @Test("A date without a zone is midnight in the given zone, under its name then")
    func localDates() {
        #expect(parsed("2024-01-01") == "2024-01-01 00:00:00 -0500")
        #expect(parsed("2024-06-01") == "2024-06-01 00:00:00 -0400")
        #expect(parsed("2024-06-01", "%Z") == Self.newYork.abbreviation(for: Date(timeIntervalSince1970: 1_717_214_400)))
        #expect(parsed("2020-06-15 14:30:00", "%F %T %z") == "2020-06-15 14:30:00 -0400")
        #expect(parsed("2024-01-01", in: Self.utc, "%F %T %z %Z") == "2024-01-01 00:00:00 +0000 UTC")
    }

    @Test("Z, UTC and -00:00 make a UTC time")
    func utcTimes() {
        #expect(parsed("2024-01-01T10:00:00Z", "%F %T %z %Z") == "2024-01-01 10:00:00 +0000 UTC")
        #expect(parsed("2020-06-15 12:00:00 UTC", "%s %Z") == "1592222400 UTC")
        #expect(parsed("2024-01-01 10:00:00 -00:00", "%T %Z") == "10:00:00 UTC")
    }

    @Test("An offset the zone has then takes the zone's name; another stays a bare offset")
    func offsetsInText() {
        #expect(parsed("2024-06-01 10:00:00 -04:00", "%T %z") == "10:00:00 -0400")
        #expect(parsed("2024-06-01 10:00:00 -04:00", "%Z") == parsed("2024-06-01 10:00:00", "%Z"))
        #expect(parsed("2024-01-01 10:00:00 +0800", "%F %T %z|%Z|") == "2024-01-01 10:00:00 +0800||")
        #expect(parsed("2024-01-01T10:00:00+05:30", "%T %:z") == "10:00:00 +05:30")
        #expect(parsed("2006-07-05 10:00:00-04:00", "%B %d, %Y") == "July 05, 2006")
        #expect(parsed("2024-01-01 10:00 +08", "%T %z") == "10:00:00 +0800")
    }

    @Test("Zone abbreviations of North America and GMT set the offset")
    func zoneAbbreviations() {
        #expect(parsed("2024-01-01 10:00 PST", "%T %z|%Z|") == "10:00:00 -0800||")
        #expect(parsed("2024-07-01 10:00 PDT", "%T %z") == "10:00:00 -0700")
        #expect(parsed("2024-01-01 10:00 CST", "%T %z") == "10:00:00 -0600")
        #expect(parsed("2024-01-01 10:00 EST", "%T %z") == "10:00:00 -0500")
        #expect(parsed("2024-01-01 10:00 GMT", "%T %z|%Z|") == "10:00:00 +0000||")
        #expect(parsed("2024-01-01 10:00 CET", "%T %z") == "10:00:00 -0500")
    }

    @Test("Fractions of a second are kept to the nanosecond")
    func parsedFractions() {
        #expect(parsed("2024-01-01T10:00:00.123456789Z", "%T.%N") == "10:00:00.123456789")
        #expect(parsed("2024-01-01T10:00:00.5Z", "%N") == "500000000")
        #expect(parsed("2024-01-01 10:00:00,25", "%L") == "250")
        #expect(parsed("2024-01-01T10:00:00.1234567891Z", "%N") == "123456789")
    }

    @Test("RFC 2822 dates and Ruby's own Time#to_s and ctime forms are read")
    func mailDates() {
        #expect(parsed("Mon, 01 Jan 2024 10:00:00 -0500") == "2024-01-01 10:00:00 -0500")
        #expect(parsed("Tue, 4 Jun 2024 08:05:00 GMT", "%F %T %z") == "2024-06-04 08:05:00 +0000")
        #expect(parsed("Fri Jul 16 01:00:00 2004", "%F %T") == "2004-07-16 01:00:00")
        #expect(parsed("2024-01-01 00:01:58 -0500", "%F %T %z") == "2024-01-01 00:01:58 -0500")
    }

    @Test("Month names are read before or after the day, with the year anywhere")
    func monthNames() {
        for text in ["March 14, 2016", "14 March 2016", "Mar 14 2016", "14th March, 2016", "14-Mar-2016",
                     "Mar-14-2016", "2016 March 14", "Monday, March 14th, 2016", "MARCH 14 2016"] {
            #expect(parsed(text, "%F %T") == "2016-03-14 00:00:00", "\(text)")
        }
        #expect(parsed("March 14, 2016 10:30 PM", "%F %T") == "2016-03-14 22:30:00")
    }

    @Test("Slashes and dots put the year first or last, never the month first")
    func numericDates() {
        #expect(parsed("2016/03/14", "%F") == "2016-03-14")
        #expect(parsed("14/03/2016", "%F") == "2016-03-14")
        #expect(parsed("14.03.2016", "%F") == "2016-03-14")
        #expect(parsed("2016.03.14", "%F") == "2016-03-14")
        #expect(parsed("03/14/2016") == nil)
    }

    @Test("What the text leaves out comes from now, seen in the zone, down to the first part given")
    func missingParts() {
        #expect(parsed("Jan 1", "%F %T") == "2023-01-01 00:00:00")
        #expect(parsed("Jan 1", in: Self.utc, "%F %T") == "2024-01-01 00:00:00")
        #expect(parsed("10:30", "%F %T") == "2023-12-31 10:30:00")
        #expect(parsed("10:30 pm", "%F %T") == "2023-12-31 22:30:00")
        #expect(parsed("12 am", "%F %T") == "2023-12-31 00:00:00")
        #expect(parsed("March", "%F %T") == "2023-03-01 00:00:00")
        #expect(parsed("10:00 15", "%F %T") == "2023-12-15 10:00:00")
        #expect(parsed("10:30 +0900", "%F %T %z") == "2024-01-01 10:30:00 +0900")
    }

    @Test("Two-digit years get their century, from 69 in the 1900s")
    func centuries() {
        #expect(parsed("99-01-02", "%F") == "1999-01-02")
        #expect(parsed("24-01-02", "%F") == "2024-01-02")
        #expect(parsed("69-01-01", "%F") == "1969-01-01")
        #expect(parsed("68-01-01", "%F") == "2068-01-01")
        #expect(parsed("0099-01-02", "%F") == "0099-01-02")
    }

    @Test("Runs of digits are read by their length, ordinal dates by the day of the year")
    func digitRuns() {
        #expect(parsed("20240315", "%F %T") == "2024-03-15 00:00:00")
        #expect(parsed("20240315T103000Z", "%F %T %Z") == "2024-03-15 10:30:00 UTC")
        #expect(parsed("2024-060", "%F") == "2024-02-29")
        #expect(parsed("2023-365", "%F") == "2023-12-31")
        #expect(parsed("2023-366") == nil)
    }

    @Test("Days past the month's end run into the next month, as Ruby's Time does")
    func overflowingDays() {
        #expect(parsed("2023-02-30", "%F") == "2023-03-02")
        #expect(parsed("2024-01-01 24:00:00", "%F %T") == "2024-01-02 00:00:00")
    }

    @Test("A wall time skipped by daylight saving moves forward; a repeated one is the first")
    func daylightSaving() {
        #expect(parsed("2024-03-10 02:30", "%F %T %z") == "2024-03-10 03:30:00 -0400")
        #expect(parsed("2024-11-03 01:30", "%F %T %z") == "2024-11-03 01:30:00 -0400")
    }

    @Test("No date or time, a part out of range, or more than 128 characters gives nil")
    func unreadable() {
        for text in ["", "abc", "hello world", "2024-13-01", "2024-01-32", "2024-01-01 25:00", "2024-01-01 24:30",
                     String(repeating: " ", count: 120) + "2024-01-01"] {
            #expect(parsed(text) == nil, "\(text)")
        }
    }

    // MARK: The date filter

    @Test("An empty or nil format gives the input back")
    func emptyFormat() throws {
        #expect(try render("{{ '2020-06-15 14:30:45' | date: '' }}") == "2020-06-15 14:30:45")
        #expect(try render("{{ '2020-06-15 14:30:45' | date: missing }}") == "2020-06-15 14:30:45")
    }

    @Test("now and today, in any case, are the render's time")
    func nowAndToday() throws {
        #expect(try render("{{ 'now' | date: '%Y-%m-%d %H:%M:%S' }}") == "2024-01-01 00:01:58")
        #expect(try render("{{ 'today' | date: '%Y-%m-%d' }} {{ 'Today' | date: '%Y' }} {{ 'NOW' | date: '%s' }}")
            == "2024-01-01 2024 1704067318")
        #expect(try render("{{ 'now' | date: '%F %T %z' }}", zone: Self.newYork) == "2023-12-31 19:01:58 -0500")
    }

    @Test("Integers and text of digits are seconds since the epoch, in the render's zone")
    func epochInput() throws {
        #expect(try render("{{ 1152098955 | date: '%m/%d/%Y' }} {{ '1152098955' | date: '%F' }}") == "07/05/2006 2006-07-05")
        #expect(try render("{{ -86400 | date: '%F' }}") == "1969-12-31")
        #expect(try render("{{ -86400 | date: '%F %z' }}", zone: Self.newYork) == "1969-12-30 -0500")
        #expect(try render("{{ 1152098955 | date: '%T %z' }}", zone: Self.newYork) == "07:29:15 -0400")
    }

    @Test("Text that is no date, floats, arrays and nil come back unchanged")
    func unchangedInput() throws {
        #expect(try render("{{ 'abc' | date: '%D' }}|{{ '' | date: '%D' }}|{{ missing | date: '%D' }}") == "abc||")
        #expect(try render("{{ 1.5 | date: '%Y' }}|{{ true | date: '%Y' }}|{{ list | date: '%Y' }}",
                           ["list": [1, 2]]) == "1.5|true|12")
        #expect(try render("{{ '03/14/2016' | date: '%Y' }}") == "03/14/2016")
    }

    @Test("Dates in text are read as Time.parse reads them")
    func textInput() throws {
        #expect(try render("{{ '2006-07-05 10:00:00 -04:00' | date: '%B %d, %Y' }}") == "July 05, 2006")
        #expect(try render("{{ 'Fri Jul 16 01:00:00 2004' | date: '%m/%d/%Y' }}") == "07/16/2004")
        #expect(try render("{{ '2020-06-15 14:30:00 -0400' | date: '%a, %d %b %Y %H:%M:%S %z' }}")
            == "Mon, 15 Jun 2020 14:30:00 -0400")
        #expect(try render("{{ '2020-06-15' | date: '%^b %#B %-d %e' }}") == "JUN JUNE 15 15")
    }

    @Test("A time value is formatted as it is")
    func timeInput() throws {
        let posted = time(2024, 3, 5, 9, 7, 0, offset: 3600)
        #expect(try render("{{ posted | date: '%-d %B %Y, %H:%M %z' }}", ["posted": .time(posted)])
            == "5 March 2024, 09:07 +0100")
    }

    @Test("A pattern cut off by its end is a Liquid argument error")
    func invalidPattern() {
        let error = #expect(throws: LiquidError.self) { try render("{{ 'now' | date: '%Y%' }}") }
        #expect(error?.kind == .argument && error?.message == "invalid format: %Y%")
    }
}

private extension Time {
    /// The same moment at a fixed offset, with no zone name.
    func shifted(to offset: Int) -> Time {
        Time(seconds: seconds, nanoseconds: nanoseconds, utcOffset: offset)
    }
}
