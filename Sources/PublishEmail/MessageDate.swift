import Foundation

/// RFC 5322 §3.3 dates: `Mon, 16 Jun 2014 08:30:00 +0800`, in English
/// whatever the locale, with the zone's offset on that day.
enum MessageDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        let offset = timeZone.secondsFromGMT(for: date)
        calendar.timeZone = TimeZone(secondsFromGMT: offset) ?? timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let sign = offset < 0 ? "-" : "+"
        let zone = sign + pad(abs(offset) / 3600) + pad(abs(offset) % 3600 / 60)
        return "\(days[parts.weekday! - 1]), \(parts.day!) \(months[parts.month! - 1]) \(parts.year!) "
            + "\(pad(parts.hour!)):\(pad(parts.minute!)):\(pad(parts.second!)) \(zone)"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
