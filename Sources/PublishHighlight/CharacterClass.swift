/// A set of Unicode scalars as a regular expression's `[…]`, `\w` or `.`
/// names it: a bitmap for ASCII, ranges beyond it.
struct CharacterClass: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var ranges: [ClosedRange<UInt32>] = []
    var isNegated = false

    init() {}

    mutating func insert(_ scalar: UInt32) {
        insert(scalar...scalar)
    }

    mutating func insert(_ range: ClosedRange<UInt32>) {
        var value = range.lowerBound
        while value <= range.upperBound, value < 128 {
            if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
            value += 1
        }
        if range.upperBound >= 128 { ranges.append(max(range.lowerBound, 128)...range.upperBound) }
    }

    /// Everything `other` holds, negated or not.
    mutating func formUnion(_ other: CharacterClass) {
        if other.isNegated {
            // Only used for `\W`, `\S`, `\D` inside brackets: add their complement's members.
            for value in UInt32(0)..<128 where other.contains(value) { insert(value) }
            var start: UInt32 = 128
            for range in other.ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if range.lowerBound > start { insert(start...(range.lowerBound - 1)) }
                start = max(start, range.upperBound + 1)
            }
            if start <= 0x10FFFF { insert(start...0x10FFFF) }
        } else {
            low |= other.low
            high |= other.high
            ranges += other.ranges
        }
    }

    /// Adds the other case of every ASCII letter held.
    mutating func foldCase() {
        for value in UInt32(65)...90 where contains(value) || contains(value + 32) {
            insert(value)
            insert(value + 32)
        }
    }

    func contains(_ scalar: UInt32) -> Bool {
        let member: Bool
        if scalar < 64 {
            member = low & (1 << UInt64(scalar)) != 0
        } else if scalar < 128 {
            member = high & (1 << UInt64(scalar - 64)) != 0
        } else {
            member = ranges.contains { $0.contains(scalar) }
        }
        return member != isNegated
    }

    /// Whether any scalar from U+0080 up can be a member.
    var mayHoldNonASCII: Bool { isNegated || !ranges.isEmpty }

    // MARK: The named classes, with Ruby's meanings: ASCII only.

    static func of(_ ranges: ClosedRange<UInt32>...) -> CharacterClass {
        var set = CharacterClass()
        for range in ranges { set.insert(range) }
        return set
    }

    static let digit = of(48...57)
    static let word = of(48...57, 65...90, 97...122, 95...95)
    static let space = of(9...13, 32...32)
    static let hexDigit = of(48...57, 65...70, 97...102)
    static let alpha = of(65...90, 97...122)
    static let upper = of(65...90)
    static let lower = of(97...122)
    static let punct = of(33...47, 58...64, 91...96, 123...126)
    /// `\p{L}` and its kin: ASCII letters, and every scalar past ASCII.
    static let letterLike = of(65...90, 97...122, 0xAA...0x10FFFF)

    var negated: CharacterClass {
        var copy = self
        copy.isNegated.toggle()
        return copy
    }
}
