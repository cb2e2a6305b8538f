import Foundation

/// A moment with the UTC offset it is shown in, as Ruby's `Time` is: what
/// the `date` filter formats and Jekyll's `page.date` holds.
public struct Time: Sendable, Equatable {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int
    /// The fraction of the second, in nanoseconds (0 ..< 1,000,000,000).
    public var nanoseconds: Int
    /// Seconds east of UTC that the time is shown in.
    public var utcOffset: Int
    /// The zone's abbreviation for `%Z` (`UTC`, `EST`); nil when only the
    /// offset is known.
    public var zoneName: String?

    /// A time a host already holds (a post's date, the build's start) for
    /// templates to format: the offset and name only say how it is shown.
    public init(seconds: Int, nanoseconds: Int = 0, utcOffset: Int = 0, zoneName: String? = nil) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.utcOffset = utcOffset
        self.zoneName = zoneName
    }

    /// The same moment shown in `zone`.
    public func shown(in zone: TimeZone) -> Time {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        return Time(seconds: seconds, nanoseconds: nanoseconds, utcOffset: zone.secondsFromGMT(for: date),
                    zoneName: zone.identifier == "UTC" || zone.identifier == "GMT" ? "UTC" : zone.abbreviation(for: date))
    }

    /// Ruby's `Time#to_s`: `2024-01-01 00:01:58 -0500`, or `… UTC`.
    public var rubyText: String {
        format(zoneName == "UTC" ? "%Y-%m-%d %H:%M:%S UTC" : "%Y-%m-%d %H:%M:%S %z")
    }
}
