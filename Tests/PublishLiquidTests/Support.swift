import Testing
@testable import PublishLiquid

/// Parses and renders `source` the way a page is rendered: partials from
/// `files`, errors written inline unless `rendersErrors` is false.
func render(_ source: String, _ variables: [String: Value] = [:], mode: ErrorMode = .strict,
            files: [String: String] = [:], rendersErrors: Bool = true, limits: Limits = Limits(),
            strictVariables: Bool = false, strictFilters: Bool = false) throws -> String {
    let (template, context) = try prepare(source, variables, mode: mode, files: files, rendersErrors: rendersErrors,
                                          limits: limits, strictVariables: strictVariables, strictFilters: strictFilters)
    return try template.render(context)
}

/// The template and the context `render` uses, for tests that look at the
/// context's errors or the template's warnings afterwards.
func prepare(_ source: String, _ variables: [String: Value] = [:], mode: ErrorMode = .strict,
             files: [String: String] = [:], rendersErrors: Bool = true, limits: Limits = Limits(),
             strictVariables: Bool = false, strictFilters: Bool = false) throws -> (Template, Context) {
    var environment = Environment(fileSystem: MemoryFileSystem(files))
    environment.limits = limits
    let template = try Template(source, environment: environment, errorMode: mode)
    let context = Context(environment: environment, variables: variables, errorMode: mode, rendersErrors: rendersErrors)
    context.strictVariables = strictVariables
    context.strictFilters = strictFilters
    return (template, context)
}

/// The error parsing or rendering `source` throws (errors are not written
/// inline), or nil when it renders.
func liquidError(_ source: String, _ variables: [String: Value] = [:], mode: ErrorMode = .strict,
                 files: [String: String] = [:], limits: Limits = Limits(),
                 strictVariables: Bool = false, strictFilters: Bool = false) -> LiquidError? {
    thrown {
        _ = try render(source, variables, mode: mode, files: files, rendersErrors: false, limits: limits,
                       strictVariables: strictVariables, strictFilters: strictFilters)
    }
}

/// The syntax error parsing `source` throws, or nil when it parses.
func parseError(_ source: String, mode: ErrorMode = .strict) -> LiquidError? {
    thrown { _ = try Template(source, environment: Environment(), errorMode: mode) }
}

/// The Liquid error `work` throws, or nil when it throws none; any other
/// error fails the test.
private func thrown(_ work: () throws -> Void) -> LiquidError? {
    do {
        try work()
        return nil
    } catch let error as LiquidError {
        return error
    } catch {
        Issue.record("not a LiquidError: \(error)")
        return nil
    }
}
