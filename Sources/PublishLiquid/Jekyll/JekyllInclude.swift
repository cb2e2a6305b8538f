import Foundation

/// Jekyll's `{% include file.html key="value" other=page.x %}`: the file is
/// read from the environment's file system (a site's `_includes`), its
/// parameters are `include.key` inside it, it shares the caller's
/// variables, and its name may hold `{{ … }}`.
final class JekyllInclude: Node {
    enum Name: Sendable {
        case fixed(String)
        /// A name holding `{{ … }}`, rendered first.
        case rendered(Template)
    }

    enum Parameter: Sendable {
        case text(String)
        case variable(Expression)
    }

    let name: Name
    let parameters: [(String, Parameter)]
    /// For `include_relative`: the site's files, read beside the page.
    let relative: (any FileSystem)?
    let line: Int?
    var isBlank: Bool { false }

    private init(name: Name, parameters: [(String, Parameter)], relative: (any FileSystem)?, line: Int?) {
        self.name = name
        self.parameters = parameters
        self.relative = relative
        self.line = line
    }

    private static let parameter = "([a-zA-Z0-9_-]+)\(LaxScanner.s)*=\(LaxScanner.s)*(?:\"([^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\"|'([^'\\\\]*(?:\\\\.[^'\\\\]*)*)'|([a-zA-Z0-9_.-]+))"
    private static let parameters = LaxScanner.regex(parameter)
    private static let allParameters = LaxScanner.regex("\\A\(LaxScanner.s)*(?:\(parameter)(?=\(LaxScanner.s)|\\z)\(LaxScanner.s)*)*\\z")
    private static let variableName = LaxScanner.regex(
        "\\A((?:[^{]*(?:\\{\\{\(LaxScanner.s)*[a-zA-Z0-9_.-]+\(LaxScanner.s)*(?:\\|.*)?\\}\\}[^ \\t\\n\\x0B\\f\\r{}]*)+))(.*)\\z")

    static let parser = parser(relativeTo: nil)

    /// `include_relative`: the file is found beside the page (`page.path`)
    /// among `siteFiles`, not in `_includes`.
    static func relativeParser(siteFiles: any FileSystem) -> TagParser {
        parser(relativeTo: siteFiles)
    }

    private static func parser(relativeTo siteFiles: (any FileSystem)?) -> TagParser {
        TagParser { tagName, markup, parser in
            let stripped = RubyString.strip(markup)
            var file: Substring
            var rest: Substring
            if let match = LaxScanner.firstMatch(variableName, in: stripped), let name = match[1] {
                file = RubyString.strip(name)
                rest = RubyString.strip(match[2] ?? "")
            } else {
                let end = stripped.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) ?? stripped.endIndex
                file = stripped[..<end]
                rest = RubyString.strip(stripped[end...])
            }
            guard rest.isEmpty || LaxScanner.firstMatch(allParameters, in: rest) != nil else {
                throw LiquidError.syntax("Invalid syntax for include tag: \(rest) — write {% \(tagName) file.ext param='value' param2='value' %}")
            }
            var list: [(String, Parameter)] = []
            for match in LaxScanner.matches(parameters, in: rest) {
                guard let key = match[1] else { continue }
                if let quoted = match[2] {
                    list.append((String(key), .text(quoted.replacingBackslashQuote("\""))))
                } else if let quoted = match[3] {
                    list.append((String(key), .text(quoted.replacingBackslashQuote("'"))))
                } else if let variable = match[4] {
                    list.append((String(key), .variable(Expression.parse(lax: variable))))
                }
            }
            let name: Name = file.contains("{{")
                ? .rendered(try Template(String(file), environment: parser.environment, errorMode: parser.errorMode))
                : .fixed(String(file))
            return JekyllInclude(name: name, parameters: list, relative: siteFiles, line: parser.line)
        }
    }

    func render(_ context: Context, into output: inout String) throws {
        let file: String
        switch name {
        case .fixed(let text): file = text
        case .rendered(let template): file = RubyString.strip(try template.render(context)[...]).description
        }
        guard JekyllInclude.isValidFileName(file) else {
            throw LiquidError.argument("Invalid syntax for include tag. File contains invalid characters or sequences: \(file)")
        }
        let partial: Template
        if let relative {
            let page = try Lookup.dot(context.variable("page"), "path", context: context).text
            let folder = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            partial = try context.partial(named: folder.isEmpty ? file : folder + "/" + file, in: relative, kind: "relative:")
        } else {
            partial = try context.partial(named: file)
        }
        var include = Hash()
        for (key, parameter) in parameters {
            switch parameter {
            case .text(let text): include[key] = .string(text)
            case .variable(let expression): include[key] = try expression.evaluate(context)
            }
        }
        let savedName = context.templateName
        context.templateName = partial.name
        try context.push(parameters.isEmpty ? [:] : ["include": .hash(include)])
        defer {
            context.pop()
            context.templateName = savedName
        }
        try partial.root.render(context, into: &output)
    }

    /// Jekyll's rule: word characters and `/ . - ( ) + ~ # @`, and no `..`,
    /// `//` or `./` anywhere.
    static func isValidFileName(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        var previousIsDotOrSlash = false
        for byte in name.utf8 {
            let dotOrSlash = byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/")
            if dotOrSlash, previousIsDotOrSlash { return false }
            previousIsDotOrSlash = dotOrSlash
            let allowed = Lexer.isLetter(byte) || Lexer.isDigit(byte) || dotOrSlash
                || "_-()+~#@".utf8.contains(byte)
            if !allowed { return false }
        }
        return true
    }
}

private extension Substring {
    func replacingBackslashQuote(_ quote: String) -> String {
        String(self).replacingOccurrences(of: "\\" + quote, with: quote)
    }
}
