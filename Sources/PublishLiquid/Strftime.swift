extension Time {
    /// Ruby's `Time#strftime`, what the `date` filter writes: every
    /// conversion of Ruby's (English names, no locale), its flags (`-` no
    /// padding, `_` spaces, `0` zeros, `^` upper case, `#` changed case),
    /// widths (`%10A`, `%3N`) and `%:z` colons. An unknown conversion is
    /// written as it stands, as Ruby writes it; so is a directive cut off
    /// by the end of the pattern, where Ruby raises (see `strftime`).
    public func format(_ pattern: String) -> String {
        written(pattern).text
    }

    /// `format`, failing as Ruby does on a directive cut off by the end of
    /// the pattern (`%`, `%-`) and on a width too large to write.
    func strftime(_ pattern: String) throws(LiquidError) -> String {
        let (text, isInvalid) = written(pattern)
        if isInvalid { throw .argument("invalid format: \(pattern)") }
        return text
    }

    /// The pattern written, and whether Ruby would have raised on it.
    private func written(_ pattern: String) -> (text: String, isInvalid: Bool) {
        let bytes = Array(pattern.utf8)
        var writer = StrftimeWriter(self, patternLength: bytes.count)
        writer.write(bytes)
        return (String(decoding: writer.out, as: UTF8.self), writer.isInvalid)
    }

    /// Whether the time is in UTC, for which Ruby writes `%Z` as `UTC`
    /// and `%-z` as `-0000`.
    var isUTC: Bool { utcOffset == 0 && zoneName == "UTC" }
}

/// A `Time`'s calendar fields in its own offset, on the proleptic
/// Gregorian calendar, for any year.
struct CivilTime {
    var year: Int, month: Int, day: Int
    var hour: Int, minute: Int, second: Int
    /// 0 for Sunday.
    var weekday: Int
    /// 1 for January 1.
    var yearDay: Int

    init(_ time: Time) {
        // Days and seconds apart, so that no sum overflows for far years.
        let (days, secondOfDay) = Civil.divide(time.seconds, by: 86_400)
        let (extraDays, localSecond) = Civil.divide(secondOfDay + time.utcOffset, by: 86_400)
        let day = days + extraDays
        (year, month, self.day) = Civil.date(fromDays: day)
        hour = localSecond / 3600
        minute = localSecond / 60 % 60
        second = localSecond % 60
        weekday = Civil.divide(day + 4, by: 7).remainder
        yearDay = day - Civil.days(year: year, month: 1, day: 1) + 1
    }

    /// The ISO 8601 week (01–53) and the year it belongs to.
    var isoWeek: (week: Int, year: Int) {
        let mondayBased = (weekday + 6) % 7
        let week = (yearDay - mondayBased + 9) / 7
        if week < 1 { return (Civil.isoWeeks(in: year - 1), year - 1) }
        if week > Civil.isoWeeks(in: year) { return (1, year + 1) }
        return (week, year)
    }

    /// `%U` (weeks starting on Sunday) or `%W` (on Monday): days before the
    /// first such day are in week 0.
    func weekNumber(firstDay: Int) -> Int {
        (yearDay - 1 + 7 - (weekday - firstDay + 7) % 7) / 7
    }
}

/// Proleptic Gregorian arithmetic on days since 1970-01-01.
enum Civil {
    /// Floor division, as Ruby's `divmod`: the remainder is never negative.
    static func divide(_ value: Int, by divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    static func days(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let (era, yearOfEra) = divide(shiftedYear, by: 400)
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func date(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let (era, dayOfEra) = divide(days + 719_468, by: 146_097)
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month, day)
    }

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// 53 when the year starts on a Thursday, or on a Wednesday in a leap year.
    static func isoWeeks(in year: Int) -> Int {
        let january1 = divide(days(year: year, month: 1, day: 1) + 4, by: 7).remainder
        return january1 == 4 || (january1 == 3 && isLeap(year)) ? 53 : 52
    }
}

/// One directive's flags and width, as Ruby's strftime reads them.
private struct Directive {
    enum Case { case asIs, upper, lower }

    /// Ruby's "precision": -1 when none was given.
    var width = -1
    /// `-`: numbers unpadded.
    var unpadded = false
    /// `_` or `0`; nil for the conversion's own padding.
    var padding: UInt8?
    var letterCase = Case.asIs
    /// `#`: each conversion decides what the change is.
    var changesCase = false
    var colons = 0
}

/// Ruby's `rb_strftime` for one time: the pattern's bytes copied, each
/// directive replaced by what it converts.
private struct StrftimeWriter {
    let time: Time
    let civil: CivilTime
    var out: [UInt8] = []
    var isInvalid = false
    /// Widths beyond this are refused: Ruby refuses a result longer than a
    /// mebibyte for each byte of the pattern.
    private let widestWidth: Int

    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        .map { Array($0.utf8) }
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"].map { Array($0.utf8) }
    private static let meridians = [Array("AM".utf8), Array("PM".utf8)]
    private static let dateAndTime = Array("%a %b %e %H:%M:%S %Y".utf8)
    private static let shortDate = Array("%m/%d/%y".utf8)
    private static let isoDate = Array("%Y-%m-%d".utf8)
    private static let clock = Array("%H:%M:%S".utf8)
    private static let twelveHourClock = Array("%I:%M:%S %p".utf8)
    private static let hoursAndMinutes = Array("%H:%M".utf8)
    private static let vmsDate = Array("%e-%^b-%4Y".utf8)

    init(_ time: Time, patternLength: Int) {
        self.time = time
        self.civil = CivilTime(time)
        self.widestWidth = max(1024, patternLength << 20)
    }

    mutating func write(_ pattern: [UInt8]) {
        var index = 0
        while index < pattern.count {
            if pattern[index] == UInt8(ascii: "%") {
                index = directive(pattern, at: index)
            } else {
                out.append(pattern[index])
                index += 1
            }
        }
    }

    /// Writes the directive starting with the `%` at `start`; the index
    /// after it.
    private mutating func directive(_ pattern: [UInt8], at start: Int) -> Int {
        var spec = Directive()
        var index = start
        while true {
            index += 1
            guard index < pattern.count else {
                // Ruby raises here; `format` writes what there is.
                isInvalid = true
                out.append(contentsOf: pattern[start...])
                return index
            }
            let byte = pattern[index]
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "^"), UInt8(ascii: "#"), UInt8(ascii: "_"):
                // A flag after a width makes the directive unknown.
                if spec.width > 0 { return unknown(pattern, start, index) }
                switch byte {
                case UInt8(ascii: "-"): spec.unpadded = true; spec.padding = nil; spec.width = 0
                case UInt8(ascii: "^"): spec.letterCase = .upper
                case UInt8(ascii: "#"): spec.changesCase = true
                default: spec.padding = UInt8(ascii: " ")
                }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if byte == UInt8(ascii: "0") { spec.padding = byte }
                let first = index
                var width = 0
                while index < pattern.count, Lexer.isDigit(pattern[index]) {
                    width = min(width * 10 + Int(pattern[index] - UInt8(ascii: "0")), Int(Int32.max) + 1)
                    index += 1
                }
                index -= 1
                if width > Int(Int32.max) { return unknown(pattern, start, first) }
                if width > widestWidth {
                    isInvalid = true
                    return unknown(pattern, start, index)
                }
                spec.width = width
            case UInt8(ascii: ":"):
                var colons = 1
                while true {
                    guard index + colons < pattern.count, colons <= 3 else { return unknown(pattern, start, index) }
                    let next = pattern[index + colons]
                    if next == UInt8(ascii: "z") { break }
                    if next != UInt8(ascii: ":") { return unknown(pattern, start, index) }
                    colons += 1
                }
                spec.colons = colons
                index += colons - 1
            case UInt8(ascii: "E"), UInt8(ascii: "O"):
                // Locale modifiers, ignored before the conversions they fit.
                let fitting = byte == UInt8(ascii: "E") ? "cCxXyY" : "deHkIlmMSuUVwWy"
                guard index + 1 < pattern.count, fitting.utf8.contains(pattern[index + 1]) else {
                    return unknown(pattern, start, index)
                }
            default:
                if !convert(byte, spec) { return unknown(pattern, start, index) }
                return index + 1
            }
        }
    }

    /// Writes an unknown directive as it stands, up to `end`.
    private mutating func unknown(_ pattern: [UInt8], _ start: Int, _ end: Int) -> Int {
        out.append(contentsOf: pattern[start...end])
        return end + 1
    }

    /// Writes one conversion; false when Ruby does not know it.
    private mutating func convert(_ conversion: UInt8, _ given: Directive) -> Bool {
        var spec = given
        let zero = UInt8(ascii: "0"), space = UInt8(ascii: " ")
        switch conversion {
        case UInt8(ascii: "a"), UInt8(ascii: "A"), UInt8(ascii: "b"), UInt8(ascii: "h"), UInt8(ascii: "B"):
            if spec.changesCase { spec.letterCase = .upper }
            let name = conversion == UInt8(ascii: "a") || conversion == UInt8(ascii: "A")
                ? Self.weekdays[civil.weekday] : Self.months[civil.month - 1]
            let isFull = conversion == UInt8(ascii: "A") || conversion == UInt8(ascii: "B")
            text(isFull ? name[...] : name.prefix(3), spec)
        case UInt8(ascii: "p"), UInt8(ascii: "P"):
            if conversion == UInt8(ascii: "p") ? spec.changesCase : !spec.changesCase && spec.letterCase != .upper {
                spec.letterCase = .lower
            }
            text(Self.meridians[civil.hour < 12 ? 0 : 1][...], spec)
        case UInt8(ascii: "Z"):
            if spec.changesCase { spec.letterCase = .lower }
            let name = time.isUTC ? "UTC" : time.zoneName ?? ""
            if !name.isEmpty { text(Array(name.utf8)[...], spec) }
        case UInt8(ascii: "%"): text([conversion], spec)
        case UInt8(ascii: "n"): text([10], spec)
        case UInt8(ascii: "t"): text([9], spec)
        case UInt8(ascii: "c"): composite(Self.dateAndTime, spec)
        case UInt8(ascii: "D"), UInt8(ascii: "x"): composite(Self.shortDate, spec)
        case UInt8(ascii: "F"): composite(Self.isoDate, spec)
        case UInt8(ascii: "T"), UInt8(ascii: "X"): composite(Self.clock, spec)
        case UInt8(ascii: "r"): composite(Self.twelveHourClock, spec)
        case UInt8(ascii: "R"): composite(Self.hoursAndMinutes, spec)
        case UInt8(ascii: "v"): composite(Self.vmsDate, spec)
        case UInt8(ascii: "d"): number(civil.day, zero, 2, spec)
        case UInt8(ascii: "e"): number(civil.day, space, 2, spec)
        case UInt8(ascii: "H"): number(civil.hour, zero, 2, spec)
        case UInt8(ascii: "k"): number(civil.hour, space, 2, spec)
        case UInt8(ascii: "I"): number((civil.hour + 11) % 12 + 1, zero, 2, spec)
        case UInt8(ascii: "l"): number((civil.hour + 11) % 12 + 1, space, 2, spec)
        case UInt8(ascii: "M"): number(civil.minute, zero, 2, spec)
        case UInt8(ascii: "S"): number(civil.second, zero, 2, spec)
        case UInt8(ascii: "m"): number(civil.month, zero, 2, spec)
        case UInt8(ascii: "j"): number(civil.yearDay, zero, 3, spec)
        case UInt8(ascii: "Y"): number(civil.year, zero, civil.year < 0 ? 5 : 4, spec)
        case UInt8(ascii: "C"): number(Civil.divide(civil.year, by: 100).quotient, zero, 2, spec)
        case UInt8(ascii: "y"): number(Civil.divide(civil.year, by: 100).remainder, zero, 2, spec)
        case UInt8(ascii: "G"):
            let year = civil.isoWeek.year
            number(year, zero, year < 0 ? 5 : 4, spec)
        case UInt8(ascii: "g"): number(Civil.divide(civil.isoWeek.year, by: 100).remainder, zero, 2, spec)
        case UInt8(ascii: "V"): number(civil.isoWeek.week, zero, 2, spec)
        case UInt8(ascii: "U"): number(civil.weekNumber(firstDay: 0), zero, 2, spec)
        case UInt8(ascii: "W"): number(civil.weekNumber(firstDay: 1), zero, 2, spec)
        case UInt8(ascii: "u"): number(civil.weekday == 0 ? 7 : civil.weekday, zero, 1, spec)
        case UInt8(ascii: "w"): number(civil.weekday, zero, 1, spec)
        case UInt8(ascii: "s"): number(time.seconds, zero, 1, spec)
        case UInt8(ascii: "L"): fraction(digits: spec.width > 0 ? spec.width : 3)
        case UInt8(ascii: "N"): fraction(digits: spec.width > 0 ? spec.width : 9)
        case UInt8(ascii: "z"): offset(spec)
        default: return false
        }
        return true
    }

    /// Text, right-aligned in the width with spaces (or the `0` or `_`
    /// padding), then put in the directive's case.
    private mutating func text(_ bytes: ArraySlice<UInt8>, _ spec: Directive) {
        if !spec.unpadded, spec.width > bytes.count {
            out.append(contentsOf: repeatElement(spec.padding ?? UInt8(ascii: " "), count: spec.width - bytes.count))
        }
        let start = out.count
        out.append(contentsOf: bytes)
        changeCase(from: start, spec.letterCase)
    }

    private mutating func changeCase(from start: Int, _ letterCase: Directive.Case) {
        guard letterCase != .asIs else { return }
        for index in start..<out.count {
            let byte = out[index]
            if letterCase == .upper, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) { out[index] = byte - 32 }
            if letterCase == .lower, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) { out[index] = byte + 32 }
        }
    }

    /// A number as C's `%0*d` or `%*d`: zeros after the sign, or spaces
    /// before it.
    private mutating func number(_ value: Int, _ defaultPadding: UInt8, _ defaultWidth: Int, _ spec: Directive) {
        let width = spec.unpadded ? 1 : spec.width <= 0 ? defaultWidth : spec.width
        let zeros = (spec.padding ?? defaultPadding) == UInt8(ascii: "0")
        let fill = max(0, width - Self.digitCount(value.magnitude) - (value < 0 ? 1 : 0))
        if !zeros { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: fill)) }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        digits(value.magnitude, count: zeros ? fill + Self.digitCount(value.magnitude) : 0)
    }

    /// Appends the digits of `value`, with zeros before them up to `count`.
    private mutating func digits(_ value: UInt, count: Int) {
        let length = max(count, Self.digitCount(value))
        let end = out.count + length
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: length))
        var rest = value, index = end - 1
        while rest > 0 {
            out[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
    }

    private static func digitCount(_ value: UInt) -> Int {
        var count = 1, rest = value
        while rest >= 10 { rest /= 10; count += 1 }
        return count
    }

    /// `%c`, `%D` and the like: the expansion, put in the directive's case
    /// and right-aligned in its width.
    private mutating func composite(_ expansion: [UInt8], _ spec: Directive) {
        let start = out.count
        write(expansion)
        changeCase(from: start, spec.letterCase)
        let written = out.count - start
        if spec.width > written {
            out.insert(contentsOf: repeatElement(spec.padding ?? UInt8(ascii: " "), count: spec.width - written), at: start)
        }
    }

    /// `%N`, `%L`: the first digits of the fraction of the second, never rounded.
    private mutating func fraction(digits count: Int) {
        var nanoseconds = UInt(max(0, time.nanoseconds))
        for _ in 0..<max(0, 9 - count) { nanoseconds /= 10 }
        digits(nanoseconds, count: min(count, 9))
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, count - 9)))
    }

    /// `%z` (`+0900`), `%:z` (`+09:00`), `%::z` (`+09:00:00`) and `%:::z`
    /// (`+09`, as short as it can be). The width goes to the hours, padded
    /// with zeros after the sign or, with `_`, spaces before it.
    private mutating func offset(_ spec: Directive) {
        let signed = time.isUTC ? 0 : time.utcOffset
        let isNegative = signed < 0 || (time.isUTC && spec.unpadded)
        let seconds = abs(signed)
        let extra: Int
        switch spec.colons {
        case 0: extra = 3
        case 1: extra = 4
        case 2: extra = 7
        default: extra = seconds % 3600 == 0 ? 1 : seconds % 60 == 0 ? 4 : 7
        }
        let hourWidth = spec.width <= extra + 2 ? 2 : spec.width - extra
        let hourDigits = Self.digitCount(UInt(seconds / 3600))
        let sign = UInt8(ascii: isNegative ? "-" : "+")
        if spec.padding == UInt8(ascii: " ") {
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: max(0, hourWidth - hourDigits)))
            out.append(sign)
        } else {
            out.append(sign)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, hourWidth - hourDigits)))
        }
        digits(UInt(seconds / 3600), count: 0)
        let minutes = seconds % 3600 / 60, rest = seconds % 60
        if spec.colons == 3 && seconds % 3600 == 0 { return }
        if spec.colons >= 1 { out.append(UInt8(ascii: ":")) }
        digits(UInt(minutes), count: 2)
        if spec.colons == 3 && rest == 0 { return }
        if spec.colons >= 2 {
            out.append(UInt8(ascii: ":"))
            digits(UInt(rest), count: 2)
        }
    }
}
