/// Ruby's `Float#to_s`: the shortest text that reads back as the same
/// number, always with a fraction (`1.0`), in exponent form from 1e16 up
/// and below 1e-4 (`1.0e+16`, `1.0e-05`).
enum RubyFloat {
    static func text(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        if number == 0 { return number.sign == .minus ? "-0.0" : "0.0" }
        let (negative, digits, point) = shortest(number)
        let sign = negative ? "-" : ""
        let magnitude = abs(number)
        if magnitude >= 1e16 || magnitude < 1e-4 {
            let exponent = point - 1
            let fraction = digits.count > 1 ? String(digits.dropFirst()) : "0"
            let exponentText = (exponent < 0 ? "-" : "+") + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent))
            return sign + String(digits.first!) + "." + fraction + "e" + exponentText
        }
        if point <= 0 {
            return sign + "0." + String(repeating: "0", count: -point) + digits
        }
        if point >= digits.count {
            return sign + digits + String(repeating: "0", count: point - digits.count) + ".0"
        }
        let index = digits.index(digits.startIndex, offsetBy: point)
        return sign + digits[..<index] + "." + digits[index...]
    }

    /// The shortest round-trip digits of `number` (Swift's `description`
    /// chooses them) and where the decimal point goes among them.
    private static func shortest(_ number: Double) -> (negative: Bool, digits: String, point: Int) {
        var text = "\(number)"
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fraction
        var point = whole.count + exponent
        while digits.count > 1, digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        return (negative, digits, point)
    }
}
