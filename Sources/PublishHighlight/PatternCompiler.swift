/// Turns a pattern's tree into the instructions `Pattern` runs.
struct PatternCompiler {
    private(set) var registers: Int
    private(set) var sets: [CharacterClass] = []
    private(set) var lookaheads: [Pattern.Program] = []

    init(registers: Int) {
        self.registers = registers
    }

    mutating func compile(_ node: PatternParser.Node) throws -> Pattern.Program {
        var program = Pattern.Program()
        program.instructions.append(.save(0))
        try emit(node, into: &program)
        program.instructions.append(.save(1))
        program.instructions.append(.match)
        return program
    }

    private mutating func emit(_ node: PatternParser.Node, into program: inout Pattern.Program) throws {
        guard program.instructions.count < Pattern.maximumLength else {
            throw PatternParser.SyntaxError(message: "a pattern too long once its repeats are expanded", offset: 0)
        }
        switch node {
        case .empty:
            break
        case .literal(let bytes):
            for byte in bytes { program.instructions.append(.byte(byte)) }
        case .set(let set):
            sets.append(set)
            program.instructions.append(.set(sets.count - 1))
        case .any(let newline):
            program.instructions.append(.any(newline: newline))
        case .sequence(let items):
            for item in items { try emit(item, into: &program) }
        case .alternation(let branches):
            // split L1, next; L1: a; jump end; next: split L2, … ; last
            var jumps: [Int] = []
            for (offset, branch) in branches.enumerated() {
                if offset < branches.count - 1 {
                    let split = program.instructions.count
                    program.instructions.append(.split(split + 1, -1))
                    try emit(branch, into: &program)
                    jumps.append(program.instructions.count)
                    program.instructions.append(.jump(-1))
                    program.instructions[split] = .split(split + 1, program.instructions.count)
                } else {
                    try emit(branch, into: &program)
                }
            }
            for jump in jumps { program.instructions[jump] = .jump(program.instructions.count) }
        case .group(let inner, let capture):
            if let capture { program.instructions.append(.save(2 * capture)) }
            try emit(inner, into: &program)
            if let capture { program.instructions.append(.save(2 * capture + 1)) }
        case .repetition(let inner, let min, let max, let lazy):
            for _ in 0..<min { try emit(inner, into: &program) }
            if let max {
                // (x(x(x)?)?)? for the optional copies.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.instructions.count)
                    program.instructions.append(.split(-1, -1))
                    try emit(inner, into: &program)
                }
                let end = program.instructions.count
                for split in splits {
                    program.instructions[split] = lazy ? .split(end, split + 1) : .split(split + 1, end)
                }
            } else {
                let nullable = Self.isNullable(inner)
                let loop = program.instructions.count
                program.instructions.append(.split(-1, -1))
                var register = -1
                if nullable {
                    register = registers
                    registers += 1
                    program.instructions.append(.save(register))
                }
                try emit(inner, into: &program)
                if nullable { program.instructions.append(.progress(register)) }
                program.instructions.append(.jump(loop))
                let end = program.instructions.count
                program.instructions[loop] = lazy ? .split(end, loop + 1) : .split(loop + 1, end)
            }
        case .anchor(let anchor):
            program.instructions.append(.anchor(anchor))
        case .lookahead(let inner, let negated):
            var sub = Pattern.Program()
            try emit(inner, into: &sub)
            sub.instructions.append(.match)
            lookaheads.append(sub)
            program.instructions.append(.lookahead(lookaheads.count - 1, negated: negated))
        }
    }

    /// Whether the node can match the empty string.
    static func isNullable(_ node: PatternParser.Node) -> Bool {
        switch node {
        case .empty, .anchor, .lookahead: return true
        case .literal(let bytes): return bytes.isEmpty
        case .set, .any: return false
        case .sequence(let items): return items.allSatisfy(isNullable)
        case .alternation(let branches): return branches.contains(where: isNullable)
        case .group(let inner, _): return isNullable(inner)
        case .repetition(let inner, let min, _, _): return min == 0 || isNullable(inner)
        }
    }

    /// The bytes a match of `program` can begin with, or nil when it can be
    /// empty (then any position may match).
    static func firstBytes(of program: Pattern.Program, sets: [CharacterClass]) -> ByteSet? {
        var result = ByteSet()
        var seen = Set<Int>()
        var work = [0]
        while let pc = work.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch program.instructions[pc] {
            case .byte(let byte):
                result.insert(byte)
            case .set(let index):
                let set = sets[index]
                for byte in UInt8(0)..<128 where set.contains(UInt32(byte)) { result.insert(byte) }
                if set.mayHoldNonASCII { for byte in UInt8(0x80)...0xFF { result.insert(byte) } }
            case .any(let newline):
                for byte in UInt8(0)...0xFF where newline || byte != 0x0A { result.insert(byte) }
            case .split(let first, let second):
                work.append(first)
                work.append(second)
            case .jump(let target):
                work.append(target)
            case .save, .progress, .anchor, .lookahead:
                work.append(pc + 1)
            case .match:
                return nil
            }
        }
        return result
    }
}
