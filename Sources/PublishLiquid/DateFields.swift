/// What Ruby's `Date._parse` finds in a text: it blanks out, one after the
/// other, a weekday, a time with its zone, then the first of its date
/// forms that matches, and reads the parts from what each matched.
struct DateFields {
    var year: Int?, month: Int?, day: Int?, yearDay: Int?
    var hour: Int?, minute: Int?, second: Int?
    var nanoseconds: Int?
    var zone: String?
    private var isBeforeChrist = false
    /// Whether a year of two digits gets its century (`99` is 1999, `24`
    /// is 2024); not for years written with a sign or more digits.
    var completesYear = true
    /// What is left of the text to read: each part read is blanked out.
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
    mutating func take(_ pattern: SearchPattern) -> PatternMatch? {
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
    static func number(_ bytes: some Collection<UInt8>) -> Int {
        var value = 0
        for byte in bytes {
            guard DatePatterns.isDigit(byte) else { break }
            value = min(value * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000_000_000_000)
        }
        return value
    }

    /// The first nine digits of a fraction of a second, as nanoseconds.
    static func nanoseconds(_ digits: some Collection<UInt8>) -> Int {
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
