/// A pattern of `Date._parse`, over bytes and without case, matched the
/// way Ruby matches its regular expressions: leftmost, greedy, backtracking.
indirect enum DatePattern: Sendable, ExpressibleByStringLiteral {
    case byte(ByteClass)
    case text([UInt8])
    case sequence([DatePattern])
    case either([DatePattern])
    case repeated(DatePattern, min: Int, max: Int)
    /// What the pattern matched is kept as group 1 to 5.
    case group(Int, DatePattern)
    case wordBoundary, start, end

    init(stringLiteral text: String) { self = .text(Array(text.utf8)) }

    static func optional(_ pattern: DatePattern) -> DatePattern { .repeated(pattern, min: 0, max: 1) }
    static func any(_ pattern: DatePattern) -> DatePattern { .repeated(pattern, min: 0, max: .max) }
    static func some(_ pattern: DatePattern) -> DatePattern { .repeated(pattern, min: 1, max: .max) }
}

/// A pattern searched for, with the bytes a match of it can start with,
/// so that the search tries only where one may start.
struct SearchPattern: Sendable {
    let pattern: DatePattern
    /// Nil when a match can be empty.
    let firstBytes: ByteClass?

    init(_ pattern: DatePattern) {
        self.pattern = pattern
        let (bytes, canBeEmpty) = pattern.opening
        firstBytes = canBeEmpty ? nil : ByteClass { bytes.contains($0) }
    }
}

extension DatePattern {
    /// The (lower-case) bytes a match can start with, and whether a match
    /// can be empty.
    fileprivate var opening: (bytes: Set<UInt8>, canBeEmpty: Bool) {
        switch self {
        case .byte(let members):
            return (Set((0...255).map(UInt8.init).filter(members.contains)), false)
        case .text(let bytes):
            return (Set(bytes.prefix(1)), bytes.isEmpty)
        case .sequence(let items):
            var bytes = Set<UInt8>()
            for item in items {
                let (first, canBeEmpty) = item.opening
                bytes.formUnion(first)
                if !canBeEmpty { return (bytes, false) }
            }
            return (bytes, true)
        case .either(let choices):
            let openings = choices.map(\.opening)
            return (openings.reduce(into: Set()) { $0.formUnion($1.bytes) }, openings.contains { $0.canBeEmpty })
        case .repeated(let item, let least, _):
            let (bytes, canBeEmpty) = item.opening
            return (bytes, least == 0 || canBeEmpty)
        case .group(_, let inner):
            return inner.opening
        case .wordBoundary, .start, .end:
            return ([], true)
        }
    }
}

/// A set of bytes.
struct ByteClass: Sendable {
    private let members: [Bool]

    init(_ contains: (UInt8) -> Bool) { members = (0...255).map { contains(UInt8($0)) } }
    init(anyOf characters: String) { self.init { characters.utf8.contains($0) } }

    var inverted: ByteClass { ByteClass { !contains($0) } }

    func contains(_ byte: UInt8) -> Bool { members[Int(byte)] }
}
