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
}
