/// A place in a named file, printed as `path:line:column`.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var position: SourcePosition

    public init(path: String, position: SourcePosition) {
        self.path = path
        self.position = position
    }

    public init(path: String, line: Int, column: Int) {
        self.init(path: path, position: SourcePosition(line: line, column: column))
    }

    public var description: String {
        position.isKnown ? "\(path):\(position.line):\(max(position.column, 1))" : path
    }
}

/// A problem found in the input, located where the user can fix it.
///
/// Printed the way compilers print them, so editors and CI annotate the line:
/// `_posts/2014-06-16-hello.md:3:7: error: date is not a valid date`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        /// Something the user may want to know, shown with `--verbose`:
        /// a code block in a language no lexer has.
        case note
        case warning
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    public static func note(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.note, message, at: location)
    }

    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }
}

/// Several diagnostics thrown together, for a step that reports all it found
/// before giving up.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension DiagnosticList {
    /// Throws what `diagnostics` holds: nothing when empty, the one
    /// `Diagnostic` alone (as steps that stop at the first problem throw),
    /// or the whole list.
    public static func throwIfAny(_ diagnostics: [Diagnostic]) throws {
        if diagnostics.count == 1 { throw diagnostics[0] }
        if diagnostics.count > 1 { throw DiagnosticList(diagnostics) }
    }
}

extension Diagnostic {
    /// The diagnostics an error carries: those of a `DiagnosticList`, a
    /// `Diagnostic` itself, or any other error as one unlocated error.
    public static func all(in error: Error) -> [Diagnostic] {
        if let list = error as? DiagnosticList { return list.diagnostics }
        if let diagnostic = error as? Diagnostic { return [diagnostic] }
        return [.error("\(error)")]
    }
}
