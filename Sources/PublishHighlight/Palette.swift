/// Colours for highlighted code: a background, a foreground, and a style
/// per token type. A type without a style of its own takes its parent's
/// (`String.Double` that of `String`), as in Pygments' styles.
public struct Palette: Sendable {
    public let name: String
    public let background: String
    public let foreground: String
    /// CSS declarations by token type name (`Keyword`, `Name.Function`).
    let styles: [String: String]

    public static let names = ["github", "github-dark", "monokai", "solarized-light", "solarized-dark"]

    public static func named(_ name: String) -> Palette? {
        switch name {
        case "github": return .github
        case "github-dark": return .githubDark
        case "monokai": return .monokai
        case "solarized-light": return .solarizedLight
        case "solarized-dark": return .solarizedDark
        default: return nil
        }
    }

    /// The declarations for `type`, its own or its nearest ancestor's; empty when none.
    public func style(for type: TokenType) -> String {
        var current: TokenType? = type
        while let candidate = current {
            if let style = styles[candidate.name] { return style }
            current = candidate.parent
        }
        return ""
    }

    /// Every styled token class: `k` → `color:#cf222e;font-weight:bold`,
    /// for writers that put colours on the elements themselves; and under
    /// `highlight`, the block's background and colour.
    public var inlineStyles: [String: String] {
        var result: [String: String] = ["highlight": "background-color:\(background);color:\(foreground)"]
        for type in TokenType.all where !type.shortClass.isEmpty {
            let style = self.style(for: type)
            if !style.isEmpty { result[type.shortClass] = style }
        }
        return result
    }

    /// A stylesheet for code in `.highlight` (Rouge's and Pygments'
    /// container): the block's colours, then a rule per styled class.
    public func css(scope: String = ".highlight") -> String {
        var css = "\(scope) { background: \(background); color: \(foreground); }\n"
        var byStyle: [String: [String]] = [:]
        var order: [String] = []
        for type in TokenType.all where !type.shortClass.isEmpty {
            let style = self.style(for: type)
            guard !style.isEmpty else { continue }
            if byStyle[style] == nil { order.append(style) }
            byStyle[style, default: []].append("\(scope) .\(type.shortClass)")
        }
        for style in order {
            css += byStyle[style]!.joined(separator: ", ") + " { " + style.replacingOccurrences(of: ";", with: "; ") + " }\n"
        }
        return css
    }

    // MARK: The palettes

    /// GitHub's light colours.
    static let github = Palette(name: "github", background: "#f6f8fa", foreground: "#1f2328", styles: [
        "Comment": "color:#6e7781;font-style:italic", "Comment.Preproc": "color:#cf222e;font-style:normal",
        "Comment.PreprocFile": "color:#0a3069;font-style:normal", "Comment.Hashbang": "color:#6e7781;font-style:italic",
        "Keyword": "color:#cf222e", "Keyword.Constant": "color:#0550ae", "Keyword.Type": "color:#cf222e",
        "Name.Builtin": "color:#8250df", "Name.Function": "color:#8250df", "Name.Class": "color:#953800",
        "Name.Constant": "color:#0550ae", "Name.Decorator": "color:#8250df", "Name.Exception": "color:#953800",
        "Name.Tag": "color:#116329", "Name.Attribute": "color:#0550ae", "Name.Variable": "color:#953800",
        "Name.Namespace": "color:#24292f", "Name.Label": "color:#0550ae", "Name.Entity": "color:#0550ae",
        "Name.Property": "color:#0550ae", "Name.Builtin.Pseudo": "color:#0550ae",
        "Literal.String": "color:#0a3069", "Literal.String.Escape": "color:#0550ae",
        "Literal.String.Interpol": "color:#0550ae", "Literal.String.Regex": "color:#116329",
        "Literal.String.Symbol": "color:#0550ae", "Literal.Number": "color:#0550ae", "Literal": "color:#0550ae",
        "Operator.Word": "color:#cf222e", "Operator": "color:#cf222e",
        "Generic.Deleted": "color:#82071e;background-color:#ffebe9", "Generic.Inserted": "color:#116329;background-color:#dafbe1",
        "Generic.Heading": "color:#0550ae;font-weight:bold", "Generic.Subheading": "color:#8250df;font-weight:bold",
        "Generic.Prompt": "color:#6e7781;user-select:none", "Generic.Output": "color:#57606a",
        "Generic.Emph": "font-style:italic", "Generic.Strong": "font-weight:bold", "Generic.Error": "color:#82071e",
        "Generic.Traceback": "color:#82071e", "Error": "color:#82071e",
    ])

    /// GitHub's dark colours.
    static let githubDark = Palette(name: "github-dark", background: "#161b22", foreground: "#e6edf3", styles: [
        "Comment": "color:#8b949e;font-style:italic", "Comment.Preproc": "color:#ff7b72;font-style:normal",
        "Comment.PreprocFile": "color:#a5d6ff;font-style:normal", "Comment.Hashbang": "color:#8b949e;font-style:italic",
        "Keyword": "color:#ff7b72", "Keyword.Constant": "color:#79c0ff", "Keyword.Type": "color:#ff7b72",
        "Name.Builtin": "color:#d2a8ff", "Name.Function": "color:#d2a8ff", "Name.Class": "color:#ffa657",
        "Name.Constant": "color:#79c0ff", "Name.Decorator": "color:#d2a8ff", "Name.Exception": "color:#ffa657",
        "Name.Tag": "color:#7ee787", "Name.Attribute": "color:#79c0ff", "Name.Variable": "color:#ffa657",
        "Name.Namespace": "color:#e6edf3", "Name.Label": "color:#79c0ff", "Name.Entity": "color:#79c0ff",
        "Name.Property": "color:#79c0ff", "Name.Builtin.Pseudo": "color:#79c0ff",
        "Literal.String": "color:#a5d6ff", "Literal.String.Escape": "color:#79c0ff",
        "Literal.String.Interpol": "color:#79c0ff", "Literal.String.Regex": "color:#7ee787",
        "Literal.String.Symbol": "color:#79c0ff", "Literal.Number": "color:#79c0ff", "Literal": "color:#79c0ff",
        "Operator.Word": "color:#ff7b72", "Operator": "color:#ff7b72",
        "Generic.Deleted": "color:#ffdcd7;background-color:#67060c", "Generic.Inserted": "color:#aff5b4;background-color:#033a16",
        "Generic.Heading": "color:#79c0ff;font-weight:bold", "Generic.Subheading": "color:#d2a8ff;font-weight:bold",
        "Generic.Prompt": "color:#8b949e;user-select:none", "Generic.Output": "color:#8b949e",
        "Generic.Emph": "font-style:italic", "Generic.Strong": "font-weight:bold", "Generic.Error": "color:#ffa198",
        "Generic.Traceback": "color:#ffa198", "Error": "color:#ffa198",
    ])

    /// Monokai: dark, saturated.
    static let monokai = Palette(name: "monokai", background: "#272822", foreground: "#f8f8f2", styles: [
        "Comment": "color:#75715e;font-style:italic", "Comment.Preproc": "color:#f92672;font-style:normal",
        "Keyword": "color:#66d9ef", "Keyword.Namespace": "color:#f92672", "Operator": "color:#f92672",
        "Operator.Word": "color:#f92672", "Punctuation": "color:#f8f8f2",
        "Name.Function": "color:#a6e22e", "Name.Class": "color:#a6e22e", "Name.Decorator": "color:#a6e22e",
        "Name.Exception": "color:#a6e22e", "Name.Attribute": "color:#a6e22e", "Name.Tag": "color:#f92672",
        "Name.Constant": "color:#66d9ef", "Name.Builtin": "color:#66d9ef", "Name.Variable": "color:#fd971f",
        "Literal.String": "color:#e6db74", "Literal.String.Escape": "color:#ae81ff", "Literal.Number": "color:#ae81ff",
        "Literal": "color:#ae81ff", "Literal.String.Interpol": "color:#ae81ff",
        "Generic.Deleted": "color:#f92672", "Generic.Inserted": "color:#a6e22e", "Generic.Heading": "font-weight:bold",
        "Generic.Subheading": "color:#75715e", "Generic.Prompt": "color:#75715e;user-select:none",
        "Generic.Output": "color:#a59f85", "Generic.Emph": "font-style:italic", "Generic.Strong": "font-weight:bold",
        "Error": "color:#f92672",
    ])

    /// Solarized, light.
    static let solarizedLight = Palette(name: "solarized-light", background: "#fdf6e3", foreground: "#586e75",
                                        styles: solarized)

    /// Solarized, dark.
    static let solarizedDark = Palette(name: "solarized-dark", background: "#002b36", foreground: "#93a1a1",
                                       styles: solarized)

    private static let solarized: [String: String] = [
        "Comment": "color:#839496;font-style:italic", "Comment.Preproc": "color:#cb4b16;font-style:normal",
        "Keyword": "color:#859900", "Keyword.Constant": "color:#2aa198", "Keyword.Type": "color:#b58900",
        "Keyword.Declaration": "color:#268bd2", "Operator.Word": "color:#859900",
        "Name.Function": "color:#268bd2", "Name.Class": "color:#cb4b16", "Name.Builtin": "color:#b58900",
        "Name.Tag": "color:#268bd2", "Name.Attribute": "color:#b58900", "Name.Variable": "color:#268bd2",
        "Name.Constant": "color:#cb4b16", "Name.Decorator": "color:#cb4b16", "Name.Exception": "color:#cb4b16",
        "Literal.String": "color:#2aa198", "Literal.String.Escape": "color:#cb4b16", "Literal.String.Regex": "color:#dc322f",
        "Literal.Number": "color:#d33682", "Literal": "color:#d33682",
        "Generic.Deleted": "color:#dc322f", "Generic.Inserted": "color:#859900", "Generic.Heading": "color:#cb4b16;font-weight:bold",
        "Generic.Subheading": "color:#268bd2;font-weight:bold", "Generic.Prompt": "color:#839496;user-select:none",
        "Generic.Output": "color:#839496", "Generic.Emph": "font-style:italic", "Generic.Strong": "font-weight:bold",
        "Error": "color:#dc322f",
    ]
}
