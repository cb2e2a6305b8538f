import Foundation

/// A number as liquid-ruby's math filters see it (`Utils.to_number`):
/// integers stay integers, and floats become `BigDecimal`s made from
/// their printed text, so `0.1 | plus: 0.2` is exactly 0.3. Foundation's
/// `Decimal` stands in for `BigDecimal`; what it cannot hold (infinities,
/// NaN, magnitudes past its exponent range) stays a double.
enum FilterNumber {
    case int(Int)
    case decimal(Decimal)
    case special(Double)

    /// `Utils.to_number`: a float goes through its text; a string that is
    /// `-?digits.digits` is a decimal, any other string reads as `to_i`;
    /// anything else is 0.
    init(_ value: Value) {
        switch value {
        case .int(let number):
            self = .int(number)
        case .float(let number):
            self = FilterNumber(number)
        case .string(let text):
            let stripped = RubyString.strip(text[...])
            if FilterNumber.isDecimalText(stripped), let decimal = FilterNumber.decimal(stripped) {
                self = .decimal(decimal)
            } else {
                self = .int(RubyNumber.toI(text))
            }
        default:
            self = .int(0)
        }
    }

    /// A float as `BigDecimal(float.to_s)`.
    init(_ number: Double) {
        if number.isFinite, let decimal = FilterNumber.decimal(RubyFloat.text(number)[...]),
           !decimal.isNaN, !decimal.isZero || number == 0 {
            self = .decimal(decimal)
        } else {
            self = .special(number)
        }
    }

    /// What a filter returns: Ruby converts a `BigDecimal` result back
    /// to a float (`to_f`).
    var value: Value {
        switch self {
        case .int(let number): .int(number)
        case .decimal(let decimal): .float(FilterNumber.double(decimal))
        case .special(let number): .float(number)
        }
    }

    var double: Double {
        switch self {
        case .int(let number): Double(number)
        case .decimal(let decimal): FilterNumber.double(decimal)
        case .special(let number): number
        }
    }

    /// The number as a decimal, when it is finite.
    private var asDecimal: Decimal? {
        switch self {
        case .int(let number): Decimal(number)
        case .decimal(let decimal): decimal
        case .special: nil
        }
    }

    // MARK: Arithmetic

    enum Operation { case plus, minus, times, divide, modulo }

    /// `a.send(op, b)` as Ruby does it: integer arithmetic for two
    /// integers (flooring division, a remainder with the divisor's sign),
    /// decimal arithmetic when either is a decimal.
    func applying(_ operation: Operation, _ other: FilterNumber) throws -> FilterNumber {
        if case .int(let a) = self, case .int(let b) = other {
            return try FilterNumber.integer(a, operation, b)
        }
        guard let a = asDecimal, let b = other.asDecimal else {
            return FilterNumber(FilterNumber.floating(double, operation, other.double))
        }
        let result: Decimal
        switch operation {
        case .plus: result = a + b
        case .minus: result = a - b
        case .times: result = a * b
        case .divide:
            // BigDecimal's division by zero gives an infinity or NaN, not an error.
            if b.isZero { return .special(a.isZero ? .nan : (a < 0 ? -.infinity : .infinity)) }
            result = a / b
        case .modulo:
            if b.isZero { throw LiquidError(.zeroDivision, "divided by 0") }
            result = a - b * FilterNumber.rounded(a / b, scale: 0, .down)
        }
        // Past Decimal's range the work goes on in doubles.
        return result.isNaN ? FilterNumber(FilterNumber.floating(double, operation, other.double)) : .decimal(result)
    }

    private static func integer(_ a: Int, _ operation: Operation, _ b: Int) throws -> FilterNumber {
        let result: (partialValue: Int, overflow: Bool)
        switch operation {
        case .plus: result = a.addingReportingOverflow(b)
        case .minus: result = a.subtractingReportingOverflow(b)
        case .times: result = a.multipliedReportingOverflow(by: b)
        case .divide, .modulo:
            if b == 0 { throw LiquidError(.zeroDivision, "divided by 0") }
            let (quotient, overflow) = a.dividedReportingOverflow(by: b)
            let remainder = overflow ? 0 : a % b
            // Ruby rounds the quotient down and gives the remainder the divisor's sign.
            let adjust = remainder != 0 && (remainder < 0) != (b < 0)
            result = operation == .divide ? (adjust ? quotient - 1 : quotient, overflow) : (adjust ? remainder + b : remainder, false)
        }
        // Ruby would go on in a Bignum; a decimal holds the exact result, though it prints as a float.
        if result.overflow { return try FilterNumber.decimal(Decimal(a)).applying(operation, .decimal(Decimal(b))) }
        return .int(result.partialValue)
    }

    private static func floating(_ a: Double, _ operation: Operation, _ b: Double) -> Double {
        switch operation {
        case .plus: a + b
        case .minus: a - b
        case .times: a * b
        case .divide: a / b
        // BigDecimal leaves a finite number as it is, modulo an infinity.
        case .modulo: b.isInfinite && a.isFinite ? a : a - b * (a / b).rounded(.down)
        }
    }

    // MARK: Comparison and rounding

    /// Whether this number is less than `other`, across integers and decimals.
    func isLess(than other: FilterNumber) -> Bool {
        if case .int(let a) = self, case .int(let b) = other { return a < b }
        if let a = asDecimal, let b = other.asDecimal { return a < b }
        return double < other.double
    }

    /// The number as the digits argument of `round`: Ruby converts it to
    /// an integer, dropping any fraction.
    var truncated: Int {
        switch self {
        case .int(let number): number
        case .decimal, .special:
            double.isFinite ? Int(max(min(double, 1e9), -1e9)) : 0
        }
    }

    var magnitude: FilterNumber {
        switch self {
        case .int(let number): number == .min ? .decimal(abs(Decimal(number))) : .int(abs(number))
        case .decimal(let decimal): .decimal(abs(decimal))
        case .special(let number): .special(abs(number))
        }
    }

    /// `round(digits)`: integers round only to tens and beyond; a decimal
    /// rounds half away from zero and, to fewer than one digit, becomes
    /// an integer (as `BigDecimal#round` does).
    func rounded(digits: Int) throws -> FilterNumber {
        switch self {
        case .int(let number):
            guard digits < 0 else { return self }
            guard digits > -19 else { return .int(0) }
            return FilterNumber.whole(FilterNumber.rounded(Decimal(number), scale: digits, .plain))
        case .decimal(let decimal):
            // Past Decimal's exponent range every scale rounds the same.
            let result = FilterNumber.rounded(decimal, scale: min(max(digits, -200), 200), .plain)
            return digits < 1 ? FilterNumber.whole(result) : .decimal(result)
        case .special(let number):
            guard digits < 1 else { return self }
            return try FilterNumber.whole(number, .toNearestOrAwayFromZero)
        }
    }

    /// `ceil` and `floor`: always an integer.
    func rounded(_ mode: NSDecimalNumber.RoundingMode) throws -> FilterNumber {
        switch self {
        case .int: return self
        case .decimal(let decimal): return FilterNumber.whole(FilterNumber.rounded(decimal, scale: 0, mode))
        case .special(let number): return try FilterNumber.whole(number, mode == .up ? .up : .down)
        }
    }

    // MARK: Decimal helpers

    private static func rounded(_ decimal: Decimal, scale: Int, _ mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var input = decimal
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, mode)
        return result
    }

    /// A whole decimal as an integer; one past `Int`'s range, which Ruby
    /// would hold in a Bignum, stays a decimal (and prints as a float).
    private static func whole(_ decimal: Decimal) -> FilterNumber {
        Int(decimal.description).map(FilterNumber.int) ?? .decimal(decimal)
    }

    /// A double past `Decimal`'s range, rounded to a whole number; an
    /// infinity or NaN has none, which `BigDecimal` reports as a domain error.
    private static func whole(_ number: Double, _ rule: FloatingPointRoundingRule) throws -> FilterNumber {
        guard number.isFinite else { throw domainError(number) }
        let rounded = number.rounded(rule)
        return Int(exactly: rounded).map(FilterNumber.int) ?? .special(rounded)
    }

    /// `BigDecimal#to_f`: the nearest double to the decimal's exact text.
    static func double(_ decimal: Decimal) -> Double {
        Double(decimal.description) ?? .nan
    }

    private static func domainError(_ number: Double) -> LiquidError {
        let name = number.isNaN ? "'NaN' (Not a Number)" : (number < 0 ? "'-Infinity'" : "'Infinity'")
        return LiquidError(.floatDomain, "Computation results in \(name)")
    }

    /// liquid-ruby's `DECIMAL_REGEX`, `/\A-?\d+\.\d+\z/`.
    private static func isDecimalText(_ text: Substring) -> Bool {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let point = bytes.firstIndex(of: UInt8(ascii: ".")) else { return false }
        let whole = bytes[..<point], fraction = bytes[bytes.index(after: point)...]
        return !whole.isEmpty && !fraction.isEmpty && whole.allSatisfy(Lexer.isDigit) && fraction.allSatisfy(Lexer.isDigit)
    }

    /// Reads `-12.5`, `1.0e+16` or `2.5e-05` (a decimal's text or a
    /// float's `to_s`) exactly.
    private static func decimal(_ text: Substring) -> Decimal? {
        var bytes = text.utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        var exponent = 0
        if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            guard let power = Int(String(decoding: bytes[bytes.index(after: e)...], as: UTF8.self)) else { return nil }
            exponent = power
            bytes = bytes[..<e]
        }
        var significand = Decimal()
        var chunk: UInt64 = 0
        var chunkDigits = 0
        var seenPoint = false
        for byte in bytes {
            if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
                continue
            }
            guard Lexer.isDigit(byte) else { return nil }
            if seenPoint { exponent -= 1 }
            chunk = chunk * 10 + UInt64(byte - 0x30)
            chunkDigits += 1
            if chunkDigits == 18 {
                significand = significand * Decimal(sign: .plus, exponent: 18, significand: 1) + Decimal(chunk)
                chunk = 0
                chunkDigits = 0
            }
        }
        if chunkDigits > 0 {
            significand = significand * Decimal(sign: .plus, exponent: chunkDigits, significand: 1) + Decimal(chunk)
        }
        // A negative zero would read as NaN; BigDecimal's -0 prints as 0 after arithmetic anyway.
        if significand.isZero { return 0 }
        return Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: significand)
    }
}
