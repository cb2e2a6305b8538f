/// Turns a template's tokens into a tree of bodies and nodes, as
/// liquid-ruby's block bodies parse: a tag the body does not know (an end
/// tag, `else`, `when`) is handed back to the block that is parsing it.
public final class TemplateParser {
    let environment: Environment
    public let errorMode: ErrorMode
    /// The tokens being read: the template's, or the lines of a
    /// `{% liquid %}` tag inside it.
    private var sources: [Tokenizer]
    /// Whether the text after the last tag loses its leading blanks (`-%}`).
    var trimsNextText = false
    /// The line of the token being parsed.
    public private(set) var line: Int
    /// Where the token being parsed starts in the source.
    private var tokenStart: String.Index?
    /// How far columns have been counted, and the column there: tokens come
    /// in order, so counting on from the last one keeps this linear.
    private var counted: (index: String.Index, column: Int)
    private let source: String

    /// The column of the token being parsed, in bytes from 1.
    public var column: Int? {
        tokenStart.map(columnOf)
    }
    var depth = 0
    /// Syntax errors read the forgiving way in `warn` mode.
    public private(set) var warnings: [LiquidError] = []

    init(source: String, environment: Environment, errorMode: ErrorMode) {
        self.environment = environment
        self.errorMode = errorMode
        self.sources = [Tokenizer(source)]
        self.source = source
        self.counted = (source.startIndex, 1)
        self.line = 1
    }

    /// A tag the body stopped at: an end tag or a branch of its block.
    public struct Stop {
        public var name: String
        public var markup: Substring
        /// Where the tag is, for an error about it.
        public var line: Int
        public var column: Int?
    }

    var isLiquidTag: Bool { sources[sources.count - 1].isLiquidTag }

    /// Parses tokens into a body until a tag it does not know, which it
    /// returns, or the end of the tokens (nil).
    func parseBody() throws -> (Body, Stop?) {
        var builder = BodyBuilder()
        let stop = try parse(into: &builder)
        return (builder.finish(), stop)
    }

    /// Parses a block's body; the block checks the tag that ended it.
    public func parseBlock() throws -> (Body, Stop?) {
        guard depth < environment.maximumDepth else { throw LiquidError(.stackLevel, "Nesting too deep") }
        depth += 1
        defer { depth -= 1 }
        return try parseBody()
    }

    /// The next raw token, for tags that read their body themselves (`raw`, `comment`).
    public func nextToken() -> Substring? {
        let token = sources[sources.count - 1].next()
        return token
    }

    private func parse(into builder: inout BodyBuilder) throws -> Stop? {
        line = sources[sources.count - 1].line
        if isLiquidTag { return try parseLiquidLines(into: &builder) }
        while let token = sources[sources.count - 1].next() {
            defer { line = sources[sources.count - 1].line }
            if token.isEmpty { continue }
            tokenStart = token.startIndex
            if token.hasPrefix("{%") {
                trimBefore(token, in: &builder)
                guard let tag = TagToken(token) else {
                    if token.hasSuffix("%}") { return Stop(name: String(token), markup: token, line: line, column: column) }
                    throw LiquidError.syntax("Tag '\(token)' was not properly terminated with regexp: /\\%\\}/")
                }
                line += tag.leadingLineBreaks
                if tag.name == "liquid" {
                    try parseLiquidTag(tag.markup, into: &builder)
                    continue
                }
                guard let parser = environment.tags[String(tag.name)] else {
                    return Stop(name: String(tag.name), markup: tag.markup, line: line, column: column)
                }
                let node = try withLine { try parser.parse(String(tag.name), tag.markup, self) }
                builder.append(node)
            } else if token.hasPrefix("{{") {
                trimBefore(token, in: &builder)
                guard token.hasSuffix("}}") else {
                    throw LiquidError.syntax("Variable '\(token)' was not properly terminated with regexp: /\\}\\}/")
                }
                var markup = token.dropFirst(2).dropLast(2)
                if markup.hasPrefix("-") { markup = markup.dropFirst() }
                if markup.hasSuffix("-") { markup = markup.dropLast() }
                let node = try withLine { try Output(markup: markup, parser: self) }
                builder.append(node, blank: false)
            } else {
                var text = token
                if trimsNextText { text = RubyString.lstrip(text) }
                trimsNextText = false
                builder.append(text: text)
            }
        }
        return nil
    }

    /// The column of `index`, in bytes from 1, counted on from the last one asked.
    private func columnOf(_ index: String.Index) -> Int {
        let bytes = source.utf8
        var (position, column) = counted
        if index < position {
            // Asked out of order: count back to the start of the line instead.
            position = index
            column = 1
            while position > bytes.startIndex, bytes[bytes.index(before: position)] != 0x0A {
                position = bytes.index(before: position)
                column += 1
            }
            return column
        }
        while position < index {
            column = bytes[position] == 0x0A ? 1 : column + 1
            position = bytes.index(after: position)
        }
        counted = (position, column)
        return column
    }

    /// `{%-` and `{{-` take the blanks off the end of the text before them;
    /// `-%}` and `-}}` off the start of the text after.
    private func trimBefore(_ token: Substring, in builder: inout BodyBuilder) {
        let bytes = Array(token.utf8.prefix(3))
        if bytes.count == 3, bytes[2] == UInt8(ascii: "-") { builder.trimLastText() }
        let tail = Array(token.utf8.suffix(3))
        trimsNextText = tail.count == 3 && tail[0] == UInt8(ascii: "-") && token.utf8.count >= 5
    }

    /// Runs `parse` with the line of the tag, and stamps it on any error.
    private func withLine<T>(_ parse: () throws -> T) throws -> T {
        let tagLine = line
        let tagColumn = column
        do {
            return try parse()
        } catch var error as LiquidError {
            if error.line == nil {
                error.line = tagLine
                error.column = tagColumn
            }
            throw error
        }
    }

    private func parseLiquidTag(_ markup: Substring, into builder: inout BodyBuilder) throws {
        // `{% liquid liquid liquid … %}` nests like blocks do, and as far.
        guard sources.count <= environment.maximumDepth else { throw LiquidError(.stackLevel, "Nesting too deep") }
        sources.append(Tokenizer(liquidTagMarkup: markup, line: line))
        defer { sources.removeLast() }
        if let stop = try parseLiquidLines(into: &builder) {
            throw unknownTag(stop, in: "liquid", delimiter: "%}")
        }
    }

    /// The lines of a `{% liquid %}` tag: each one a tag without its braces.
    private func parseLiquidLines(into builder: inout BodyBuilder) throws -> Stop? {
        while let token = sources[sources.count - 1].next() {
            defer { line = sources[sources.count - 1].line }
            let trimmed = RubyString.strip(token)
            if trimmed.isEmpty { continue }
            guard let (name, markup) = TagToken.liquidLine(trimmed) else {
                return Stop(name: String(token), markup: token, line: line, column: nil)
            }
            if name == "liquid" {
                line -= 1
                try parseLiquidTag(markup, into: &builder)
                continue
            }
            guard let parser = environment.tags[String(name)] else {
                return Stop(name: String(name), markup: markup, line: line, column: nil)
            }
            let tagLine = line
            do {
                builder.append(try parser.parse(String(name), markup, self))
            } catch var error as LiquidError {
                if error.line == nil { error.line = tagLine }
                throw error
            }
        }
        return nil
    }

    /// The error for a tag no block expected, located at that tag.
    public func unknownTag(_ stop: Stop, in block: String, delimiter: String) -> LiquidError {
        var error: LiquidError
        if stop.name == "else" {
            error = .syntax("\(block) tag does not expect 'else' tag")
        } else if stop.name.hasPrefix("end") {
            error = .syntax("'\(stop.name)' is not a valid delimiter for \(block) tags. use \(delimiter)")
        } else {
            error = .syntax("Unknown tag '\(stop.name)'")
        }
        error.line = stop.line
        error.column = stop.column
        return error
    }

    func warn(_ error: LiquidError) {
        var error = error
        if error.line == nil { error.line = line }
        warnings.append(error)
    }
}

/// `{%- name markup -%}` taken apart.
struct TagToken {
    var name: Substring
    var markup: Substring
    /// Line breaks between `{%` and the markup, which count towards the tag's line.
    var leadingLineBreaks: Int

    init?(_ token: Substring) {
        guard token.hasPrefix("{%"), token.hasSuffix("%}"), token.utf8.count >= 4 else { return nil }
        var inner = token.dropFirst(2).dropLast(2)
        if inner.hasPrefix("-") { inner = inner.dropFirst() }
        let afterOpen = RubyString.lstrip(inner)
        var breaks = inner[..<afterOpen.startIndex].filter { $0 == "\n" }.count
        guard let (name, rest) = TagToken.name(in: afterOpen) else { return nil }
        var markup = RubyString.lstrip(rest)
        breaks += rest[..<markup.startIndex].filter { $0 == "\n" }.count
        if markup.hasSuffix("-") { markup = markup.dropLast() }
        self.name = name
        self.markup = markup
        self.leadingLineBreaks = breaks
    }

    /// `#` or a run of word characters.
    static func name(in text: Substring) -> (Substring, Substring)? {
        guard let first = text.utf8.first else { return nil }
        if first == UInt8(ascii: "#") { return (text.prefix(1), text.dropFirst()) }
        let end = text.utf8.firstIndex { !(Lexer.isLetter($0) || Lexer.isDigit($0) || $0 == UInt8(ascii: "_")) } ?? text.endIndex
        guard end != text.startIndex else { return nil }
        return (text[..<end], text[end...])
    }

    /// A line of a `{% liquid %}` tag: its tag name and the rest.
    static func liquidLine(_ line: Substring) -> (Substring, Substring)? {
        guard let (name, rest) = name(in: line) else { return nil }
        return (name, RubyString.strip(rest))
    }
}

/// Collects a body's elements, tracking whether it is blank.
struct BodyBuilder {
    private var elements: [Body.Element] = []
    private var blank = true

    mutating func append(_ node: any Node, blank nodeBlank: Bool? = nil) {
        elements.append(.node(node))
        blank = blank && (nodeBlank ?? node.isBlank)
    }

    mutating func append(text: Substring) {
        guard !text.isEmpty else { return }
        elements.append(.text(String(text)))
        if blank { blank = text.utf8.allSatisfy { RubyString.isSpace($0) && $0 != 0 } }
    }

    mutating func trimLastText() {
        guard case .text(let text)? = elements.last else { return }
        let trimmed = RubyString.rstrip(text[...])
        elements[elements.count - 1] = .text(String(trimmed))
    }

    func finish() -> Body {
        Body(elements, isBlank: blank)
    }
}
