extension StandardFilters {
    /// liquid-ruby's `date`: `{{ page.date | date: "%B %-d, %Y" }}`. An
    /// empty format, or an input that is no time, gives the input back.
    static let dateFilters: [String: Filter] = [
        "date": Filter(required: 1) { input, arguments, context in
            let format = arguments[0].text
            guard !format.isEmpty, let time = time(from: input, context) else { return input }
            return .string(try time.strftime(format))
        },
    ]

    /// liquid-ruby's `Utils.to_date`: a time as it is; `now` and `today`
    /// (in any case) the render's time; an integer, or text of digits
    /// only, as seconds since the epoch; other text as `Time.parse` reads
    /// it. Nil for anything else, and for text with no date in it.
    static func time(from value: Value, _ context: Context) -> Time? {
        switch value {
        case .time(let time):
            return time
        case .int(let seconds):
            return Time(seconds: seconds).shown(in: context.timeZone)
        case .string(let text):
            if text.isEmpty { return nil }
            let lowered = text.lowercased()
            if lowered == "now" || lowered == "today" { return context.now }
            if lowered.utf8.allSatisfy(Lexer.isDigit) {
                return Int(lowered).map { Time(seconds: $0).shown(in: context.timeZone) }
            }
            return Time.parse(lowered, in: context.timeZone, now: context.now)
        default:
            return nil
        }
    }
}
