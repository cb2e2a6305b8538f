import Testing
@testable import PublishLiquid

@Suite("Errors: syntax errors, error modes, inline and thrown render errors, strict variables and filters")
struct ErrorTests {
    // MARK: Syntax errors and their lines

    @Test("A syntax error names the line it is on")
    func syntaxErrorLine() {
        #expect(parseError("a\nb\n{% foo %}")?.description == "Liquid syntax error (line 3): Unknown tag 'foo'")
    }

    @Test("A syntax error counts the line breaks inside earlier tags and outputs")
    func syntaxErrorLineAfterMultilineTags() {
        #expect(parseError("{{\n'a'\n}}{% if\ntrue %}{% endif %}\n{% foo %}")?.line == 5)
    }

    @Test("An unknown tag is a syntax error")
    func unknownTag() {
        let error = parseError("{% nosuch %}")
        #expect(error?.isSyntaxError == true)
        #expect(error?.description == "Liquid syntax error (line 1): Unknown tag 'nosuch'")
    }

    @Test("A block never closed is a syntax error at its opening tag (liquid-ruby names the last line)")
    func ifNeverClosed() {
        #expect(parseError("\n{% if true %}\nx\n")?.description == "Liquid syntax error (line 2): 'if' tag was never closed")
    }

    @Test("A for never closed is a syntax error")
    func forNeverClosed() {
        #expect(parseError("{% for i in (1..2) %}x")?.message == "'for' tag was never closed")
    }

    @Test("An end tag with no block is an unknown tag")
    func strayEndTag() {
        #expect(parseError("{% endif %}")?.message == "Unknown tag 'endif'")
    }

    @Test("An else with no block is an unexpected outer tag")
    func strayElse() {
        #expect(parseError("{% else %}")?.message == "Unexpected outer 'else' tag")
    }

    @Test("The wrong end tag names the right one")
    func wrongEndTag() {
        #expect(parseError("{% if true %}{% endfor %}")?.message == "'endfor' is not a valid delimiter for if tags. use endif")
    }

    @Test("else in a block that takes none is a syntax error")
    func unexpectedElse() {
        #expect(parseError("{% capture x %}{% else %}{% endcapture %}")?.message == "capture tag does not expect 'else' tag")
    }

    @Test("A tag another block owns is unknown inside a for")
    func elsifInFor() {
        #expect(parseError("{% for i in (1..2) %}{% elsif %}{% endfor %}")?.message == "Unknown tag 'elsif'")
    }

    @Test("An output never closed is a syntax error")
    func unterminatedOutput() {
        #expect(parseError("ab {{ x")?.description == #"Liquid syntax error (line 1): Variable '{{' was not properly terminated with regexp: /\}\}/"#)
    }

    @Test("A tag never closed is a syntax error")
    func unterminatedTag() {
        #expect(parseError("ab {% if")?.description == #"Liquid syntax error (line 1): Tag '{%' was not properly terminated with regexp: /\%\}/"#)
    }

    @Test("A line of a liquid tag reports its own line")
    func liquidTagLine() {
        #expect(parseError("{% liquid\n  assign x = 1\n  foo\n%}")?.description == "Liquid syntax error (line 3): Unknown tag 'foo'")
    }

    @Test("A syntax error is thrown while parsing, whether or not render errors are written")
    func syntaxErrorAlwaysThrows() {
        #expect(throws: LiquidError.self) { try render("{% if %}", rendersErrors: true) }
    }

    // MARK: strict, lax and strict2

    @Test("Strict mode rejects an output with a missing filter name, quoting the output")
    func strictOutputError() {
        #expect(parseError("{{ x | }}")?.description == #"Liquid syntax error (line 1): Expected id but found end_of_string in "{{ x | }}""#)
    }

    @Test("Lax mode renders an output with a missing filter name")
    func laxOutput() throws {
        #expect(try render("{{ x | }}", ["x": "a"], mode: .lax) == "a")
    }

    @Test("Strict mode rejects two values in one output")
    func strictTwoValues() {
        #expect(parseError("{{ a b }}")?.message == "Expected end_of_string but found id")
    }

    @Test("Lax mode writes the first of two values in one output")
    func laxTwoValues() throws {
        #expect(try render("{{ a b }}", ["a": "A", "b": "B"], mode: .lax) == "A")
    }

    @Test("Strict mode rejects a single = in a condition")
    func strictSingleEquals() {
        #expect(parseError("{% if x = 1 %}{% endif %}")?.description == #"Liquid syntax error (line 1): Unexpected character = in "x = 1""#)
    }

    @Test("Lax mode reads a single = as an unknown operator, an error when rendered")
    func laxSingleEquals() throws {
        #expect(try render("{% if x = 1 %}Y{% endif %}", mode: .lax) == "Liquid error (line 1): Unknown operator =")
    }

    @Test("Strict mode rejects an unknown attribute of for")
    func strictForAttribute() {
        #expect(parseError("{% for i in (1..3) foo: 2 %}{% endfor %}")?.message
            == "Invalid attribute in for loop. Valid attributes are limit and offset")
    }

    @Test("Lax mode ignores an unknown attribute of for")
    func laxForAttribute() throws {
        #expect(try render("{% for i in (1..3) foo: 2 %}{{ i }}{% endfor %}", mode: .lax) == "123")
    }

    @Test("Strict mode reads include's markup the forgiving way, as liquid-ruby does")
    func strictIncludeIsForgiving() throws {
        let template = #"{% include "snippet" !!! arg1: "value1" ~~~ arg2: "value2" %}"#
        let files = ["snippet": "hello {{ arg1 }} {{ arg2 }}"]
        #expect(try render(template, files: files) == "hello value1 value2")
    }

    @Test("strict2 rejects include markup that does not parse")
    func strict2Include() {
        let template = #"{% include "snippet" !!! arg1: "value1" %}"#
        #expect(parseError(template, mode: .strict2)?.message == "Unexpected character !")
    }

    @Test("strict2 rejects bare brackets")
    func strict2BareBrackets() {
        #expect(parseError("{{ ['a'] }}", mode: .strict2)?.message == "Bare bracket access is not allowed. Use self['...'] instead")
    }

    @Test("strict2 rejects an unknown attribute of tablerow, which strict reads the forgiving way")
    func strict2TablerowAttribute() throws {
        #expect(parseError("{% tablerow i in (1..2) foo: 1 %}{% endtablerow %}", mode: .strict2)?.message
            == "Invalid attribute 'foo' in tablerow loop. Valid attributes are cols, limit, offset, and range")
        #expect(parseError("{% tablerow i in (1..2) foo: 1 %}{% endtablerow %}", mode: .strict) == nil)
    }

    @Test("Warn mode renders the forgiving way and keeps a warning")
    func warnMode() throws {
        let template = try Template("{{ a b }}", environment: Environment(), errorMode: .warn)
        #expect(template.warnings.map(\.message) == ["Expected end_of_string but found id"])
        #expect(try template.render(Context(environment: Environment(), variables: ["a": "A"])) == "A")
    }

    // MARK: Render errors inline and thrown

    @Test("A render error is written in place of its tag, and the render goes on")
    func renderErrorInline() throws {
        #expect(try render("a{% if 1 < 'x' %}b{% endif %}c{{ 'd' }}") == "aLiquid error (line 1): comparison of Integer with String failedcd")
    }

    @Test("A render error names its line")
    func renderErrorLine() throws {
        #expect(try render("\n\n{% if 1 < 'x' %}b{% endif %}") == "\n\nLiquid error (line 3): comparison of Integer with String failed")
    }

    @Test("A render error stops the render when errors are not written")
    func renderErrorThrown() {
        let error = liquidError("a\n{% if 1 < 'x' %}b{% endif %}")
        #expect(error?.kind == .argument)
        #expect(error?.line == 2)
        #expect(error?.description == "Liquid error (line 2): comparison of Integer with String failed")
    }

    @Test("Every render error is kept in the context")
    func renderErrorsRecorded() throws {
        let (template, context) = try prepare("{% if 1 < 'x' %}b{% endif %}{% for i in (1..2) limit: 'y' %}{{ i }}{% endfor %}")
        _ = try template.render(context)
        #expect(context.errors.map(\.message) == ["comparison of Integer with String failed", "invalid integer"])
    }

    // MARK: Strict variables and filters

    @Test("With strict variables an undefined variable is an error, not written")
    func strictVariablesInline() throws {
        let (template, context) = try prepare("a{{ missing }}b", strictVariables: true)
        #expect(try template.render(context) == "ab")
        #expect(context.errors.map(\.message) == ["undefined variable missing"])
    }

    @Test("With strict variables an undefined variable stops the render when errors are not written")
    func strictVariablesThrown() {
        let error = liquidError("{{ missing }}", strictVariables: true)
        #expect(error?.kind == .undefinedVariable)
        #expect(error?.message == "undefined variable missing")
    }

    @Test("With strict variables a missing key is an error naming the key")
    func strictVariablesMissingKey() {
        #expect(liquidError("{{ user.age }}", ["user": .hash(["name": "Ann"])], strictVariables: true)?.message == "undefined variable age")
    }

    @Test("With strict variables a defined variable renders")
    func strictVariablesDefined() throws {
        #expect(try render("{{ user.name }}", ["user": .hash(["name": "Ann"])], strictVariables: true) == "Ann")
    }

    @Test("Without strict filters an unknown filter gives back its input")
    func unknownFilterIgnored() throws {
        #expect(try render("{{ 'a' | nosuchfilter }}") == "a")
    }

    @Test("With strict filters an unknown filter is an error, not written")
    func strictFiltersInline() throws {
        let (template, context) = try prepare("[{{ 'a' | nosuchfilter }}]", strictFilters: true)
        #expect(try template.render(context) == "[]")
        #expect(context.errors.map(\.message) == ["undefined filter nosuchfilter"])
    }

    @Test("With strict filters an unknown filter stops the render when errors are not written")
    func strictFiltersThrown() {
        let error = liquidError("{{ 'a' | nosuchfilter }}", strictFilters: true)
        #expect(error?.kind == .undefinedFilter)
        #expect(error?.message == "undefined filter nosuchfilter")
    }

    // MARK: Syntax errors of tags

    @Test("Strict mode names the token that is not an expression as liquid-ruby inspects it")
    func notAnExpression() {
        #expect(parseError("{% if %}{% endif %}")?.message == "[:end_of_string] is not a valid expression")
        #expect(parseError("{{ x | f: , }}")?.message == #"[:comma, ","] is not a valid expression"#)
    }

    @Test("A for without in is a syntax error")
    func forWithoutIn() {
        #expect(parseError("{% for x items %}{% endfor %}")?.message == "For loops require an 'in' clause")
        #expect(parseError("{% for x items %}{% endfor %}", mode: .lax)?.message
            == "Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]")
    }

    @Test("A cycle with no values is a syntax error")
    func emptyCycle() {
        #expect(parseError("{% cycle %}")?.message == "Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]")
    }

    @Test("A tablerow without in is a syntax error")
    func tablerowWithoutIn() {
        #expect(parseError("{% tablerow i %}{% endtablerow %}")?.message
            == "Syntax Error in 'table_row loop' - Valid syntax: table_row [item] in [collection] cols=3")
    }

    @Test("A case without a value, or a when without one, is a syntax error")
    func emptyCaseAndWhen() {
        #expect(parseError("{% case %}{% endcase %}")?.message == "Syntax Error in 'case' - Valid syntax: case [condition]")
        #expect(parseError("{% case x %}{% when %}{% endcase %}")?.message
            == "Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}")
    }

    // MARK: Strict variables in tags

    @Test("With strict variables an undefined variable in a condition stops the tag without writing the error")
    func strictVariablesInCondition() throws {
        #expect(try render("a{% if missing %}x{% else %}y{% endif %}b", strictVariables: true) == "ab")
    }

    @Test("With strict variables a key that is there but nil is no error")
    func strictVariablesNilValue() throws {
        let (template, context) = try prepare("[{{ user.nick }}]", ["user": .hash(["nick": nil])], strictVariables: true)
        #expect(try template.render(context) == "[]")
        #expect(context.errors.isEmpty)
    }

    @Test("strict2 takes a trailing comma after filter arguments, which strict rejects")
    func strict2TrailingComma() throws {
        #expect(try render("{{ 'a' | nosuchfilter: 1, }}", mode: .strict2) == "a")
        #expect(parseError("{{ 'a' | nosuchfilter: 1, }}")?.message == "[:end_of_string] is not a valid expression")
    }

    @Test("A second else in a for ends the loop, leaving its endfor unknown, as in liquid-ruby")
    func secondElseInFor() {
        #expect(parseError("{% for i in (1..2) %}a{% else %}b{% else %}c{% endfor %}")?.message == "Unknown tag 'endfor'")
    }

    @Test("else inside tablerow is a syntax error")
    func elseInTablerow() {
        #expect(parseError("{% tablerow i in (1..2) %}{% else %}{% endtablerow %}")?.message == "tablerow tag does not expect 'else' tag")
    }

    @Test("An unknown tag inside a block names its own line, not the block's")
    func unknownTagInBlockLine() {
        #expect(parseError("{% if true %}\n\n{% foo %}{% endif %}")?.description == "Liquid syntax error (line 3): Unknown tag 'foo'")
    }

    @Test("A syntax error in an output inside a block names the output's line")
    func outputErrorInBlockLine() {
        #expect(parseError("{% for i in x %}\n{{ i | }}{% endfor %}")?.line == 2)
    }
}
