/// `{% assign name = value | filter %}` and `{% capture name %}…{% endcapture %}`:
/// set a variable in the outermost scope.
final class Assign: Node {
    let name: String
    let value: Output
    let line: Int?
    var isBlank: Bool { true }

    private init(name: String, value: Output, line: Int?) {
        self.name = name
        self.value = value
        self.line = line
    }

    private static let syntax = LaxScanner.regex("(\(signature)+)\(LaxScanner.s)*=\(LaxScanner.s)*(.*)\(LaxScanner.s)*")
    /// liquid-ruby's `VariableSignature`.
    static let signature = "(?:\\(?[a-zA-Z0-9_\\-.\\[\\]]\\)?)"

    static let parser = TagParser { _, markup, parser in
        let line = parser.line
        guard let match = LaxScanner.firstMatch(syntax, in: markup), let target = match[1], let source = match[2] else {
            throw LiquidError.syntax("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]")
        }
        let name = try parser.parseMarkup(markup, strict2: { try parser.variableName(target) },
                                          strict: { String(target) }, lax: { String(target) })
        return Assign(name: name, value: try Output(markup: source, parser: parser), line: line)
    }

    func render(_ context: Context, into output: inout String) throws {
        let result = try value.evaluate(context)
        context.assignOutermost(name, result)
        try context.limits.addAssign(Assign.score(result))
    }

    /// What a value costs against the assign limit: bytes of text, one per other item.
    static func score(_ value: Value) -> Int {
        switch value {
        case .string(let text): return text.utf8.count
        case .array(let items): return items.reduce(1) { $0 + score($1) }
        case .hash(let hash): return hash.reduce(1) { $0 + $1.key.utf8.count + score($1.value) }
        default: return 1
        }
    }
}

final class Capture: Node {
    let name: String
    let body: Body
    let line: Int?
    var isBlank: Bool { true }

    private init(name: String, body: Body, line: Int?) {
        self.name = name
        self.body = body
        self.line = line
    }

    private static let syntax = LaxScanner.regex("(\(Assign.signature)+)")

    static let parser = TagParser { _, markup, parser in
        let line = parser.line
        let lax = {
            guard let match = LaxScanner.firstMatch(syntax, in: markup), let target = match[1] else {
                throw LiquidError.syntax("Syntax Error in 'capture' - Valid syntax: capture [var]")
            }
            return String(target)
        }
        let name = try parser.parseMarkup(markup, strict2: { try parser.variableName(markup) }, strict: lax, lax: lax)
        let (body, stop) = try parser.parseBlock()
        guard let stop else { throw LiquidError.syntax("'capture' tag was never closed") }
        guard stop.name == "endcapture" else { throw parser.unknownTag(stop, in: "capture", delimiter: "endcapture") }
        return Capture(name: name, body: body, line: line)
    }

    func render(_ context: Context, into output: inout String) throws {
        let saved = context.limits.captureLength
        context.limits.captureLength = 0
        defer { context.limits.captureLength = saved }
        var captured = ""
        try body.render(context, into: &captured)
        context.assignOutermost(name, .string(captured))
    }
}

/// `{% echo value | filter %}`: an output written as a tag.
final class Echo: Node {
    let value: Output
    var line: Int? { value.line }
    var isBlank: Bool { false }

    private init(value: Output) {
        self.value = value
    }

    static let parser = TagParser { _, markup, parser in
        Echo(value: try Output(markup: markup, parser: parser))
    }

    func render(_ context: Context, into output: inout String) throws {
        try value.render(context, into: &output)
    }
}

/// `{% increment name %}` and `{% decrement name %}`: counters kept apart
/// from assigned variables.
final class Counter: Node {
    let name: String
    let step: Int
    let line: Int?
    var isBlank: Bool { false }

    private init(name: String, step: Int, line: Int?) {
        self.name = name
        self.step = step
        self.line = line
    }

    static func parser(step: Int) -> TagParser {
        TagParser { _, markup, parser in
            let stripped = { String(RubyString.strip(markup)) }
            let name = try parser.parseMarkup(markup, strict2: { try parser.variableName(markup) },
                                              strict: stripped, lax: stripped)
            return Counter(name: name, step: step, line: parser.line)
        }
    }

    func render(_ context: Context, into output: inout String) throws {
        output += String(context.counter(name, by: step))
    }
}

/// `{% break %}` and `{% continue %}`.
final class LoopControl: Node {
    let interrupt: Interrupt
    let line: Int?
    var isBlank: Bool { false }

    private init(interrupt: Interrupt, line: Int?) {
        self.interrupt = interrupt
        self.line = line
    }

    static func parser(_ interrupt: Interrupt) -> TagParser {
        TagParser { _, _, parser in LoopControl(interrupt: interrupt, line: parser.line) }
    }

    func render(_ context: Context, into output: inout String) throws {
        context.interrupts.append(interrupt)
    }
}
