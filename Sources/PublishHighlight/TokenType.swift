/// A kind of token, named as Pygments names it (`Keyword.Declaration`,
/// `Literal.String.Double`) and written as the short class Pygments and
/// Rouge put in HTML (`kd`, `s2`), so stylesheets written for either apply.
///
/// Types form a tree by their dotted names: a palette that styles `String`
/// styles `String.Double` too, unless it says otherwise.
public struct TokenType: Hashable, Sendable, CustomStringConvertible {
    /// The index into `TokenType.table`.
    let index: UInt16

    /// The dotted name without the root: `Name.Function`, or `Text`.
    public var name: String { TokenType.table[Int(index)].name }

    /// The HTML class: `nf`; empty for plain text, which gets no span.
    public var shortClass: String { TokenType.table[Int(index)].short }

    /// The type one level up (`Name` for `Name.Function`); nil for `Text`
    /// and the top-level kinds' root.
    public var parent: TokenType? {
        let name = self.name
        guard let dot = name.lastIndex(of: ".") else { return nil }
        return TokenType(named: String(name[..<dot]))
    }

    public var description: String { name }

    public static let text = TokenType(index: 0)
    public static let whitespace = TokenType(named: "Text.Whitespace")!
    public static let error = TokenType(named: "Error")!

    /// The type of a dotted name as lexer files write it. `String` and
    /// `Number` may omit `Literal.`, as in Pygments; `Token.` may lead.
    public init?(named name: String) {
        var name = Substring(name)
        if name.hasPrefix("Token.") { name = name.dropFirst(6) }
        if name.hasPrefix("String") || name.hasPrefix("Number") || name.hasPrefix("Date") {
            name = "Literal." + name
        }
        guard let index = TokenType.indexByName[String(name)] else { return nil }
        self.index = UInt16(index)
    }

    /// The type whose HTML class is `short` (`s2`); nil when none is.
    public init?(shortClass short: String) {
        guard let index = TokenType.indexByShort[short] else { return nil }
        self.index = UInt16(index)
    }

    init(index: UInt16) {
        self.index = index
    }

    /// Every type with its short class, as Pygments' `STANDARD_TYPES` and
    /// Rouge's token list name them.
    static let table: [(name: String, short: String)] = [
        ("Text", ""), ("Text.Whitespace", "w"), ("Escape", "esc"), ("Error", "err"), ("Other", "x"),
        ("Keyword", "k"), ("Keyword.Constant", "kc"), ("Keyword.Declaration", "kd"),
        ("Keyword.Namespace", "kn"), ("Keyword.Pseudo", "kp"), ("Keyword.Reserved", "kr"),
        ("Keyword.Type", "kt"), ("Keyword.Variable", "kv"),
        ("Name", "n"), ("Name.Attribute", "na"), ("Name.Builtin", "nb"), ("Name.Builtin.Pseudo", "bp"),
        ("Name.Class", "nc"), ("Name.Constant", "no"), ("Name.Decorator", "nd"), ("Name.Entity", "ni"),
        ("Name.Exception", "ne"), ("Name.Function", "nf"), ("Name.Function.Magic", "fm"),
        ("Name.Property", "py"), ("Name.Label", "nl"), ("Name.Namespace", "nn"), ("Name.Other", "nx"),
        ("Name.Tag", "nt"), ("Name.Variable", "nv"), ("Name.Variable.Class", "vc"),
        ("Name.Variable.Global", "vg"), ("Name.Variable.Instance", "vi"), ("Name.Variable.Magic", "vm"),
        ("Literal", "l"), ("Literal.Date", "ld"),
        ("Literal.String", "s"), ("Literal.String.Affix", "sa"), ("Literal.String.Backtick", "sb"),
        ("Literal.String.Char", "sc"), ("Literal.String.Delimiter", "dl"), ("Literal.String.Doc", "sd"),
        ("Literal.String.Double", "s2"), ("Literal.String.Escape", "se"), ("Literal.String.Heredoc", "sh"),
        ("Literal.String.Interpol", "si"), ("Literal.String.Other", "sx"), ("Literal.String.Regex", "sr"),
        ("Literal.String.Single", "s1"), ("Literal.String.Symbol", "ss"),
        ("Literal.Number", "m"), ("Literal.Number.Bin", "mb"), ("Literal.Number.Float", "mf"),
        ("Literal.Number.Hex", "mh"), ("Literal.Number.Integer", "mi"), ("Literal.Number.Integer.Long", "il"),
        ("Literal.Number.Oct", "mo"), ("Literal.Number.Other", "mx"),
        ("Operator", "o"), ("Operator.Word", "ow"),
        ("Punctuation", "p"), ("Punctuation.Indicator", "pi"),
        ("Comment", "c"), ("Comment.Hashbang", "ch"), ("Comment.Multiline", "cm"), ("Comment.Preproc", "cp"), ("Comment.Doc", "cd"),
        ("Comment.PreprocFile", "cpf"), ("Comment.Single", "c1"), ("Comment.Special", "cs"),
        ("Generic", "g"), ("Generic.Deleted", "gd"), ("Generic.Emph", "ge"), ("Generic.Error", "gr"),
        ("Generic.Heading", "gh"), ("Generic.Inserted", "gi"), ("Generic.Output", "go"),
        ("Generic.Prompt", "gp"), ("Generic.Strong", "gs"), ("Generic.Subheading", "gu"),
        ("Generic.Traceback", "gt"), ("Generic.Lineno", "gl"),
    ]

    static let indexByName: [String: Int] = Dictionary(
        uniqueKeysWithValues: table.enumerated().map { ($0.element.name, $0.offset) })
    static let indexByShort: [String: Int] = Dictionary(
        table.enumerated().filter { !$0.element.short.isEmpty }.map { ($0.element.short, $0.offset) },
        uniquingKeysWith: { first, _ in first })

    /// Every type, for palettes and tests.
    public static var all: [TokenType] { (0..<table.count).map { TokenType(index: UInt16($0)) } }
}
