/// An error of parsing or rendering, printed as liquid-ruby prints it:
/// `Liquid syntax error (line 3): Unknown tag 'foo'` or, in a partial,
/// `Liquid error (header line 1): invalid integer`.
public struct LiquidError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case syntax, argument, zeroDivision, floatDomain, memory, stackLevel
        case undefinedVariable, undefinedFilter, fileSystem, disabled, `internal`
    }

    public var kind: Kind
    public var message: String
    /// The line in the template (or partial) where it happened.
    public var line: Int?
    /// The column (in bytes, from 1) where the tag or output starts, when known.
    public var column: Int?
    /// The partial it happened in; nil in the page's own template.
    public var templateName: String?
    /// `in "{{ x | y }}"`: the markup of a syntax error.
    public var markupContext: String?

    public init(_ kind: Kind, _ message: String, line: Int? = nil) {
        self.kind = kind
        self.message = message
        self.line = line
    }

    public static func syntax(_ message: String) -> LiquidError { LiquidError(.syntax, message) }
    public static func argument(_ message: String) -> LiquidError { LiquidError(.argument, message) }

    public var isSyntaxError: Bool { kind == .syntax }

    /// liquid-ruby's class for the error, `Liquid::SyntaxError`.
    public var rubyClass: String {
        switch kind {
        case .syntax: "Liquid::SyntaxError"
        case .argument: "Liquid::ArgumentError"
        case .zeroDivision: "Liquid::ZeroDivisionError"
        case .floatDomain: "Liquid::FloatDomainError"
        case .memory: "Liquid::MemoryError"
        case .stackLevel: "Liquid::StackLevelError"
        case .undefinedVariable: "Liquid::UndefinedVariable"
        case .undefinedFilter: "Liquid::UndefinedFilter"
        case .fileSystem: "Liquid::FileSystemError"
        case .disabled: "Liquid::DisabledError"
        case .internal: "Liquid::InternalError"
        }
    }

    /// The message with liquid-ruby's prefix and, for a syntax error, the markup.
    public var description: String {
        var text = kind == .syntax ? "Liquid syntax error" : "Liquid error"
        if let line {
            text += " ("
            if let templateName { text += templateName + " " }
            text += "line \(line))"
        }
        text += ": " + message
        if let markupContext { text += " " + markupContext }
        return text
    }
}
