/// A parsed template: parse once, render many times, on any thread.
public final class Template: Sendable {
    let root: Body
    /// The partial's name, for error messages; nil for a page's own template.
    public let name: String?
    /// What `warn` mode read the forgiving way.
    public let warnings: [LiquidError]

    /// Parses `source`; a syntax error throws, located at its line.
    public init(_ source: String, name: String? = nil, environment: Environment, errorMode: ErrorMode = .lax) throws {
        let parser = TemplateParser(source: source, environment: environment, errorMode: errorMode)
        do {
            let (body, stop) = try parser.parseBody()
            if let stop {
                var error = LiquidError.syntax(stop.name == "else" || stop.name == "end"
                    ? "Unexpected outer '\(stop.name)' tag" : "Unknown tag '\(stop.name)'")
                error.line = stop.line
                error.column = stop.column
                throw error
            }
            root = body
        } catch var error as LiquidError {
            if error.line == nil {
                error.line = parser.line
                error.column = parser.column
            }
            if error.templateName == nil { error.templateName = name }
            throw error
        }
        self.name = name
        self.warnings = parser.warnings
    }

    /// Renders with `context`. An error in a node is written in its place
    /// when the context renders errors, and stops the render otherwise; a
    /// limit reached ends the render with only its message.
    public func render(_ context: Context) throws -> String {
        var output = ""
        do {
            try root.render(context, into: &output)
        } catch let error as LiquidError where error.kind == .memory {
            context.record(error)
            if !context.rendersErrors { throw error }
            return error.description
        }
        return output
    }
}
