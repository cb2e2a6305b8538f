/// `{% tablerow item in collection cols: 3 limit: n offset: m %}`: HTML table
/// rows and cells, with `tablerowloop`.
final class TableRow: Node {
    let variable: String
    let collection: Expression
    let attributes: [String: Expression]
    let body: Body
    let line: Int?
    var isBlank: Bool { false }

    private init(variable: String, collection: Expression, attributes: [String: Expression], body: Body, line: Int?) {
        self.variable = variable
        self.collection = collection
        self.attributes = attributes
        self.body = body
        self.line = line
    }

    static let parser = TagParser { _, markup, parser in
        let line = parser.line
        let (variable, collection, attributes) = try parser.parseMarkup(
            markup, strict2: { try strict2(markup, parser) }, strict: { try lax(markup) }, lax: { try lax(markup) })
        let (body, stop) = try parser.parseBlock()
        guard let stop else { throw LiquidError.syntax("'tablerow' tag was never closed") }
        guard stop.name == "endtablerow" else { throw parser.unknownTag(stop, in: "tablerow", delimiter: "endtablerow") }
        return TableRow(variable: variable, collection: collection, attributes: attributes, body: body, line: line)
    }

    private static let allowed: Set<String> = ["cols", "limit", "offset", "range"]

    private static func strict2(_ markup: Substring, _ parser: TemplateParser) throws -> (String, Expression, [String: Expression]) {
        var p = try parser.markupParser(markup)
        let variable = String(try p.consume(.id))
        guard p.consumeWord("in") else { throw LiquidError.syntax("For loops require an 'in' clause") }
        let collection = try p.expression()
        _ = p.consumeIf(.comma)
        var attributes: [String: Expression] = [:]
        while p.look(.id) {
            let key = String(p.consume().text)
            guard allowed.contains(key) else {
                throw LiquidError.syntax("Invalid attribute '\(key)' in tablerow loop. Valid attributes are cols, limit, offset, and range")
            }
            try p.consume(.colon)
            attributes[key] = try p.expression()
            _ = p.consumeIf(.comma)
        }
        try p.consume(.endOfString)
        return (variable, collection, attributes)
    }

    private static let syntax = LaxScanner.regex(
        "(\(LaxScanner.w)+)\(LaxScanner.s)+in\(LaxScanner.s)+(\(LaxScanner.quotedFragment)+)")

    private static func lax(_ markup: Substring) throws -> (String, Expression, [String: Expression]) {
        guard let match = LaxScanner.firstMatch(syntax, in: markup), let variable = match[1], let collection = match[2] else {
            throw LiquidError.syntax("Syntax Error in 'table_row loop' - Valid syntax: table_row [item] in [collection] cols=3")
        }
        var attributes: [String: Expression] = [:]
        for (key, value) in LaxScanner.tagAttributes(in: markup) { attributes[String(key)] = Expression.parse(lax: value) }
        return (String(variable), Expression.parse(lax: collection), attributes)
    }

    /// `to_i` of an attribute: nil and text read as Ruby reads them.
    private func integer(_ key: String, _ context: Context) throws -> Int? {
        guard let expression = attributes[key] else { return nil }
        let value = try expression.evaluate(context)
        switch value {
        case .int(let number): return number
        case .float(let number): return RubyNumber.toI(number)
        case .nil: return 0
        case .string(let text): return RubyNumber.toI(text)
        default: throw LiquidError.argument("invalid integer")
        }
    }

    func render(_ context: Context, into output: inout String) throws {
        let value = try collection.evaluate(context)
        guard value.isTruthy else { return }
        let from = try integer("offset", context) ?? 0
        let to = try integer("limit", context).map { Loop.adding(from, $0) }
        let segment = Loop.Segment(value, from: from, to: to, reversed: false)
        let length = segment.count
        let cols = try integer("cols", context) ?? length
        output += "<tr class=\"row1\">\n"
        let loop = TableRowLoopDrop(length: length, cols: cols)
        try context.push(["tablerowloop": .drop(loop)])
        defer { context.pop() }
        for index in 0..<length {
            try context.limits.addIteration()
            context[variable] = segment[index]
            output += "<td class=\"col\(loop.col)\">"
            try body.render(context, into: &output)
            output += "</td>"
            if let interrupt = context.interrupts.popLast(), interrupt == .breakLoop { break }
            if loop.col == loop.cols, loop.index != length - 1 {
                output += "</tr>\n<tr class=\"row\(loop.row + 1)\">"
            }
            loop.advance()
        }
        output += "</tr>\n"
    }
}

/// `tablerowloop`: where a `tablerow` loop is.
final class TableRowLoopDrop: Drop, @unchecked Sendable {
    // Lives inside one render, like `ForLoopDrop`.
    let length: Int
    let cols: Int
    var index = 0
    var row = 1
    var col = 1

    init(length: Int, cols: Int) {
        self.length = length
        self.cols = cols
    }

    func advance() {
        index += 1
        if col == cols {
            col = 1
            row += 1
        } else {
            col += 1
        }
    }

    func value(for key: String) -> Value? {
        switch key {
        case "col": .int(col)
        case "col0": .int(col - 1)
        case "row": .int(row)
        case "col_first": .bool(col == 1)
        case "col_last": .bool(col == cols)
        default: Loop.position(key, index: index, length: length)
        }
    }

    var typeName: String { "Liquid::TablerowloopDrop" }
}
