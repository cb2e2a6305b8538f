import Foundation

extension Time {
    /// A time read from text as Ruby's `Time.parse` reads it, for the `date`
    /// filter: `2024-01-01`, `2024-01-01 10:00:00 +0800`, `March 14, 2016`,
    /// RFC 2822 and ISO 8601 forms. A time without a zone is taken in `zone`.
    /// Nil when the text holds no date.
    public static func parse(_ text: String, in zone: TimeZone, now: Time) -> Time? {
        nil
    }
}
