import Foundation

/// A post's date as its author wrote it: a calendar date, maybe a time, and
/// maybe a UTC offset. Without an offset the time is local to the site's
/// time zone, which only the site knows, so the instant is found late, with
/// `date(in:)`.
public struct PostDate: Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var nanosecond: Int
    /// Seconds east of UTC, or nil for the site's time zone.
    public var utcOffset: Int?

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                nanosecond: Int = 0, utcOffset: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
        self.utcOffset = utcOffset
    }

    /// Whether the fields name a real day and time (February 30th does not).
    public var isValid: Bool {
        guard (1...12).contains(month), day >= 1, (0...23).contains(hour), (0...59).contains(minute),
              (0...60).contains(second), (0..<1_000_000_000).contains(nanosecond) else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return false }
        if let offset = utcOffset, abs(offset) >= 24 * 3600 { return false }
        return true
    }

    /// The instant this date names, reading a date without an offset in `timeZone`.
    public func date(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utcOffset.flatMap { TimeZone(secondsFromGMT: $0) } ?? timeZone
        let components = DateComponents(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second,
            nanosecond: nanosecond)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    /// RFC 3339 when the offset is known (`2025-01-29T18:15:32+05:30`),
    /// else the same without one (`2014-06-16T00:00:00`).
    public var description: String {
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        if nanosecond != 0 {
            var fraction = pad(nanosecond, 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        if let offset = utcOffset {
            if offset == 0 {
                text += "Z"
            } else {
                let magnitude = abs(offset) / 60
                text += (offset < 0 ? "-" : "+") + "\(pad(magnitude / 60, 2)):\(pad(magnitude % 60, 2))"
            }
        }
        return text
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension PostDate {
    /// Reads the forms Jekyll posts use, and RFC 3339:
    /// `2014-06-16`, `2014-06-16 10:30`, `2014-06-16 10:30:00 +0800`,
    /// `2025-01-29 18:15:32 +05:30`, `2014-06-16T10:30:00.5Z`,
    /// `2014-06-16 10:30:00 UTC`. Returns nil for anything else, or for a
    /// day that does not exist.
    public init?(parsing text: String) {
        var scanner = DateScanner(Array(text.utf8))
        guard let date = scanner.scan(), date.isValid else { return nil }
        self = date
    }
}

/// A small hand-written scanner: the formats are few, and Foundation's
/// formatters disagree across platforms on optional parts.
private struct DateScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func scan() -> PostDate? {
        skipSpaces()
        guard let year = number(minDigits: 4, maxDigits: 4), take(UInt8(ascii: "-")),
              let month = number(minDigits: 1, maxDigits: 2), take(UInt8(ascii: "-")),
              let day = number(minDigits: 1, maxDigits: 2) else { return nil }
        var date = PostDate(year: year, month: month, day: day)
        skipSpaces()
        if atEnd { return date }
        if let byte = peek, !isDigit(byte), byte != UInt8(ascii: "T"), byte != UInt8(ascii: "t") {
            // A zone straight after the day, as Ruby's `Time.parse` allows: `2014-06-16 UTC`.
            return ending(date)
        }
        if peek == UInt8(ascii: "T") || peek == UInt8(ascii: "t") { index += 1 }
        skipSpaces()
        guard let hour = number(minDigits: 1, maxDigits: 2), take(UInt8(ascii: ":")),
              let minute = number(minDigits: 2, maxDigits: 2) else { return nil }
        date.hour = hour
        date.minute = minute
        if take(UInt8(ascii: ":")) {
            guard let second = number(minDigits: 2, maxDigits: 2) else { return nil }
            date.second = second
            if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                let start = index
                guard let fraction = number(minDigits: 1, maxDigits: 9) else { return nil }
                let digits = index - start
                var nanos = fraction
                for _ in digits..<9 { nanos *= 10 }
                date.nanosecond = nanos
                while let byte = peek, isDigit(byte) { index += 1 }
            }
        }
        skipSpaces()
        // `2023-01-29 18:30:22 2023 -0800`: a year repeated before the zone,
        // as some Jekyll posts have it; Ruby's `Time.parse` reads past it.
        let beforeYear = index
        if let year = number(minDigits: 4, maxDigits: 4), year == date.year, peek == 32 || atEnd {
            skipSpaces()
        } else {
            index = beforeYear
        }
        return atEnd ? date : ending(date)
    }

    /// Reads the zone that ends the text into `date`; nil when anything else follows.
    private mutating func ending(_ date: PostDate) -> PostDate? {
        guard let offset = zone() else { return nil }
        var date = date
        date.utcOffset = offset
        skipSpaces()
        return atEnd ? date : nil
    }

    private mutating func zone() -> Int? {
        guard let byte = peek else { return nil }
        if byte == UInt8(ascii: "Z") || byte == UInt8(ascii: "z") {
            index += 1
            return 0
        }
        if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
            index += 1
            let sign = byte == UInt8(ascii: "-") ? -1 : 1
            let start = index
            guard let hours = number(minDigits: 1, maxDigits: 2) else { return nil }
            var minutes = 0
            if take(UInt8(ascii: ":")) {
                guard let value = number(minDigits: 2, maxDigits: 2) else { return nil }
                minutes = value
            } else if index - start == 2, let value = number(minDigits: 2, maxDigits: 2) {
                minutes = value
            }
            guard hours < 24, minutes < 60 else { return nil }
            return sign * (hours * 3600 + minutes * 60)
        }
        let word = String(decoding: bytes[index...], as: UTF8.self).uppercased()
        for name in ["UTC", "GMT", "UT"] where word == name {
            index = bytes.count
            return 0
        }
        return nil
    }

    private var atEnd: Bool { index >= bytes.count }
    private var peek: UInt8? { atEnd ? nil : bytes[index] }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private mutating func skipSpaces() {
        while let byte = peek, byte == 32 || byte == 9 { index += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    private mutating func number(minDigits: Int, maxDigits: Int) -> Int? {
        var value = 0, digits = 0
        while digits < maxDigits, let byte = peek, isDigit(byte) {
            value = value * 10 + Int(byte - 48)
            digits += 1
            index += 1
        }
        return digits >= minDigits ? value : nil
    }
}
