import Foundation

/// The state of one render: variable scopes, counters, loop offsets, the
/// errors met so far and the limits that stop a runaway template. A
/// context belongs to one render on one thread; templates are shared,
/// contexts are not.
public final class Context {
    /// Scopes, the outermost first: `assign` writes the outermost, a loop
    /// variable the innermost.
    var scopes: [[String: Value]]
    /// `increment` and `decrement` counters, looked up after the scopes.
    var counters: [String: Value] = [:]
    /// The variables the caller gave, looked up last, and seen by
    /// `render`'s isolated partials too.
    let variables: [String: Value]
    /// Drops and hashes looked up last (Jekyll's `site`, `page`).
    let registers: Registers
    public let environment: Environment
    public var errorMode: ErrorMode
    public var strictVariables = false
    public var strictFilters = false
    /// Whether a render error is written into the output (`Liquid error:
    /// …`) and rendering goes on, or stops the render.
    public var rendersErrors: Bool
    public private(set) var errors: [LiquidError] = []
    public private(set) var warnings: [LiquidError] = []
    /// What `now` and `today` mean to the `date` filter.
    public var now: Time
    /// The zone a time without one is read in.
    public var timeZone: TimeZone
    /// What the program rendering the template tells its own tags, as
    /// liquid-ruby's `registers` tell Jekyll's (`markup: html`: the output
    /// is HTML as it stands, not Markdown to be converted).
    public var hostValues: [String: String] = [:]
    /// The partial being rendered, for error messages.
    var templateName: String?
    var interrupts: [Interrupt] = []
    /// `self`, made the first time it is named.
    private var selfDrop: SelfDrop?
    /// Inside `render`, `include` is not allowed.
    var disablesInclude = false
    var limits: ResourceLimits
    /// Depth of nested scopes and partials, against `Environment.maximumDepth`.
    var depth = 0

    public init(environment: Environment, variables: [String: Value] = [:], errorMode: ErrorMode = .lax,
                rendersErrors: Bool = true, now: Time? = nil, timeZone: TimeZone = .current) {
        self.environment = environment
        self.scopes = [[:]]
        self.variables = variables
        self.registers = Registers()
        self.errorMode = errorMode
        self.rendersErrors = rendersErrors
        self.timeZone = timeZone
        self.now = now ?? Time(seconds: Int(Date().timeIntervalSince1970)).shown(in: timeZone)
        self.limits = ResourceLimits(environment.limits)
    }

    /// A context for `{% render %}`: the same environment, registers'
    /// caches, errors and limits, but none of the caller's variables.
    func isolated() throws -> Context {
        try checkDepth()
        let inner = Context(environment: environment, variables: variables, errorMode: errorMode,
                            rendersErrors: rendersErrors, now: now, timeZone: timeZone)
        inner.registers.share(from: registers)
        inner.strictVariables = strictVariables
        inner.strictFilters = strictFilters
        inner.limits = limits
        inner.depth = depth + 1
        inner.parent = self
        return inner
    }

    /// The context an isolated render reports its errors and limits to.
    private var parent: Context?

    func finishIsolated() {
        guard let parent else { return }
        parent.errors += errors
        parent.warnings += warnings
        parent.limits = limits
    }

    // MARK: Variables

    /// The value of a top-level variable: the scopes from the innermost
    /// out, then the caller's variables.
    func variable(_ name: String) throws -> Value {
        var index = scopes.count - 1
        while index >= 0 {
            if let value = scopes[index][name] { return value }
            index -= 1
        }
        if let value = counters[name] ?? variables[name] { return value }
        if name == "self" {
            if selfDrop == nil { selfDrop = SelfDrop(self) }
            return .drop(selfDrop!)
        }
        if strictVariables { throw LiquidError(.undefinedVariable, "undefined variable \(name)") }
        return .nil
    }

    /// Sets a variable in the innermost scope.
    public subscript(name: String) -> Value? {
        get { try? variable(name) }
        set { scopes[scopes.count - 1][name] = newValue }
    }

    /// Sets a variable in the outermost scope, as `assign` and `capture` do.
    func assignOutermost(_ name: String, _ value: Value) {
        scopes[0][name] = value
    }

    func push(_ scope: [String: Value] = [:]) throws {
        scopes.append(scope)
        try checkDepth()
    }

    func pop() {
        scopes.removeLast()
    }

    func checkDepth() throws {
        if depth + scopes.count > environment.maximumDepth {
            throw LiquidError(.stackLevel, "Nesting too deep")
        }
    }

    /// `increment` and `decrement` keep their counters with the caller's
    /// variables, apart from `assign`'s.
    func counter(_ name: String, by step: Int) -> Int {
        let current: Int
        if case .int(let number)? = counters[name] { current = number } else { current = 0 }
        counters[name] = .int(current + step)
        return step > 0 ? current : current + step
    }

    // MARK: Partials

    /// The partial `name`, parsed once per render in this context's error
    /// mode, from the environment's file system or the one given.
    func partial(named name: String, in files: (any FileSystem)? = nil, kind: String = "") throws -> Template {
        let key = "\(kind)\(name):\(errorMode.rawValue)"
        if let cached = registers.partials[key] { return cached }
        if let shared = environment.partials?.template(key) {
            registers.partials[key] = shared
            return shared
        }
        let source = try (files ?? environment.fileSystem).source(of: name)
        do {
            let template = try Template(source, name: name, environment: environment, errorMode: errorMode)
            registers.partials[key] = template
            environment.partials?.keep(template, as: key)
            return template
        } catch var error as LiquidError {
            if error.templateName == nil { error.templateName = name }
            throw error
        }
    }

    // MARK: Errors

    /// Records a render error; the text to write in its place, or the error
    /// itself when errors are not written.
    func handle(_ error: LiquidError, line: Int?) throws -> String {
        // A limit reached ends the whole render, which reports it once.
        if error.kind == .memory { throw error }
        var error = error
        // liquid-ruby reports a missing partial and runaway nesting without a line.
        if error.line == nil, error.kind != .fileSystem, error.kind != .stackLevel { error.line = line }
        if error.templateName == nil { error.templateName = templateName }
        errors.append(error)
        if !rendersErrors { throw error }
        return error.description
    }

    func record(_ error: LiquidError) {
        errors.append(error)
    }

    /// Records a problem that does not stop the render, for the caller to report.
    public func warn(_ error: LiquidError) {
        var error = error
        if error.templateName == nil { error.templateName = templateName }
        warnings.append(error)
    }
}

/// `self`: the variables in scope where it was first named, looked up by
/// key (`self[name]`), so a template can name a variable by a value.
final class SelfDrop: Drop, @unchecked Sendable {
    // Like the loop drops, it lives inside the render of its context.
    private weak var context: Context?

    init(_ context: Context) {
        self.context = context
    }

    func value(for key: String) -> Value? {
        guard let context else { return nil }
        return (try? context.variable(key)) ?? .nil
    }

    var typeName: String { "Liquid::SelfDrop" }
}

/// `break` and `continue`, waiting for the loop around them.
enum Interrupt {
    case breakLoop, continueLoop
}

/// State that lives for a whole render and is shared with `render`'s
/// isolated contexts: `for` offsets, `cycle` positions, `ifchanged`, and
/// parsed partials.
final class Registers {
    var forOffsets: [String: Int] = [:]
    var cycles: [String: Int] = [:]
    var lastChanged: String?
    var forStack: [ForLoopDrop] = []
    var partials: [String: Template] = [:]

    func share(from other: Registers) {
        partials = other.partials
    }
}
