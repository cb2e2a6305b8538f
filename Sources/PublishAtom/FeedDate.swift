import Foundation

/// RFC 3339 timestamps as feeds want them: the instant in the site's time
/// zone with that zone's offset at the instant (`2014-06-16T10:30:00+08:00`,
/// `Z` for UTC), whole seconds. Written by hand so every platform gives the
/// same bytes.
struct FeedDate {
    private let calendar: Calendar

    init(timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    func timestamp(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        var text = day(date) + "T" + pad(c.hour!, 2) + ":" + pad(c.minute!, 2) + ":" + pad(c.second!, 2)
        let offset = calendar.timeZone.secondsFromGMT(for: date)
        if offset == 0 {
            text += "Z"
        } else {
            let minutes = abs(offset) / 60
            text += (offset < 0 ? "-" : "+") + pad(minutes / 60, 2) + ":" + pad(minutes % 60, 2)
        }
        return text
    }

    /// The calendar day of `date` in the site's zone: `2014-06-16`.
    func day(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return pad(c.year!, 4) + "-" + pad(c.month!, 2) + "-" + pad(c.day!, 2)
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
