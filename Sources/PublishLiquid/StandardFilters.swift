/// liquid-ruby's standard filters, by kind in the files beside this one.
enum StandardFilters {
    static let all = FilterSet([strings, encoding, arrays, math, dateFilters, fallback].reduce(into: [:]) { all, kind in
        all.merge(kind) { _, new in new }
    })

    /// `default`: the fallback when the input is nil, false or empty; with
    /// `allow_false: true`, false stays. Its keyword arguments arrive as a
    /// hash after the positional ones, so `default: allow_false: true`
    /// alone makes that hash the fallback, as it does in Ruby.
    static let fallback: [String: Filter] = [
        "default": Filter(optional: 2) { input, arguments, _ in
            let fallback = arguments.first ?? ""
            var allowFalse = false
            if arguments.count > 1, case .hash(let options) = arguments[1] {
                allowFalse = options["allow_false"]?.isTruthy ?? false
            }
            let missing = allowFalse ? input.isNil : !input.isTruthy
            return missing || isEmpty(input) ? fallback : input
        },
    ]

    /// Ruby's `empty?`, for the values that have it: strings, arrays, hashes.
    private static func isEmpty(_ value: Value) -> Bool {
        switch value {
        case .string(let text): text.isEmpty
        case .array(let items): items.isEmpty
        case .hash(let hash): hash.isEmpty
        default: false
        }
    }
}
