/// Where a pattern matched in a text, and what its groups kept.
final class PatternMatch {
    private let text: [UInt8]
    private var groups: [Range<Int>?] = Array(repeating: nil, count: 6)
    private(set) var range = 0..<0

    private init(_ text: [UInt8]) { self.text = text }

    /// The leftmost match of `search` in `text`.
    static func find(_ search: SearchPattern, in text: [UInt8]) -> PatternMatch? {
        let match = PatternMatch(text)
        for start in 0...text.count {
            if let first = search.firstBytes, start == text.count || !first.contains(match.lowered(text[start])) {
                continue
            }
            if match.matches(search.pattern, at: start, then: { end in
                match.range = start..<end
                return true
            }) {
                return match
            }
        }
        return nil
    }

    subscript(group: Int) -> ArraySlice<UInt8>? { groups[group].map { text[$0] } }

    /// Whether `pattern` matches at `index` with the rest of the match,
    /// `next`, matching after it.
    private func matches(_ pattern: DatePattern, at index: Int, then next: (Int) -> Bool) -> Bool {
        switch pattern {
        case .byte(let members):
            return index < text.count && members.contains(lowered(text[index])) && next(index + 1)
        case .text(let bytes):
            guard index + bytes.count <= text.count,
                  zip(text[index...], bytes).allSatisfy({ lowered($0) == $1 }) else { return false }
            return next(index + bytes.count)
        case .sequence(let items):
            return sequence(items[...], at: index, then: next)
        case .either(let choices):
            return choices.contains { matches($0, at: index, then: next) }
        case .repeated(let item, let least, let most):
            return repeated(item, least, most, count: 0, at: index, then: next)
        case .group(let number, let inner):
            let saved = groups[number]
            let found = matches(inner, at: index) { end in
                let before = groups[number]
                groups[number] = index..<end
                if next(end) { return true }
                groups[number] = before
                return false
            }
            if !found { groups[number] = saved }
            return found
        case .wordBoundary:
            return isWord(at: index - 1) != isWord(at: index) && next(index)
        case .start:
            return index == 0 && next(index)
        case .end:
            return index == text.count && next(index)
        }
    }

    private func sequence(_ items: ArraySlice<DatePattern>, at index: Int, then next: (Int) -> Bool) -> Bool {
        guard let first = items.first else { return next(index) }
        return matches(first, at: index) { sequence(items.dropFirst(), at: $0, then: next) }
    }

    /// As many as it can, then fewer while the rest fails.
    private func repeated(_ item: DatePattern, _ least: Int, _ most: Int, count: Int, at index: Int,
                          then next: (Int) -> Bool) -> Bool {
        if count < most, matches(item, at: index, then: { end in
            end > index && repeated(item, least, most, count: count + 1, at: end, then: next)
        }) {
            return true
        }
        return count >= least && next(index)
    }

    private func lowered(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    private func isWord(at index: Int) -> Bool {
        guard text.indices.contains(index) else { return false }
        let byte = text[index]
        return DatePatterns.isDigit(byte) || DatePatterns.isLetter(byte) || byte == UInt8(ascii: "_")
    }
}
