import Foundation

extension Time {
    /// A time read from text as Ruby's `Time.parse` reads it, for the `date`
    /// filter: `2024-01-01`, `2024-01-01 10:00:00 +0800`, `March 14, 2016`,
    /// `14 March 2016`, RFC 2822 and ISO 8601 forms, a time alone. What the
    /// text leaves out comes from `now` (seen in `zone`), up to the first
    /// part it gives: `Jan 1` is in this year, `10:30` today. A time
    /// without a zone is taken in `zone`. Nil where Ruby raises: no date or
    /// time in the text, a part out of range, text over 128 characters.
    public static func parse(_ text: String, in zone: TimeZone, now: Time) -> Time? {
        DateFields(text)?.time(in: zone, now: now)
    }
}

/// What Ruby's `Date._parse` finds in a text: it blanks out, one after the
/// other, a weekday, a time with its zone, then the first of its date
/// forms that matches, and reads the parts from what each matched.
private struct DateFields {
    var year: Int?, month: Int?, day: Int?, yearDay: Int?
    var hour: Int?, minute: Int?, second: Int?
    var nanoseconds: Int?
    var zone: String?
    private var isBeforeChrist = false
    /// Whether a year of two digits gets its century (`99` is 1999, `24`
    /// is 2024); not for years written with a sign or more digits.
    private var completesYear = true
    private var text: [UInt8]

    init?(_ string: String) {
        guard string.utf8.count <= 128 else { return nil }
        text = DateFields.squeezed(string)
        _ = take(DatePatterns.weekday)
        readTime()
        _ = readEuropean() || readAmerican() || readISO() || readVMS() || readSlashes() || readDots()
            || readISOWeekOrOrdinal() || readQuotedYear() || readMonthName() || readOrdinalDay() || readDigits()
        if take(DatePatterns.beforeChrist) != nil { isBeforeChrist = true }
        readFragment()
        if isBeforeChrist, let year { self.year = 1 - year }
        if completesYear, let year, (0...99).contains(year) { self.year = year + (year >= 69 ? 1900 : 2000) }
    }

    /// The text with each run of characters other than letters, digits and
    /// `-+',./:@[]` made one space.
    private static func squeezed(_ string: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var inRun = false
        for scalar in string.unicodeScalars {
            let kept = scalar.isASCII
                ? DatePatterns.kept.contains(UInt8(scalar.value))
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if kept {
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            } else if !inRun {
                bytes.append(UInt8(ascii: " "))
            }
            inRun = !kept
        }
        return bytes
    }

    /// Finds the pattern and blanks what it matched to one space.
    private mutating func take(_ pattern: SearchPattern) -> PatternMatch? {
        guard let match = PatternMatch.find(pattern, in: text) else { return nil }
        text.replaceSubrange(match.range, with: [UInt8(ascii: " ")])
        return match
    }

    private mutating func readTime() {
        guard let match = take(DatePatterns.time), let clockText = match[1] else { return }
        if let zone = match[2] { self.zone = String(decoding: zone, as: UTF8.self) }
        guard let clock = PatternMatch.find(DatePatterns.clock, in: Array(clockText)), let hourText = clock[1] else {
            return
        }
        var hour = DateFields.number(hourText)
        if let meridian = clock[5] { hour = hour % 12 + (meridian.first.map { $0 | 0x20 } == UInt8(ascii: "p") ? 12 : 0) }
        self.hour = hour
        minute = clock[2].map(DateFields.number)
        second = clock[3].map(DateFields.number)
        if let fraction = clock[4] { nanoseconds = DateFields.nanoseconds(fraction) }
    }

    private mutating func readEuropean() -> Bool {
        guard let match = take(DatePatterns.european) else { return false }
        setDate(year: match[4], month: DateFields.monthNumber(match[2]), day: match[1], era: match[3])
        return true
    }

    private mutating func readAmerican() -> Bool {
        guard let match = take(DatePatterns.american) else { return false }
        setDate(year: match[4], month: DateFields.monthNumber(match[1]), day: match[2], era: match[3])
        return true
    }

    private mutating func readISO() -> Bool {
        guard let match = take(DatePatterns.iso) else { return false }
        setDate(year: match[1], month: match[2], day: match[3])
        return true
    }

    private mutating func readVMS() -> Bool {
        if let match = take(DatePatterns.vmsDayFirst) {
            setDate(year: match[3], month: DateFields.monthNumber(match[2]), day: match[1])
        } else if let match = take(DatePatterns.vmsMonthFirst) {
            setDate(year: match[3], month: DateFields.monthNumber(match[1]), day: match[2])
        } else {
            return false
        }
        return true
    }

    private mutating func readSlashes() -> Bool {
        guard let match = take(DatePatterns.slashes) else { return false }
        setDate(year: match[1], month: match[2], day: match[3])
        return true
    }

    private mutating func readDots() -> Bool {
        guard let match = take(DatePatterns.dots) else { return false }
        setDate(year: match[1], month: match[2], day: match[3])
        return true
    }

    /// ISO 8601's week dates (which `Time.parse` reads nothing from),
    /// `--MM-DD` and ordinal dates (`2024-060`).
    private mutating func readISOWeekOrOrdinal() -> Bool {
        if take(DatePatterns.isoWeek) != nil || take(DatePatterns.isoWeekday) != nil { return true }
        if let match = take(DatePatterns.isoMonthDay) ?? take(DatePatterns.isoMonthDayRun) {
            month = match[1].map(DateFields.number) ?? month
            day = match[2].map(DateFields.number) ?? day
            return true
        }
        if PatternMatch.find(DatePatterns.afterFraction, in: text) == nil, let match = take(DatePatterns.isoOrdinal) {
            year = match[1].map(DateFields.number)
            yearDay = match[2].map(DateFields.number)
            return true
        }
        if PatternMatch.find(DatePatterns.afterDigit, in: text) == nil, let match = take(DatePatterns.isoDayOfYear) {
            yearDay = match[1].map(DateFields.number)
            return true
        }
        return false
    }

    private mutating func readQuotedYear() -> Bool {
        guard let match = take(DatePatterns.quotedYear) else { return false }
        year = match[1].map(DateFields.number)
        return true
    }

    private mutating func readMonthName() -> Bool {
        guard let match = take(DatePatterns.monthName) else { return false }
        month = DateFields.monthNumber(match[1]).map(DateFields.number)
        return true
    }

    private mutating func readOrdinalDay() -> Bool {
        guard let match = take(DatePatterns.ordinalDay) else { return false }
        day = match[1].map(DateFields.number)
        return true
    }

    /// A run of digits read by its length (`20240315`, `240315`, `0315`,
    /// `2024075`), maybe with a time after it (`T103000`), a fraction and
    /// a zone (`Z`, `+0900`, `[-5:EST]`).
    private mutating func readDigits() -> Bool {
        guard let match = take(DatePatterns.digitRun), let run = match[2].map(Array.init) else { return false }
        let isNegative = match[1]?.first == UInt8(ascii: "-")
        let clock = match[3].map(Array.init) ?? []
        // A fraction right after the run makes it a time, read from its end.
        let isClock = match[3] == nil && match[4] != nil
        func pair(_ bytes: [UInt8], _ at: Int) -> Int { DateFields.number(bytes[at..<at + 2]) }
        func signedYear(_ digits: Int) -> Int {
            let value = DateFields.number(run[..<digits])
            return isNegative ? -value : value
        }
        let length = run.count
        switch (length, isClock) {
        case (2, true): second = DateFields.number(run)
        case (2, false): day = DateFields.number(run)
        case (3, true): (minute, second) = (DateFields.number(run[..<1]), pair(run, 1))
        case (3, false): yearDay = DateFields.number(run)
        case (4, true): (minute, second) = (pair(run, 0), pair(run, 2))
        case (4, false): (month, day) = (pair(run, 0), pair(run, 2))
        case (5, true): (hour, minute, second) = (DateFields.number(run[..<1]), pair(run, 1), pair(run, 3))
        case (5, false): (year, yearDay) = (signedYear(2), DateFields.number(run[2...]))
        case (6, true): (hour, minute, second) = (pair(run, 0), pair(run, 2), pair(run, 4))
        case (6, false): (year, month, day) = (signedYear(2), pair(run, 2), pair(run, 4))
        case (7, true): (day, hour, minute, second) = (DateFields.number(run[..<1]), pair(run, 1), pair(run, 3), pair(run, 5))
        case (7, false): (year, yearDay) = (signedYear(4), DateFields.number(run[4...]))
        case (8, true), (10, true), (12, true), (14, true):
            (day, hour, minute, second) = (pair(run, length - 8), pair(run, length - 6), pair(run, length - 4), pair(run, length - 2))
            if length >= 10 { month = pair(run, length - 10) }
            if length == 12 { year = signedYear(2) }
            if length == 14 {
                year = signedYear(4)
                completesYear = false
            }
        case (8, false), (10, false), (12, false), (14, false):
            (year, month, day) = (signedYear(4), pair(run, 4), pair(run, 6))
            if length >= 10 { hour = pair(run, 8) }
            if length >= 12 { minute = pair(run, 10) }
            if length >= 14 { second = pair(run, 12) }
            completesYear = false
        default: break
        }
        if [2, 4, 6].contains(clock.count) {
            if match[4] != nil {
                // With a fraction, the time is read from its end: seconds first.
                second = pair(clock, clock.count - 2)
                if clock.count >= 4 { minute = pair(clock, clock.count - 4) }
                if clock.count == 6 { hour = pair(clock, 0) }
            } else {
                hour = pair(clock, 0)
                if clock.count >= 4 { minute = pair(clock, 2) }
                if clock.count == 6 { second = pair(clock, 4) }
            }
        }
        if let fraction = match[4], !fraction.isEmpty { nanoseconds = DateFields.nanoseconds(fraction) }
        if let zone = match[5] {
            // `[-5:EST]` names its zone after the colon.
            var name = zone
            if name.first == UInt8(ascii: "[") {
                name = name.dropFirst().dropLast()
                if let colon = name.firstIndex(of: UInt8(ascii: ":")) { name = name[(colon + 1)...] }
            }
            self.zone = String(decoding: name, as: UTF8.self)
        }
        return true
    }

    /// One or two digits left alone are the day after a time, or the hour
    /// after a day.
    private mutating func readFragment() {
        guard let match = PatternMatch.find(DatePatterns.fragment, in: text), let digits = match[1] else { return }
        let value = DateFields.number(digits)
        if hour != nil, day == nil, (1...31).contains(value) { day = value }
        if day != nil, hour == nil, (0...24).contains(value) { hour = value }
    }

    /// Ruby's `s3e`: which of three numbers is the year, month and day.
    /// The year is the one written with more than two digits, a sign or
    /// an apostrophe, wherever it stands; two numbers are a month and a day.
    private mutating func setDate(year: ArraySlice<UInt8>?, month: ArraySlice<UInt8>?, day: ArraySlice<UInt8>?,
                                  era: ArraySlice<UInt8>? = nil) {
        var (y, m, d) = (year, month, day)
        if y != nil, m != nil, d == nil { (y, m, d) = (nil, y, m) }
        if y == nil, let dd = d, dd.count > 2 || dd.first == UInt8(ascii: "'") { (y, d) = (d, nil) }
        if let yy = y, let start = yy.firstIndex(where: { DatePatterns.isSign($0) || DatePatterns.isDigit($0) }) {
            var end = start
            if DatePatterns.isSign(yy[end]) { end += 1 }
            while end < yy.endIndex, DatePatterns.isDigit(yy[end]) { end += 1 }
            // A year with more after its digits (`16th`) was the day.
            if end < yy.endIndex { (y, d) = (d, yy[start...]) }
        }
        if let mm = m, mm.count > 2 || mm.first == UInt8(ascii: "'") { (y, m, d) = (m, d, y) }
        if let dd = d, dd.count > 2 || dd.first == UInt8(ascii: "'") { (y, d) = (d, y) }
        if let yy = y, let start = yy.firstIndex(where: { DatePatterns.isSign($0) || DatePatterns.isDigit($0) }) {
            let digits = yy[start...].drop { DatePatterns.isSign($0) }.prefix { DatePatterns.isDigit($0) }
            if DatePatterns.isSign(yy[start]) || digits.count > 2 { completesYear = false }
            let value = DateFields.number(digits)
            self.year = yy[start] == UInt8(ascii: "-") ? -value : value
        }
        if era?.first.map({ $0 | 0x20 }) == UInt8(ascii: "b") { isBeforeChrist = true }
        if let mm = m { self.month = DateFields.number(mm.drop { !DatePatterns.isDigit($0) }) }
        if let dd = d { self.day = DateFields.number(dd.drop { !DatePatterns.isDigit($0) }) }
    }

    /// The leading digits as a number, held below 10¹⁵ so that a long run
    /// fails the range checks instead of overflowing.
    private static func number(_ bytes: some Collection<UInt8>) -> Int {
        var value = 0
        for byte in bytes {
            guard DatePatterns.isDigit(byte) else { break }
            value = min(value * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000_000_000_000)
        }
        return value
    }

    /// The first nine digits of a fraction of a second, as nanoseconds.
    private static func nanoseconds(_ digits: some Collection<UInt8>) -> Int {
        let nine = digits.prefix(9)
        var value = number(nine)
        for _ in nine.count..<9 { value *= 10 }
        return value
    }

    /// A month name's number, as text for `setDate`.
    private static func monthNumber(_ name: ArraySlice<UInt8>?) -> ArraySlice<UInt8>? {
        guard let name else { return nil }
        let prefix = Array(name.prefix(3).map { $0 | 0x20 })
        return DatePatterns.monthNames.firstIndex(of: prefix).map { Array(String($0 + 1).utf8)[...] }
    }
}

extension DateFields {
    /// Ruby's `Time.make_time`: the fields left out are filled from `now`
    /// down to the first given, the rest from January 1, 00:00:00; a zone
    /// Ruby knows fixes the offset, and the result is shown in `zone` when
    /// that zone has the same offset then.
    func time(in zone: TimeZone, now: Time) -> Time? {
        guard year != nil || yearDay != nil || month != nil || day != nil || hour != nil || minute != nil
            || second != nil || nanoseconds != nil else { return nil }
        // `now` as Ruby sees it: in the text's offset when it gives one Ruby knows, else in `zone`.
        func nowSeen(at offset: Int?) -> CivilTime {
            let seconds = now.seconds
            return CivilTime(Time(seconds: seconds, utcOffset: offset
                ?? zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))))
        }
        let offsetYear = year ?? nowSeen(at: nil).year
        var offset = self.zone.flatMap { DateFields.offset(of: $0, year: offsetYear, in: zone) }
        var fields = [year, month, day, hour, minute, second]
        if let yearDay {
            guard (1...(Civil.isLeap(offsetYear) ? 366 : 365)).contains(yearDay) else { return nil }
            let date = Civil.date(fromDays: Civil.days(year: offsetYear, month: 1, day: 1) + yearDay - 1)
            (fields[1], fields[2]) = (date.month, date.day)
        }
        if year == nil {
            let seen = nowSeen(at: offset)
            let current = [seen.year, seen.month, seen.day, seen.hour, seen.minute, seen.second]
            for index in 0..<(fields.firstIndex { $0 != nil } ?? fields.count) { fields[index] = current[index] }
        }
        let values = zip(fields, [1970, 1, 1, 0, 0, 0]).map { $0 ?? $1 }
        let (year, month, day, hour, minute, second) = (values[0], values[1], values[2], values[3], values[4], values[5])
        guard abs(year) <= 1_000_000_000, (1...12).contains(month), (1...31).contains(day),
              (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              hour < 24 || (minute == 0 && second == 0) else { return nil }
        if year != offsetYear { offset = self.zone.flatMap { DateFields.offset(of: $0, year: year, in: zone) } }
        let wall = Civil.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        let nanoseconds = self.nanoseconds ?? 0
        guard let offset else {
            return Time(seconds: DateFields.instant(wall: wall, in: zone), nanoseconds: nanoseconds).shown(in: zone)
        }
        let instant = Time(seconds: wall - offset, nanoseconds: nanoseconds)
        if let name = self.zone, DateFields.isUTC(name) {
            return Time(seconds: instant.seconds, nanoseconds: nanoseconds, utcOffset: 0, zoneName: "UTC")
        }
        // Ruby prefers the local zone, with its name, to a bare offset.
        let local = instant.shown(in: zone)
        return local.utcOffset == offset ? local : Time(seconds: instant.seconds, nanoseconds: nanoseconds, utcOffset: offset)
    }

    /// The moment a wall-clock time in `zone` names: at a change of offset,
    /// the earlier of two readings, and a time skipped moves forward.
    private static func instant(wall: Int, in zone: TimeZone) -> Int {
        func offset(at seconds: Int) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))) }
        let before = offset(at: wall - 86_400), after = offset(at: wall + 86_400)
        for candidate in [before, after] where offset(at: wall - candidate) == candidate {
            return wall - candidate
        }
        return wall - before
    }

    /// `-00:00`, `-0000`, `-00`, `UTC`, `Z` and `UT` mean UTC itself.
    private static func isUTC(_ zone: String) -> Bool {
        ["-00:00", "-0000", "-00", "UTC", "Z", "UT"].contains(zone.uppercased())
    }

    /// Ruby's `Time.zone_offset`: `+09:00`, `+0900`, `+09:00:00`, `+09`,
    /// the zones of RFC 822 and the military letters, or the local zone's
    /// own abbreviation in January or July. Nil for any other name, which
    /// leaves the time local.
    private static func offset(of zone: String, year: Int, in local: TimeZone) -> Int? {
        let name = zone.uppercased()
        let bytes = Array(name.utf8)
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            let body = bytes.dropFirst()
            let parts: [ArraySlice<UInt8>]
            if body.contains(UInt8(ascii: ":")) {
                parts = body.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
                guard parts.count == 2 || parts.count == 3 else { return nil }
            } else {
                guard [2, 4, 6].contains(body.count) else { return nil }
                parts = stride(from: body.startIndex, to: body.endIndex, by: 2).map { body[$0..<$0 + 2] }
            }
            guard parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(DatePatterns.isDigit) }) else { return nil }
            let seconds = zip(parts, [3600, 60, 1]).reduce(0) { $0 + number($1.0) * $1.1 }
            return sign == UInt8(ascii: "-") ? -seconds : seconds
        }
        if let hours = zoneHours[name] { return hours * 3600 }
        for month in [1, 7] {
            let date = Date(timeIntervalSince1970: Double(Civil.days(year: year, month: month, day: 1) * 86_400))
            if local.abbreviation(for: date)?.uppercased() == name { return local.secondsFromGMT(for: date) }
        }
        return nil
    }

    private static let zoneHours: [String: Int] = {
        var hours = ["UTC": 0, "Z": 0, "UT": 0, "GMT": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
                     "MST": -7, "MDT": -6, "PST": -8, "PDT": -7]
        for (index, letter) in "ABCDEFGHIKLM".enumerated() { hours[String(letter)] = index + 1 }
        for (index, letter) in "NOPQRSTUVWXY".enumerated() { hours[String(letter)] = -(index + 1) }
        return hours
    }()
}

/// A pattern of `Date._parse`, over bytes and without case, matched the
/// way Ruby matches its regular expressions: leftmost, greedy, backtracking.
private indirect enum DatePattern: Sendable, ExpressibleByStringLiteral {
    case byte(ByteClass)
    case text([UInt8])
    case sequence([DatePattern])
    case either([DatePattern])
    case repeated(DatePattern, min: Int, max: Int)
    /// What the pattern matched is kept as group 1 to 5.
    case group(Int, DatePattern)
    case wordBoundary, start, end

    init(stringLiteral text: String) { self = .text(Array(text.utf8)) }

    static func optional(_ pattern: DatePattern) -> DatePattern { .repeated(pattern, min: 0, max: 1) }
    static func any(_ pattern: DatePattern) -> DatePattern { .repeated(pattern, min: 0, max: .max) }
    static func some(_ pattern: DatePattern) -> DatePattern { .repeated(pattern, min: 1, max: .max) }
}

/// A pattern searched for, with the bytes a match of it can start with,
/// so that the search tries only where one may start.
private struct SearchPattern: Sendable {
    let pattern: DatePattern
    /// Nil when a match can be empty.
    let firstBytes: ByteClass?

    init(_ pattern: DatePattern) {
        self.pattern = pattern
        let (bytes, canBeEmpty) = pattern.opening
        firstBytes = canBeEmpty ? nil : ByteClass { bytes.contains($0) }
    }
}

extension DatePattern {
    /// The (lower-case) bytes a match can start with, and whether a match
    /// can be empty.
    fileprivate var opening: (bytes: Set<UInt8>, canBeEmpty: Bool) {
        switch self {
        case .byte(let members):
            return (Set((0...255).map(UInt8.init).filter(members.contains)), false)
        case .text(let bytes):
            return (Set(bytes.prefix(1)), bytes.isEmpty)
        case .sequence(let items):
            var bytes = Set<UInt8>()
            for item in items {
                let (first, canBeEmpty) = item.opening
                bytes.formUnion(first)
                if !canBeEmpty { return (bytes, false) }
            }
            return (bytes, true)
        case .either(let choices):
            let openings = choices.map(\.opening)
            return (openings.reduce(into: Set()) { $0.formUnion($1.bytes) }, openings.contains { $0.canBeEmpty })
        case .repeated(let item, let least, _):
            let (bytes, canBeEmpty) = item.opening
            return (bytes, least == 0 || canBeEmpty)
        case .group(_, let inner):
            return inner.opening
        case .wordBoundary, .start, .end:
            return ([], true)
        }
    }
}

/// A set of bytes.
private struct ByteClass: Sendable {
    private let members: [Bool]

    init(_ contains: (UInt8) -> Bool) { members = (0...255).map { contains(UInt8($0)) } }
    init(anyOf characters: String) { self.init { characters.utf8.contains($0) } }

    var inverted: ByteClass { ByteClass { !contains($0) } }

    func contains(_ byte: UInt8) -> Bool { members[Int(byte)] }
}

/// Where a pattern matched in a text, and what its groups kept.
private final class PatternMatch {
    private let text: [UInt8]
    private var groups: [Range<Int>?] = Array(repeating: nil, count: 6)
    private(set) var range = 0..<0

    private init(_ text: [UInt8]) { self.text = text }

    /// The leftmost match of `search` in `text`.
    static func find(_ search: SearchPattern, in text: [UInt8]) -> PatternMatch? {
        let match = PatternMatch(text)
        for start in 0...text.count {
            if let first = search.firstBytes, start == text.count || !first.contains(match.lowered(text[start])) {
                continue
            }
            if match.matches(search.pattern, at: start, then: { end in
                match.range = start..<end
                return true
            }) {
                return match
            }
        }
        return nil
    }

    subscript(group: Int) -> ArraySlice<UInt8>? { groups[group].map { text[$0] } }

    /// Whether `pattern` matches at `index` with the rest of the match,
    /// `next`, matching after it.
    private func matches(_ pattern: DatePattern, at index: Int, then next: (Int) -> Bool) -> Bool {
        switch pattern {
        case .byte(let members):
            return index < text.count && members.contains(lowered(text[index])) && next(index + 1)
        case .text(let bytes):
            guard index + bytes.count <= text.count,
                  zip(text[index...], bytes).allSatisfy({ lowered($0) == $1 }) else { return false }
            return next(index + bytes.count)
        case .sequence(let items):
            return sequence(items[...], at: index, then: next)
        case .either(let choices):
            return choices.contains { matches($0, at: index, then: next) }
        case .repeated(let item, let least, let most):
            return repeated(item, least, most, count: 0, at: index, then: next)
        case .group(let number, let inner):
            let saved = groups[number]
            let found = matches(inner, at: index) { end in
                let before = groups[number]
                groups[number] = index..<end
                if next(end) { return true }
                groups[number] = before
                return false
            }
            if !found { groups[number] = saved }
            return found
        case .wordBoundary:
            return isWord(at: index - 1) != isWord(at: index) && next(index)
        case .start:
            return index == 0 && next(index)
        case .end:
            return index == text.count && next(index)
        }
    }

    private func sequence(_ items: ArraySlice<DatePattern>, at index: Int, then next: (Int) -> Bool) -> Bool {
        guard let first = items.first else { return next(index) }
        return matches(first, at: index) { sequence(items.dropFirst(), at: $0, then: next) }
    }

    /// As many as it can, then fewer while the rest fails.
    private func repeated(_ item: DatePattern, _ least: Int, _ most: Int, count: Int, at index: Int,
                          then next: (Int) -> Bool) -> Bool {
        if count < most, matches(item, at: index, then: { end in
            end > index && repeated(item, least, most, count: count + 1, at: end, then: next)
        }) {
            return true
        }
        return count >= least && next(index)
    }

    func lowered(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    private func isWord(at index: Int) -> Bool {
        guard text.indices.contains(index) else { return false }
        let byte = text[index]
        return DatePatterns.isDigit(byte) || DatePatterns.isLetter(byte) || byte == UInt8(ascii: "_")
    }
}

/// The patterns of `Date._parse` that `Time.parse` relies on.
private enum DatePatterns {
    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    static func isSign(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") }
    static func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || (9...13).contains(byte) }
    /// ASCII letters, and any byte of a character beyond ASCII.
    static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || byte >= 0x80
    }

    /// The ASCII characters `Date._parse` keeps; others become spaces.
    static let kept = ByteClass { isDigit($0) || isLetter($0) || "-+',./:@[]".utf8.contains($0) }

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .map { Array($0.utf8) }
    private static let month = DatePattern.either(monthNames.map(DatePattern.text))
    private static let digit = DatePattern.byte(ByteClass(isDigit))
    private static let digits = DatePattern.some(digit)
    private static let space = DatePattern.byte(ByteClass(isSpace))
    private static let spaces = DatePattern.any(space)
    private static let sign = DatePattern.byte(ByteClass(isSign))
    private static let commaOrDot = DatePattern.byte(ByteClass(anyOf: ",."))
    private static func digits(_ count: Int) -> DatePattern { .repeated(digit, min: count, max: count) }
    private static let twoOrFourDigits = DatePattern.either([digits(2), digits(4)])
    /// What may follow a day or a month name: `th`, `uary,`.
    private static let nameTail = DatePattern.any(.byte(ByteClass { isDigit($0) || isSpace($0) || $0 == UInt8(ascii: "-")
        || $0 == UInt8(ascii: "'") }.inverted))
    /// A year as written: `2024`, `-44`, `'99`.
    private static let year = DatePattern.sequence([.optional("'"), .optional("-"), digits])
    private static let quotedDigits = DatePattern.sequence([.optional("'"), digits])
    private static let era = DatePattern.either([
        .sequence(["c", .either(["e", ".e."])]), .sequence(["b", .either(["ce", ".c.e."])]),
        .sequence(["a", .either(["d", ".d."])]), .sequence(["b", .either(["c", ".c."])]),
    ])
    private static let meridian = DatePattern.sequence([
        .byte(ByteClass(anyOf: "ap")), .either([.sequence(["m", .wordBoundary]), ".m."]),
    ])

    /// `Mon`, `Monday,`.
    static let weekday = SearchPattern(.sequence([
        .wordBoundary, .either(["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
        .any(.byte(ByteClass { isDigit($0) || isSpace($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") }
            .inverted)),
    ]))

    /// A time (`10:30`, `10:30:15.25`, `10h30`, `10 pm`) as group 1 and
    /// the zone after it (`Z`, `+09:00`, `PST`, `Eastern Standard Time`)
    /// as group 2.
    static let time: SearchPattern = {
        let colons = DatePattern.sequence([
            digits, spaces, ":", spaces, digits,
            .optional(.sequence([spaces, ":", spaces, digits, .optional(.sequence([commaOrDot, .any(digit)]))])),
        ])
        let hours = DatePattern.sequence([
            digits, spaces, "h", .optional(.sequence([spaces, digits, .optional("m"),
                                                      .optional(.sequence([spaces, digits, .optional("s")]))])),
        ])
        let clock = DatePattern.either([
            .sequence([.either([colons, hours]), .optional(.sequence([spaces, meridian]))]),
            .sequence([digits, spaces, meridian]),
        ])
        let letters = DatePattern.byte(ByteClass(isLetter))
        let zone = DatePattern.either([
            .sequence([.optional(.either(["gmt", .sequence(["ut", .optional("c")])])), sign, digits,
                       .optional(.sequence([.byte(ByteClass(anyOf: ",.:")), digits, .optional(.sequence([":", digits]))]))]),
            .sequence([.some(.byte(ByteClass { isLetter($0) || isSpace($0) || $0 == UInt8(ascii: ".") })),
                       .either(["standard", "daylight"]), space, "time", .wordBoundary]),
            .sequence([.some(letters), .optional(.sequence([space, "dst"])), .wordBoundary]),
        ])
        return SearchPattern(.sequence([.group(1, clock), .optional(.sequence([spaces, .group(2, zone)]))]))
    }()

    /// The parts of a time: hour, minute, second, fraction, `a` or `p`.
    static let clock = SearchPattern(.sequence([
        .start, .group(1, digits), .optional("h"),
        .optional(.sequence([
            spaces, .optional(":"), spaces, .group(2, digits), .optional("m"),
            .optional(.sequence([spaces, .optional(":"), spaces, .group(3, digits),
                                 .optional(.sequence([commaOrDot, .group(4, digits)])), .optional("s")])),
        ])),
        .optional(.sequence([spaces, .group(5, .byte(ByteClass(anyOf: "ap"))), .either([.sequence(["m", .wordBoundary]), ".m."])])),
    ]))

    /// `14 March 2016`, `14th Mar`: day, month, era, year.
    static let european = SearchPattern(.sequence([
        .optional("'"), .wordBoundary, .group(1, digits), nameTail, spaces, .group(2, month), nameTail,
        .optional(.sequence([spaces, .optional(.group(3, era)), spaces,
                             .group(4, .sequence([year, .optional(.sequence([.either(["st", "nd", "rd", "th"]), .wordBoundary]))]))])),
    ]))

    /// `March 14, 2016`, `Jan 1`: month, day, era, year.
    static let american = SearchPattern(.sequence([
        .wordBoundary, .group(1, month), nameTail, spaces, .group(2, quotedDigits), nameTail,
        .optional(.sequence([spaces, .optional(","), spaces, .optional(.group(3, era)), spaces, .group(4, year)])),
    ]))

    /// `2016-03-14`.
    static let iso = SearchPattern(.sequence([
        .group(1, .sequence([.optional("'"), .optional(sign), digits])), "-", .group(2, digits), "-", .group(3, year),
    ]))

    /// `14-Mar-2016`.
    static let vmsDayFirst = SearchPattern(.sequence([
        .group(1, year), "-", .group(2, month), .any(.byte(ByteClass(anyOf: "-/.").inverted)), "-", .group(3, year),
    ]))

    /// `Mar-14-2016`, `Mar-14`.
    static let vmsMonthFirst = SearchPattern(.sequence([
        .wordBoundary, .group(1, month), .any(.byte(ByteClass(anyOf: "-/.").inverted)), "-", .group(2, year),
        .optional(.sequence(["-", .group(3, year)])),
    ]))

    /// `2016/03/14`, `14/03/2016`.
    static let slashes = SearchPattern(.sequence([
        .group(1, year), "/", spaces, .group(2, quotedDigits),
        .optional(.sequence([.byte(ByteClass(isDigit).inverted), spaces, .group(3, year)])),
    ]))

    /// `14.03.2016`, `2016.03.14`.
    static let dots = SearchPattern(.sequence([
        .group(1, year), ".", spaces, .group(2, quotedDigits), ".", spaces, .group(3, year),
    ]))

    /// `2016-W11-1`, `W11`.
    static let isoWeek = SearchPattern(.sequence([
        .wordBoundary, .optional(twoOrFourDigits), .optional("-"), "w", digits(2),
        .optional(.sequence([.optional("-"), digit])), .wordBoundary,
    ]))
    /// `-W-1`.
    static let isoWeekday = SearchPattern(.sequence(["-w-", digit, .wordBoundary]))
    /// `--03-14`, `---14`.
    static let isoMonthDay = SearchPattern(.sequence([
        "--", .optional(.group(1, digits(2))), "-", .group(2, digits(2)), .wordBoundary,
    ]))
    /// `--0314`, `--03`.
    static let isoMonthDayRun = SearchPattern(.sequence([
        "--", .group(1, digits(2)), .optional(.group(2, digits(2))), .wordBoundary,
    ]))
    /// `2016-074`: year and day of the year.
    static let isoOrdinal = SearchPattern(.sequence([
        .wordBoundary, .group(1, twoOrFourDigits), "-", .group(2, digits(3)), .wordBoundary,
    ]))
    /// What keeps `isoOrdinal` from reading the end of a fraction.
    static let afterFraction = SearchPattern(.sequence([commaOrDot, twoOrFourDigits, "-", digits(3), .wordBoundary]))
    /// `-074`: the day of the year alone.
    static let isoDayOfYear = SearchPattern(.sequence([.wordBoundary, "-", .group(1, digits(3)), .wordBoundary]))
    /// What keeps `isoDayOfYear` from reading the end of a date.
    static let afterDigit = SearchPattern(.sequence([digit, "-", digits(3), .wordBoundary]))

    /// `'16`.
    static let quotedYear = SearchPattern(.sequence(["'", .group(1, digits), .wordBoundary]))
    /// `March` alone.
    static let monthName = SearchPattern(.sequence([.wordBoundary, .group(1, month), .any(.byte(ByteClass(isSpace).inverted))]))
    /// `14th` alone.
    static let ordinalDay = SearchPattern(.sequence([.group(1, digits), .either(["st", "nd", "rd", "th"]), .wordBoundary]))

    /// A sign, a run of digits, a time of digits, a fraction and a zone.
    static let digitRun = SearchPattern(.sequence([
        .group(1, .optional(sign)), .group(2, .repeated(digit, min: 2, max: 14)),
        .optional(.sequence([spaces, .optional("t"), spaces, .optional(.group(3, .repeated(digit, min: 2, max: 6))),
                             .optional(.sequence([commaOrDot, .group(4, .any(digit))]))])),
        .optional(.sequence([spaces, .group(5, .either([
            .sequence(["z", .wordBoundary]),
            .sequence([sign, .repeated(digit, min: 1, max: 4), .wordBoundary]),
            .sequence(["[", .optional(sign), digit, .any(.byte(ByteClass(anyOf: "]").inverted)), "]"]),
        ]))])),
    ]))

    /// `BC`, `BCE`, `B.C.`.
    static let beforeChrist = SearchPattern(.sequence([
        .wordBoundary, .either([.sequence(["bc", .wordBoundary]), .sequence(["bce", .wordBoundary]), "b.c.", "b.c.e."]),
    ]))

    /// One or two digits, all that is left.
    static let fragment = SearchPattern(.sequence([.start, spaces, .group(1, .repeated(digit, min: 1, max: 2)), spaces, .end]))
}
