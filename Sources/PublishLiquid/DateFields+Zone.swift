import Foundation

extension DateFields {
    /// `-00:00`, `-0000`, `-00`, `UTC`, `Z` and `UT` mean UTC itself.
    static func isUTC(_ zone: String) -> Bool {
        ["-00:00", "-0000", "-00", "UTC", "Z", "UT"].contains(zone.uppercased())
    }

    /// Ruby's `Time.zone_offset`: `+09:00`, `+0900`, `+09:00:00`, `+09`,
    /// the zones of RFC 822 and the military letters, or the local zone's
    /// own abbreviation in January or July. Nil for any other name, which
    /// leaves the time local.
    static func offset(of zone: String, year: Int, in local: TimeZone) -> Int? {
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
