/// Jekyll's date filters. Each reads its input as Liquid's `to_date` does
/// (`StandardFilters.time(from:_:)`) and shows it in the render's zone, as
/// Jekyll's `localtime` shows it in the site's; empty input comes back as
/// it is.
extension JekyllFilters {
    static let dates: [String: Filter] = [
        "date_to_xmlschema": dateFilter { time, _ in time.format("%Y-%m-%dT%H:%M:%S%:z") },
        "date_to_rfc822": dateFilter { time, _ in time.format("%a, %d %b %Y %H:%M:%S %z") },
        "date_to_string": dateFilter(optional: 2) { time, arguments in stringified(time, month: "%b", arguments) },
        "date_to_long_string": dateFilter(optional: 2) { time, arguments in stringified(time, month: "%B", arguments) },
    ]

    private static func dateFilter(optional: Int = 0,
                                   _ format: @escaping @Sendable (Time, [Value]) -> String) -> Filter {
        Filter(optional: optional) { input, arguments, context in
            if input.text.isEmpty { return input }
            guard let time = StandardFilters.time(from: input, context) else {
                throw LiquidError.argument("Invalid Date: '\(input.inspect)' is not a valid datetime.")
            }
            return .string(format(time.shown(in: context.timeZone), arguments))
        }
    }

    /// `27 Jan 2011`; with `"ordinal"`, `27th Jan 2011`, or with `"US"`
    /// too, `Jan 27th, 2011`.
    private static func stringified(_ time: Time, month: String, _ arguments: [Value]) -> String {
        guard case .string("ordinal")? = arguments.first else { return time.format("%d \(month) %Y") }
        let day = CivilTime(time).day
        let ordinalDay = "\(day)\(ordinalSuffix(day))"
        if arguments.count > 1, case .string("US") = arguments[1] { return time.format("\(month) \(ordinalDay), %Y") }
        return time.format("\(ordinalDay) \(month) %Y")
    }

    private static func ordinalSuffix(_ day: Int) -> String {
        if (11...13).contains(day) { return "th" }
        switch day % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }
}
