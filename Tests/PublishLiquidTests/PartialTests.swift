import Testing
@testable import PublishLiquid

@Suite("Partials: include and render")
struct PartialTests {
    // MARK: include

    @Test("include writes the partial")
    func include() throws {
        #expect(try render("[{% include 'hello' %}]", files: ["hello": "Hi"]) == "[Hi]")
    }

    @Test("An included partial sees the caller's variables")
    func includeSeesOuterVariables() throws {
        #expect(try render("{% assign x = 1 %}{% include 'p' %}", files: ["p": "[{{ x }}]"]) == "[1]")
    }

    @Test("An assign in an included partial is seen by the caller afterwards")
    func includeLeaksAssign() throws {
        #expect(try render("{% include 'p' %}[{{ y }}]", files: ["p": "{% assign y = 2 %}"]) == "[2]")
    }

    @Test("include with a value names it after the partial")
    func includeWith() throws {
        #expect(try render("{% include 'product' with item %}", ["item": "Shoe"], files: ["product": "<{{ product }}>"]) == "<Shoe>")
    }

    @Test("include with a value as a name uses that name")
    func includeWithAs() throws {
        #expect(try render("{% include 'card' with item as thing %}", ["item": "Shoe"], files: ["card": "<{{ thing }}>"]) == "<Shoe>")
    }

    @Test("include without a value passes the variable named like the partial")
    func includeFindsVariableNamedLikePartial() throws {
        #expect(try render("{% include 'product' %}", ["product": "P"], files: ["product": "<{{ product }}>"]) == "<P>")
    }

    @Test("include for an array renders the partial once per item")
    func includeFor() throws {
        #expect(try render("{% include 'li' for items %}", ["items": ["a", "b"]], files: ["li": "[{{ li }}]"]) == "[a][b]")
    }

    @Test("include for an array with as names each item")
    func includeForAs() throws {
        #expect(try render("{% include 'li' for items as x %}", ["items": ["a", "b"]], files: ["li": "[{{ x }}]"]) == "[a][b]")
    }

    @Test("include for a value that is not an array renders once, with that value")
    func includeForSingleValue() throws {
        #expect(try render("{% include 'li' for x %}", ["x": "s"], files: ["li": "[{{ li }}]"]) == "[s]")
    }

    @Test("include with key: value pairs sets those variables in the partial")
    func includeKeyValues() throws {
        let files = ["greet": "{{ greeting }} {{ name }}"]
        #expect(try render("{% include 'greet', name: 'Ann', greeting: 'Hi' %}", files: files) == "Hi Ann")
    }

    @Test("include's key: value pairs are gone after the partial")
    func includeKeyValuesScoped() throws {
        #expect(try render("{% include 'greet', name: 'Ann' %}[{{ name }}]", files: ["greet": "{{ name }}"]) == "Ann[]")
    }

    @Test("include takes the partial's name from a variable")
    func includeDynamicName() throws {
        #expect(try render("{% include tpl %}", ["tpl": "hello"], files: ["hello": "Hi"]) == "Hi")
    }

    @Test("include of a name that is not text is an error")
    func includeNameNotText() throws {
        #expect(try render("{% include tpl %}", ["tpl": 1]) == "Liquid error (line 1): Argument error in tag 'include' - Illegal template name")
    }

    @Test("Partials include partials, sharing one scope")
    func nestedInclude() throws {
        let files = ["outer": "{% assign x = 2 %}{% include 'inner' %}", "inner": "{% assign x = 3 %}"]
        #expect(try render("{% assign x = 1 %}{% include 'outer' %}{{ x }}", files: files) == "3")
    }

    // MARK: render

    @Test("render writes the partial")
    func renderPartial() throws {
        #expect(try render("[{% render 'hello' %}]", files: ["hello": "Hi"]) == "[Hi]")
    }

    @Test("A rendered partial does not see the caller's assigned variables")
    func renderIsolatedFromOuter() throws {
        #expect(try render("{% assign x = 1 %}{% render 'p' %}", files: ["p": "[{{ x }}]"]) == "[]")
    }

    @Test("An assign in a rendered partial is not seen by the caller")
    func renderDoesNotLeak() throws {
        #expect(try render("{% render 'p' %}[{{ y }}]", files: ["p": "{% assign y = 2 %}"]) == "[]")
    }

    @Test("render passes key: value pairs into the partial")
    func renderKeyValues() throws {
        #expect(try render("{% assign a = 'A' %}{% render 'p', x: a, y: 2 %}", files: ["p": "{{ x }}{{ y }}"]) == "A2")
    }

    @Test("render with a value names it after the partial")
    func renderWith() throws {
        #expect(try render("{% render 'product' with item %}", ["item": "Shoe"], files: ["product": "<{{ product }}>"]) == "<Shoe>")
    }

    @Test("render with a value as a name uses that name")
    func renderWithAs() throws {
        #expect(try render("{% render 'card' with item as thing %}", ["item": "Shoe"], files: ["card": "<{{ thing }}>"]) == "<Shoe>")
    }

    @Test("render for an array renders the partial once per item, named after the partial")
    func renderFor() throws {
        #expect(try render("{% render 'li' for items %}", ["items": ["a", "b"]], files: ["li": "[{{ li }}]"]) == "[a][b]")
    }

    @Test("render for gives the partial a forloop")
    func renderForForloop() throws {
        let files = ["li": "{{ forloop.index }}{{ x }}{% if forloop.last %}.{% endif %}"]
        #expect(try render("{% render 'li' for items as x %}", ["items": ["a", "b"]], files: files) == "1a2b.")
    }

    @Test("render for goes over a range")
    func renderForRange() throws {
        #expect(try render("{% render 'n' for (1..3) as n %}", files: ["n": "{{ n }}"]) == "123")
    }

    @Test("render for an empty array renders nothing")
    func renderForEmpty() throws {
        #expect(try render("[{% render 'li' for items %}]", ["items": []], files: ["li": "x"]) == "[]")
    }

    @Test("A counter inside a rendered partial is its own")
    func renderIsolatesCounters() throws {
        let files = ["incr": "{% increment x %}"]
        #expect(try render("{% increment x %}{% increment x %}{% render 'incr' %}{% increment x %}", files: files) == "0102")
    }

    @Test("break inside a rendered partial does not stop the caller's loop")
    func renderContainsBreak() throws {
        let template = "{% for i in (1..3) %}{{ i }}{% render 'b' %}{{ i }}{% endfor %}"
        #expect(try render(template, files: ["b": "{% break %}"]) == "112233")
    }

    @Test("render's partial name must be quoted text")
    func renderNameMustBeQuoted() {
        #expect(parseError("{% render tpl %}")?.message == "Syntax error in tag 'render' - Template name must be a quoted string")
    }

    @Test("include inside a rendered partial is not allowed")
    func includeInsideRender() throws {
        let files = ["outer": "{% include 'inner' %}", "inner": "x"]
        #expect(try render("{% render 'outer' %}", files: files) == "Liquid error (outer line 1): include usage is not allowed in this context")
    }

    @Test("include is not allowed anywhere below a render, even beside a nested render")
    func includeBesideNestedRender() throws {
        let files = ["a": "{% render 'b' %}{% include 'c' %}", "b": "{% include 'c' %}", "c": "x"]
        #expect(try render("{% render 'a' %}", files: files)
            == "Liquid error (b line 1): include usage is not allowed in this context"
            + "Liquid error (a line 1): include usage is not allowed in this context")
    }

    @Test("render inside an included partial is allowed")
    func renderInsideInclude() throws {
        #expect(try render("{% include 'a' %}", files: ["a": "[{% render 'b' %}]", "b": "x"]) == "[x]")
    }

    // MARK: Missing partials and errors in partials

    @Test("A missing partial writes Liquid's could-not-find error")
    func missingPartial() throws {
        #expect(try render("{% include 'nope' %}") == "Liquid error: Could not find asset nope")
    }

    @Test("A missing rendered partial writes the same error")
    func missingRenderedPartial() throws {
        #expect(try render("{% render 'nope' %}") == "Liquid error: Could not find asset nope")
    }

    @Test("A missing partial stops the render when errors are not written")
    func missingPartialThrows() {
        let error = liquidError("{% include 'nope' %}")
        #expect(error?.kind == .fileSystem)
        #expect(error?.message == "Could not find asset nope")
    }

    @Test("A render error in a partial names the partial and its line")
    func errorInPartialNamesIt() throws {
        let files = ["p": "\n{% if 1 < 'a' %}x{% endif %}"]
        #expect(try render("{% include 'p' %}", files: files) == "\nLiquid error (p line 2): comparison of Integer with String failed")
    }

    @Test("A syntax error in a partial is written where the partial is, naming it")
    func syntaxErrorInPartial() throws {
        #expect(try render("a{% include 'bad' %}b", files: ["bad": "{% nosuchtag %}"]) == "aLiquid syntax error (bad line 1): Unknown tag 'nosuchtag'b")
    }

    // MARK: Recursion

    @Test("A partial that includes itself stops with Nesting too deep")
    func includeRecursion() throws {
        #expect(try render("{% include 'loop' %}", files: ["loop": "{% include 'loop' %}"]) == "Liquid error: Nesting too deep")
    }

    @Test("A partial that renders itself stops with Nesting too deep")
    func renderRecursion() throws {
        #expect(try render("{% render 'loop' %}", files: ["loop": "{% render 'loop' %}"]) == "Liquid error: Nesting too deep")
    }

    @Test("Recursion renders every level up to the limit of 100 scopes before the error")
    func recursionDepth() throws {
        let files = ["foo": "{% increment n %}|\n{%- include 'foo' -%}"]
        let levels = (0...98).map { "\($0)|" }.joined()
        #expect(try render("start\n{% include 'foo' %}\ndone", files: files) == "start\n" + levels + "Liquid error: Nesting too deep\ndone")
    }

    @Test("include with an array renders the partial once per item, as with for")
    func includeWithArray() throws {
        #expect(try render("{% include 'li' with items %}", ["items": ["a", "b"]], files: ["li": "[{{ li }}]"]) == "[a][b]")
    }

    @Test("render for a hash renders the partial once per key and value pair")
    func renderForHash() throws {
        let variables: [String: Value] = ["h": .hash(["a": 1, "b": 2])]
        #expect(try render("{% render 'p' for h as pair %}", variables, files: ["p": "{{ pair[0] }}{{ pair[1] }};"]) == "a1;b2;")
    }

    @Test("include without a partial name is a syntax error")
    func includeWithoutName() {
        #expect(parseError("{% include %}")?.message
            == "Error in tag 'include' - Valid syntax: include '[template]' (with|for) [object|collection]")
    }

    @Test("break inside an included partial stops the include's items and the caller's loop")
    func includeForPropagatesBreak() throws {
        let template = "{% for outer in (1..2) %}{% include 'iterator' for items as item %}{{ outer }}{% endfor %}"
        let files = ["iterator": "{% if item == 'b' %}{% break %}{% endif %}{{ item }}"]
        #expect(try render(template, ["items": ["a", "b", "c"]], files: files) == "a")
    }

    @Test("continue inside an included partial skips the rest of the caller's loop body")
    func includePropagatesContinue() throws {
        let files = ["c": "{% if i == 2 %}{% continue %}{% endif %}"]
        #expect(try render("{% for i in (1..3) %}{% include 'c' %}{{ i }}{% endfor %}", files: files) == "13")
    }

    @Test("An included partial in a folder is named after its last path segment")
    func includeFromFolder() throws {
        #expect(try render("{% include 'dir/card' with item %}", ["item": "S"], files: ["dir/card": "[{{ card }}]"]) == "[S]")
    }

    @Test("render recursion renders 100 levels, one scope each, before Nesting too deep")
    func renderRecursionDepth() throws {
        let files = ["foo": "{% capture d %}{{ d }}x{% endcapture %}{{ d.size }}|{% render 'foo', d: d %}"]
        let levels = (1...100).map { "\($0)|" }.joined()
        #expect(try render("{% render 'foo' %}", files: files) == levels + "Liquid error: Nesting too deep")
    }
}
