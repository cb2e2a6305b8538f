/// The math filters. Every operand goes through `FilterNumber`
/// (liquid-ruby's `Utils.to_number`), so text reads as a number, anything
/// else as 0, and floats are exact decimals while they are worked on.
extension StandardFilters {
    static let math: [String: Filter] = [
        "plus": operation(.plus),
        "minus": operation(.minus),
        "times": operation(.times),
        "divided_by": operation(.divide),
        "modulo": operation(.modulo),
        "abs": Filter { input, _, _ in FilterNumber(input).magnitude.value },
        "ceil": Filter { input, _, _ in try FilterNumber(input).rounded(.up).value },
        "floor": Filter { input, _, _ in try FilterNumber(input).rounded(.down).value },
        "round": Filter(optional: 1) { input, arguments, _ in
            let digits = arguments.first.map { FilterNumber($0).truncated } ?? 0
            return try FilterNumber(input).rounded(digits: digits).value
        },
        "at_least": Filter(required: 1) { input, arguments, _ in
            let number = FilterNumber(input), bound = FilterNumber(arguments[0])
            return (number.isLess(than: bound) ? bound : number).value
        },
        "at_most": Filter(required: 1) { input, arguments, _ in
            let number = FilterNumber(input), bound = FilterNumber(arguments[0])
            return (bound.isLess(than: number) ? bound : number).value
        },
    ]

    private static func operation(_ operation: FilterNumber.Operation) -> Filter {
        Filter(required: 1) { input, arguments, _ in
            try FilterNumber(input).applying(operation, FilterNumber(arguments[0])).value
        }
    }
}
