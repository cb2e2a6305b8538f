/// How a tag is made from its markup: `{% name markup %}`. A block tag
/// reads its body from the parser.
public struct TagParser: Sendable {
    public typealias Parse = @Sendable (_ name: String, _ markup: Substring, _ parser: TemplateParser) throws -> any Node

    let parse: Parse

    public init(_ parse: @escaping Parse) {
        self.parse = parse
    }
}

extension TemplateParser {
    /// Parses markup with the parser that the error mode asks for, the way
    /// liquid-ruby's tags choose: `strict2` for strict2, `strict` for
    /// strict, the forgiving reading for lax, and in warn mode strict2
    /// first with the forgiving reading after a warning.
    func parseMarkup<T>(_ markup: Substring, strict2: () throws -> T, strict: () throws -> T,
                        lax: () throws -> T) throws -> T {
        let context = "in \"\(RubyString.strip(markup))\""
        switch errorMode {
        case .strict2: return try located(context, strict2)
        case .strict: return try located(context, strict)
        case .lax: return try lax()
        case .warn:
            do { return try located(context, strict2) } catch let error as LiquidError where error.isSyntaxError {
                warn(error)
                return try lax()
            }
        }
    }

    /// Output and conditions: the strict reading in every mode but strict2,
    /// falling back to the forgiving one unless the mode is strict.
    func parseMarkupWithFallback<T>(context: String, strict2: () throws -> T, strict: () throws -> T,
                                    lax: () throws -> T) throws -> T {
        if errorMode == .strict2 { return try located(context, strict2) }
        do {
            return try located(context, strict)
        } catch let error as LiquidError where error.isSyntaxError {
            switch errorMode {
            case .strict, .strict2: throw error
            case .warn: warn(error)
            case .lax: break
            }
            return try lax()
        }
    }

    /// Runs `parse`, naming the markup in a syntax error it throws.
    private func located<T>(_ context: String, _ parse: () throws -> T) throws -> T {
        do {
            return try parse()
        } catch var error as LiquidError where error.isSyntaxError {
            error.markupContext = context
            throw error
        }
    }

    /// The one variable name `markup` must be, as strict2 reads the target
    /// of `assign`, `capture`, `increment` and `decrement`.
    func variableName(_ markup: Substring) throws -> String {
        var p = try markupParser(RubyString.strip(markup))
        let name = String(try p.consume(.id))
        try p.consume(.endOfString)
        return name
    }

    /// A new strict parser over `markup`.
    func markupParser(_ markup: Substring) throws -> Parser {
        try Parser(markup, rejectsBareBrackets: errorMode == .strict2)
    }
}
