/// `{% for item in collection reversed limit: n offset: m %}…{% else %}…{% endfor %}`.
final class For: Node {
    let variable: String
    let collection: Expression
    /// The key `offset: continue` remembers where this loop stopped under.
    let name: String
    let reversed: Bool
    let limit: Expression?
    let offset: Offset?
    let body: Body
    let elseBody: Body?
    let line: Int?
    let isBlank: Bool

    enum Offset: Sendable {
        case value(Expression)
        case continuing
    }

    private init(header: Header, body: Body, elseBody: Body?, line: Int?, isBlank: Bool) {
        variable = header.variable
        collection = header.collection
        name = header.name
        reversed = header.reversed
        limit = header.limit
        offset = header.offset
        self.body = body
        self.elseBody = elseBody
        self.line = line
        self.isBlank = isBlank
    }

    struct Header {
        var variable: String
        var collection: Expression
        var name: String
        var reversed = false
        var limit: Expression?
        var offset: Offset?
    }

    static let parser = TagParser { _, markup, parser in
        let line = parser.line
        let header = try parser.parseMarkup(markup, strict2: { try strict(markup, parser) },
                                            strict: { try strict(markup, parser) }, lax: { try lax(markup) })
        var (body, stop) = try parser.parseBlock()
        var elseBody: Body?
        var blank = body.isBlank
        while true {
            guard let found = stop else { throw LiquidError.syntax("'for' tag was never closed") }
            if found.name == "endfor" { break }
            guard found.name == "else" else { throw parser.unknownTag(found, in: "for", delimiter: "endfor") }
            if elseBody != nil {
                // liquid-ruby ends the loop at a second `else`, with an empty
                // else block; what follows belongs to the block around it.
                elseBody = BodyBuilder().finish()
                break
            }
            let (next, nextStop) = try parser.parseBlock()
            elseBody = next
            blank = blank && next.isBlank
            stop = nextStop
        }
        if blank {
            body = body.withoutText()
            elseBody = elseBody?.withoutText()
        }
        return For(header: header, body: body, elseBody: elseBody, line: line, isBlank: blank)
    }

    private static func strict(_ markup: Substring, _ parser: TemplateParser) throws -> Header {
        var p = try parser.markupParser(markup)
        let variable = String(try p.consume(.id))
        guard p.consumeWord("in") else { throw LiquidError.syntax("For loops require an 'in' clause") }
        let start = p.position
        let collection = try p.expression()
        var header = Header(variable: variable, collection: collection, name: variable + "-" + p.text(from: start))
        header.reversed = p.consumeWord("reversed")
        while p.look(.comma) || p.look(.id) {
            _ = p.consumeIf(.comma)
            let attribute: String
            if p.consumeWord("limit") { attribute = "limit" } else if p.consumeWord("offset") { attribute = "offset" } else {
                throw LiquidError.syntax("Invalid attribute in for loop. Valid attributes are limit and offset")
            }
            try p.consume(.colon)
            let isContinue = p.look(.id) && p.current.text == "continue" && !p.look(.dot, ahead: 1) && !p.look(.openSquare, ahead: 1)
            let value = try p.expression()
            if attribute == "limit" {
                header.limit = value
            } else {
                header.offset = isContinue ? .continuing : .value(value)
            }
        }
        try p.consume(.endOfString)
        return header
    }

    private static let syntax = LaxScanner.regex(
        "\\A([a-zA-Z0-9_-]+)\(LaxScanner.s)+in\(LaxScanner.s)+(\(LaxScanner.quotedFragment)+)\(LaxScanner.s)*(reversed)?")

    private static func lax(_ markup: Substring) throws -> Header {
        guard let match = LaxScanner.firstMatch(syntax, in: markup), let variable = match[1], let collection = match[2] else {
            throw LiquidError.syntax("Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]")
        }
        var header = Header(variable: String(variable), collection: Expression.parse(lax: collection),
                            name: "\(variable)-\(collection)")
        header.reversed = match[3] != nil
        for (key, value) in LaxScanner.tagAttributes(in: markup) {
            switch key {
            case "offset": header.offset = value == "continue" ? .continuing : .value(Expression.parse(lax: value))
            case "limit": header.limit = Expression.parse(lax: value)
            default: break
            }
        }
        return header
    }

    func render(_ context: Context, into output: inout String) throws {
        let from: Int
        switch offset {
        case .continuing: from = context.registers.forOffsets[name] ?? 0
        case .value(let expression):
            let value = try expression.evaluate(context)
            from = value.isNil ? 0 : try Loop.integer(value)
        case nil: from = 0
        }
        let limitValue = try limit?.evaluate(context) ?? .nil
        // Ruby's integers have no bounds: an end past Int's saturates, which
        // selects the same items (an end past or before every collection).
        let to: Int? = limitValue.isNil ? nil : Loop.adding(try Loop.integer(limitValue), from)
        let segment = Loop.Segment(try collection.evaluate(context), from: from, to: to, reversed: reversed)
        context.registers.forOffsets[name] = from + segment.count
        if segment.count == 0 {
            try elseBody?.render(context, into: &output)
            return
        }
        let loop = ForLoopDrop(name: name, length: segment.count, parent: context.registers.forStack.last)
        context.registers.forStack.append(loop)
        try context.push(["forloop": .drop(loop)])
        defer {
            context.pop()
            context.registers.forStack.removeLast()
        }
        for index in 0..<segment.count {
            try context.limits.addIteration()
            context[variable] = segment[index]
            try body.render(context, into: &output)
            loop.index += 1
            if let interrupt = context.interrupts.popLast(), interrupt == .breakLoop { break }
        }
    }
}

/// What `for` and `tablerow` share: how a collection is cut into the
/// part a loop goes over, without making a long range into an array.
enum Loop {
    struct Segment {
        private enum Storage {
            case items([Value])
            case numbers(low: Int, count: Int, reversed: Bool)
        }

        private let storage: Storage

        init(_ collection: Value, from: Int, to: Int?, reversed: Bool) {
            let start = max(from, 0)
            if case .range(let low, let high) = collection {
                let total = Loop.count(low, high)
                let end = min(to.map { max($0, 0) } ?? total, total)
                let count = max(0, end - start)
                // `low + start` is in the range when anything is left of it.
                storage = .numbers(low: count > 0 ? low + start : low, count: count, reversed: reversed)
                return
            }
            if case .string(let text) = collection {
                // liquid-ruby takes text whole, whatever the limit and offset.
                storage = .items(text.isEmpty ? [] : [collection])
                return
            }
            let items = collection.forItems
            let end = min(to.map { max($0, 0) } ?? items.count, items.count)
            var slice = start < end ? Array(items[start..<end]) : []
            if reversed { slice.reverse() }
            storage = .items(slice)
        }

        var count: Int {
            switch storage {
            case .items(let items): items.count
            case .numbers(_, let count, _): count
            }
        }

        subscript(index: Int) -> Value {
            switch storage {
            case .items(let items): return items[index]
            case .numbers(let low, let count, let reversed): return .int(low + (reversed ? count - 1 - index : index))
            }
        }
    }

    /// What `forloop` and `tablerowloop` both say of where a loop is.
    static func position(_ key: String, index: Int, length: Int) -> Value? {
        switch key {
        case "length": .int(length)
        case "index": .int(index + 1)
        case "index0": .int(index)
        case "rindex": .int(length - index)
        case "rindex0": .int(length - index - 1)
        case "first": .bool(index == 0)
        case "last": .bool(index == length - 1)
        default: nil
        }
    }

    /// liquid-ruby's `Utils.to_integer`: an integer, or text that reads as one.
    /// `a + b`, saturating at Int's bounds instead of trapping.
    static func adding(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }

    /// How many integers `low...high` holds, Int.max when more (a range
    /// from near Int.min to near Int.max).
    static func count(_ low: Int, _ high: Int) -> Int {
        guard high >= low else { return 0 }
        let (difference, overflow) = high.subtractingReportingOverflow(low)
        return overflow ? .max : adding(difference, 1)
    }

    static func integer(_ value: Value) throws -> Int {
        if case .int(let number) = value { return number }
        guard let number = Int(RubyString.strip(value.text[...])) else { throw LiquidError.argument("invalid integer") }
        return number
    }
}

/// `forloop`: where a `for` loop is.
final class ForLoopDrop: Drop, @unchecked Sendable {
    // A drop lives inside one render, on the thread of that render; it is
    // Sendable only because every Value is.
    let name: String
    let length: Int
    let parent: ForLoopDrop?
    var index = 0

    init(name: String, length: Int, parent: ForLoopDrop?) {
        self.name = name
        self.length = length
        self.parent = parent
    }

    func value(for key: String) -> Value? {
        switch key {
        case "name": .string(name)
        case "parentloop": parent.map { .drop($0) } ?? .nil
        default: Loop.position(key, index: index, length: length)
        }
    }

    var typeName: String { "Liquid::ForloopDrop" }
}
