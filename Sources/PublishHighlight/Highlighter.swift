/// Highlights code: the lexer its language names, run over the text
/// within a step budget proportional to its length.
public enum Highlighter {
    public enum Result: Sendable, Equatable {
        case highlighted([TokenRun])
        /// No lexer has the name.
        case unknownLanguage
        /// The lexer took more steps than the text's length allows; the
        /// code stays plain. Only pathological text in a lexer's blind spot
        /// does this.
        case tooCostly
    }

    /// Steps per byte of code, and once per block: ten times what the
    /// heaviest lexer takes on real code (Markdown, 14 a byte; most take
    /// 3 to 10), far below what an exponential backtrack would.
    public static let stepsPerByte = 100
    public static let stepsPerBlock = 100_000

    public static func highlight(_ code: String, language: String,
                                 catalog: LexerCatalog = .standard) -> Result {
        guard let lexer = catalog.lexer(named: language) else { return .unknownLanguage }
        return highlight(code, with: lexer, catalog: catalog)
    }

    public static func highlight(_ code: String, with lexer: Lexer, catalog: LexerCatalog = .standard) -> Result {
        run(code, with: lexer, catalog: catalog).result
    }

    /// The result, and the steps it took.
    static func run(_ code: String, with lexer: Lexer, catalog: LexerCatalog) -> (result: Result, steps: Int) {
        let bytes = Array(code.utf8)
        let budget = stepsPerBlock + stepsPerByte * bytes.count
        var tokenizer = Tokenizer(catalog: catalog, budget: budget)
        do {
            try bytes.withUnsafeBufferPointer { try tokenizer.lex($0, lexer) }
        } catch {
            return (.tooCostly, budget)
        }
        return (.highlighted(tokenizer.runs), budget - tokenizer.budget)
    }
}
