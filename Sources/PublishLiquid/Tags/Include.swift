/// `{% include 'name' with value as alias, key: value %}` (sharing the
/// caller's variables) and `{% render 'name' for items as item %}` (in a
/// scope of its own, where `include` is not allowed).
final class Include: Node {
    let isRender: Bool
    let template: Expression
    let value: Expression?
    let isForLoop: Bool
    let alias: String?
    let attributes: [(String, Expression)]
    let line: Int?
    var isBlank: Bool { false }

    private init(isRender: Bool, header: Header, line: Int?) {
        self.isRender = isRender
        template = header.template
        value = header.value
        isForLoop = header.isForLoop
        alias = header.alias
        attributes = header.attributes
        self.line = line
    }

    struct Header {
        var template: Expression
        var value: Expression?
        var isForLoop = false
        var alias: String?
        var attributes: [(String, Expression)] = []
    }

    static func parser(isRender: Bool) -> TagParser {
        TagParser { name, markup, parser in
            let header = try parser.parseMarkup(markup, strict2: { try strict2(markup, parser, isRender: isRender) },
                                                strict: { try lax(markup, isRender: isRender) },
                                                lax: { try lax(markup, isRender: isRender) })
            return Include(isRender: isRender, header: header, line: parser.line)
        }
    }

    private static func strict2(_ markup: Substring, _ parser: TemplateParser, isRender: Bool) throws -> Header {
        var p = try parser.markupParser(markup)
        let template: Expression
        if isRender {
            let name = try p.consume(.string)
            template = .literal(.string(String(name.dropFirst().dropLast())))
        } else {
            template = try p.expression()
        }
        var header = Header(template: template)
        if p.consumeWord("for") {
            header.isForLoop = true
            header.value = try p.expression()
        } else if p.consumeWord("with") {
            header.value = try p.expression()
        }
        if p.consumeWord("as") { header.alias = String(try p.consume(.id)) }
        _ = p.consumeIf(.comma)
        while p.look(.id) {
            let key = String(p.consume().text)
            try p.consume(.colon)
            header.attributes.append((key, try p.expression()))
            _ = p.consumeIf(.comma)
        }
        try p.consume(.endOfString)
        return header
    }

    private static let includeSyntax = LaxScanner.regex(
        "(\(LaxScanner.quotedFragment)+)(\(LaxScanner.s)+(with|for)\(LaxScanner.s)+(\(LaxScanner.quotedFragment)+))?(\(LaxScanner.s)+(?:as)\(LaxScanner.s)+([a-zA-Z0-9_-]+))?")
    private static let renderSyntax = LaxScanner.regex(
        "((?:\(LaxScanner.quotedString))+)(\(LaxScanner.s)+(with|for)\(LaxScanner.s)+(\(LaxScanner.quotedFragment)+))?(\(LaxScanner.s)+(?:as)\(LaxScanner.s)+([a-zA-Z0-9_-]+))?")

    private static func lax(_ markup: Substring, isRender: Bool) throws -> Header {
        guard let match = LaxScanner.firstMatch(isRender ? renderSyntax : includeSyntax, in: markup), let name = match[1] else {
            throw LiquidError.syntax(isRender ? "Syntax error in tag 'render' - Template name must be a quoted string"
                                              : "Error in tag 'include' - Valid syntax: include '[template]' (with|for) [object|collection]")
        }
        var header = Header(template: Expression.parse(lax: name))
        header.isForLoop = match[3] == "for"
        header.value = match[4].map { Expression.parse(lax: $0) }
        header.alias = match[6].map(String.init)
        header.attributes = LaxScanner.tagAttributes(in: markup).map { (String($0.0), Expression.parse(lax: $0.1)) }
        return header
    }

    private static func isCollection(_ value: Value) -> Bool {
        switch value {
        case .array, .range, .hash: true
        case .drop(let drop): drop.items != nil
        default: false
        }
    }

    func render(_ context: Context, into output: inout String) throws {
        if !isRender, context.disablesInclude {
            throw LiquidError(.disabled, "include usage is not allowed in this context")
        }
        let nameValue = try template.evaluate(context)
        guard case .string(let name) = nameValue else {
            throw LiquidError.argument(isRender ? "Template name must be a quoted string"
                                                : "Argument error in tag 'include' - Illegal template name")
        }
        let partial = try context.partial(named: name)
        let variableName = alias ?? String(name.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        if isRender {
            try renderIsolated(partial, name: name, variableName: variableName, context: context, output: &output)
        } else {
            try include(partial, name: name, variableName: variableName, context: context, output: &output)
        }
    }

    private func include(_ partial: Template, name: String, variableName: String, context: Context,
                         output: inout String) throws {
        let variable = try value?.evaluate(context) ?? (context[name] ?? .nil)
        let savedName = context.templateName
        context.templateName = partial.name
        try context.push()
        defer {
            context.pop()
            context.templateName = savedName
        }
        for (key, expression) in attributes { context[key] = try expression.evaluate(context) }
        if case .array(let items) = variable {
            for item in items {
                context[variableName] = item
                try partial.root.render(context, into: &output)
            }
        } else {
            context[variableName] = variable
            try partial.root.render(context, into: &output)
        }
    }

    private func renderIsolated(_ partial: Template, name: String, variableName: String, context: Context,
                                output: inout String) throws {
        let variable = try value?.evaluate(context) ?? .nil
        func renderOne(_ item: Value, loop: ForLoopDrop?) throws {
            let inner = try context.isolated()
            defer { inner.finishIsolated() }
            inner.templateName = partial.name
            inner.disablesInclude = true
            if let loop { inner["forloop"] = .drop(loop) }
            for (key, expression) in attributes { inner[key] = try expression.evaluate(context) }
            if !item.isNil { inner[variableName] = item }
            try partial.root.render(inner, into: &output)
        }
        // `for` goes over what can be gone over (an array, a range, a hash's
        // pairs); anything else is rendered once, as liquid-ruby does.
        if isForLoop, Include.isCollection(variable) {
            try context.countExpansion(of: variable)
            let items = variable.forItems
            let loop = ForLoopDrop(name: name, length: items.count, parent: nil)
            for item in items {
                try renderOne(item, loop: loop)
                loop.index += 1
            }
        } else {
            try renderOne(variable, loop: nil)
        }
    }
}
