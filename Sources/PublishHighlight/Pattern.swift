/// A compiled regular expression, matched at one position of a text the
/// way a lexer asks: anchored, leftmost-first (the first alternative that
/// leads to a match wins, as in Ruby and Python), with its groups.
///
/// Matching is a backtracking machine with an explicit stack, so a pattern
/// cannot overflow the call stack, and it counts its steps against a budget
/// the caller gives: a pathological pattern and text spend the budget and
/// stop, where they would otherwise take exponential time.
public final class Pattern: Sendable {
    enum Instruction: Sendable {
        case byte(UInt8)
        case set(Int)
        case any(newline: Bool)
        case split(Int, Int)
        case jump(Int)
        case save(Int)
        /// Fails when the position has not moved since `save` of this
        /// register: an empty pass of a loop ends it.
        case progress(Int)
        case anchor(Anchor)
        case lookahead(Int, negated: Bool)
        case match
    }

    struct Program: Sendable {
        var instructions: [Instruction] = []
    }

    let program: Program
    let lookaheads: [Program]
    let sets: [CharacterClass]
    /// Numbered groups, not counting the whole match.
    public let groupCount: Int
    let registerCount: Int
    /// The bytes a match can start with; nil when it may be empty or start with anything.
    let firstBytes: ByteSet?

    /// Longest program accepted; `x{1000}` of a long `x` would pass it.
    static let maximumLength = 50_000

    public init(_ source: String, caseInsensitive: Bool = false) throws {
        var parser = PatternParser(source, foldsCase: caseInsensitive)
        let tree = try parser.parse()
        var compiler = PatternCompiler(registers: 2 * (parser.captureCount + 1))
        let main = try compiler.compile(tree)
        program = main
        lookaheads = compiler.lookaheads
        sets = compiler.sets
        groupCount = parser.captureCount
        registerCount = compiler.registers
        firstBytes = PatternCompiler.firstBytes(of: main, sets: compiler.sets)
    }

    /// The outcome of one match attempt.
    public enum Outcome {
        /// The match ends at `end`; `groups[i]` is group i+1's range, nil when it took no part.
        case matched(end: Int, groups: [Range<Int>?])
        case failed
        /// The step budget ran out before an answer.
        case exhausted
    }

    /// Memory a match works in, kept from one match to the next so that a
    /// lexer trying rule after rule allocates nothing.
    public struct Scratch {
        var registers: [Int] = []
        var stack: [Frame] = []

        public init() {}
    }

    /// Matches at `start` of `text`, spending at most `budget` steps.
    public func match(_ text: UnsafeBufferPointer<UInt8>, at start: Int, budget: inout Int) -> Outcome {
        var scratch = Scratch()
        return match(text, at: start, budget: &budget, scratch: &scratch)
    }

    public func match(_ text: UnsafeBufferPointer<UInt8>, at start: Int, budget: inout Int,
                      scratch: inout Scratch) -> Outcome {
        switch end(text, at: start, budget: &budget, scratch: &scratch) {
        case .failed: return .failed
        case .exhausted: return .exhausted
        case .matched(let end): return .matched(end: end, groups: groups(in: scratch))
        }
    }

    /// Where a match at `start` ends; its groups stay in `scratch` until the next match.
    func end(_ text: UnsafeBufferPointer<UInt8>, at start: Int, budget: inout Int, scratch: inout Scratch) -> Run {
        if let firstBytes {
            guard start < text.count, firstBytes.contains(text[start]) else { return .failed }
        }
        if scratch.registers.count < registerCount {
            scratch.registers = [Int](repeating: -1, count: registerCount)
        } else {
            for index in 0..<registerCount { scratch.registers[index] = -1 }
        }
        scratch.stack.removeAll(keepingCapacity: true)
        return run(program, text, start, &scratch.registers, &scratch.stack, base: 0, &budget)
    }

    /// Group i+1's range in the last match `scratch` saw; nil when it took no part.
    func groups(in scratch: Scratch) -> [Range<Int>?] {
        var groups: [Range<Int>?] = []
        groups.reserveCapacity(groupCount)
        for group in 1...max(groupCount, 1) where group <= groupCount {
            let low = scratch.registers[2 * group], high = scratch.registers[2 * group + 1]
            groups.append(low >= 0 && high >= low ? low..<high : nil)
        }
        return groups
    }

    enum Frame {
        case branch(pc: Int, position: Int)
        case restore(register: Int, value: Int)
    }

    enum Run {
        case matched(Int)
        case failed
        case exhausted
    }

    /// Runs `program` at `start`. Frames below `base` belong to the caller
    /// (a lookahead runs on its caller's stack and registers: its registers
    /// are its own numbers, and it leaves the stack as it found it).
    private func run(_ program: Program, _ text: UnsafeBufferPointer<UInt8>, _ start: Int,
                     _ registers: inout [Int], _ stack: inout [Frame], base: Int, _ budget: inout Int) -> Run {
        var pc = 0
        var position = start
        let end = text.count
        var result = Run.failed
        program.instructions.withUnsafeBufferPointer { code in
            outer: while true {
                budget -= 1
                if budget < 0 {
                    result = .exhausted
                    return
                }
                var ok = true
                switch code[pc] {
                case .byte(let byte):
                    if position < end, text[position] == byte {
                        position += 1
                        pc += 1
                    } else {
                        ok = false
                    }
                case .set(let index):
                    if position < end, case let (scalar, length) = Pattern.decode(text, position),
                       sets[index].contains(scalar) {
                        position += length
                        pc += 1
                    } else {
                        ok = false
                    }
                case .any(let newline):
                    if position < end, newline || text[position] != 0x0A {
                        position += Pattern.decode(text, position).length
                        pc += 1
                    } else {
                        ok = false
                    }
                case .split(let first, let second):
                    stack.append(.branch(pc: second, position: position))
                    pc = first
                case .jump(let target):
                    pc = target
                case .save(let register):
                    stack.append(.restore(register: register, value: registers[register]))
                    registers[register] = position
                    pc += 1
                case .progress(let register):
                    if registers[register] == position { ok = false } else { pc += 1 }
                case .anchor(let anchor):
                    if Pattern.holds(anchor, text, position) { pc += 1 } else { ok = false }
                case .lookahead(let index, let negated):
                    let depth = stack.count
                    let found: Bool
                    switch run(lookaheads[index], text, position, &registers, &stack, base: depth, &budget) {
                    case .exhausted:
                        result = .exhausted
                        return
                    case .matched: found = true
                    case .failed: found = false
                    }
                    stack.removeSubrange(depth...)
                    if found != negated { pc += 1 } else { ok = false }
                case .match:
                    result = .matched(position)
                    return
                }
                if ok { continue }
                while stack.count > base, let frame = stack.popLast() {
                    switch frame {
                    case .restore(let register, let value):
                        registers[register] = value
                    case .branch(let target, let at):
                        pc = target
                        position = at
                        continue outer
                    }
                }
                result = .failed
                return
            }
        }
        return result
    }

    /// The scalar at `position` and its length in bytes. Malformed UTF-8
    /// reads as U+FFFD one byte long; a code block is valid UTF-8 anyway.
    @inline(__always)
    static func decode(_ text: UnsafeBufferPointer<UInt8>, _ position: Int) -> (scalar: UInt32, length: Int) {
        let lead = text[position]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, position + length <= text.count else { return (0xFFFD, 1) }
        var value = UInt32(lead) & (0xFF >> UInt32(length + 1))
        for offset in 1..<length {
            let byte = text[position + offset]
            guard byte & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (value, length)
    }

    static func isWord(_ text: UnsafeBufferPointer<UInt8>, _ position: Int) -> Bool {
        let byte = text[position]
        // As Ruby judges `\b`: past ASCII, every scalar is of a word.
        return byte >= 0x80 || CharacterClass.word.contains(UInt32(byte))
    }

    static func holds(_ anchor: Anchor, _ text: UnsafeBufferPointer<UInt8>, _ position: Int) -> Bool {
        let end = text.count
        switch anchor {
        case .lineStart: return position == 0 || text[position - 1] == 0x0A
        case .lineEnd: return position == end || text[position] == 0x0A
        case .textStart: return position == 0
        case .textEnd: return position == end
        case .textEndBeforeNewline: return position == end || (position == end - 1 && text[position] == 0x0A)
        case .wordBoundary, .notWordBoundary:
            let before = position > 0 && isWord(text, position - 1)
            let after = position < end && isWord(text, position)
            return (before != after) == (anchor == .wordBoundary)
        }
    }
}

/// 256 bits, one per byte value.
struct ByteSet: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }
}
