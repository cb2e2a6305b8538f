import Testing
@testable import PublishLiquid

@Suite("Output: variables, lookups, literals and whitespace control")
struct OutputTests {
    private let user: Value = .hash(["name": "Ann", "address": .hash(["city": "Oslo"])])

    // MARK: Variables

    @Test("A variable is written as its text")
    func variable() throws {
        #expect(try render("Hello {{ name }}!", ["name": "World"]) == "Hello World!")
    }

    @Test("An undefined variable writes nothing")
    func undefinedVariable() throws {
        #expect(try render("[{{ nothing }}]") == "[]")
    }

    @Test("A lookup on an undefined variable writes nothing")
    func lookupOnUndefined() throws {
        #expect(try render("[{{ missing.a.b }}]") == "[]")
    }

    @Test("A lookup on a number writes nothing")
    func lookupOnNumber() throws {
        #expect(try render("[{{ number.property }}]", ["number": 42]) == "[]")
    }

    @Test("An empty output writes nothing")
    func emptyOutput() throws {
        #expect(try render("[{{}}][{{ }}]") == "[][]")
    }

    // MARK: Lookups

    @Test("A dot looks up a hash key")
    func dotLookup() throws {
        #expect(try render("{{ user.name }}", ["user": user]) == "Ann")
    }

    @Test("Dots chain through nested hashes")
    func nestedDotLookup() throws {
        #expect(try render("{{ user.address.city }}", ["user": user]) == "Oslo")
    }

    @Test("Brackets with a quoted key look up a hash key")
    func bracketLookup() throws {
        #expect(try render("{{ user['name'] }}{{ user[\"name\"] }}", ["user": user]) == "AnnAnn")
    }

    @Test("Brackets with a variable look up the key the variable holds")
    func bracketVariableLookup() throws {
        #expect(try render("{{ user[key] }}", ["user": user, "key": "name"]) == "Ann")
    }

    @Test("Brackets nest: the inner lookup is the outer one's key")
    func nestedBracketLookup() throws {
        let variables: [String: Value] = ["names": ["zero", "one"], "indexes": [1, 0]]
        #expect(try render("{{ names[indexes[0]] }}", variables) == "one")
    }

    @Test("An array index counts from 0, and a negative one from the end")
    func arrayIndex() throws {
        #expect(try render("{{ items[0] }}{{ items[-1] }}", ["items": ["a", "b", "c"]]) == "ac")
    }

    @Test("An index past the end of an array writes nothing")
    func arrayIndexOutOfRange() throws {
        #expect(try render("[{{ items[5] }}]", ["items": ["a"]]) == "[]")
    }

    @Test("size, first and last work on arrays")
    func arrayCommands() throws {
        #expect(try render("{{ items.size }} {{ items.first }} {{ items.last }}", ["items": ["a", "b", "c"]]) == "3 a c")
    }

    @Test("A hash key named size wins over the size command")
    func hashKeyBeatsCommand() throws {
        #expect(try render("{{ h.size }}", ["h": .hash(["size": "big"])]) == "big")
    }

    @Test("size counts a hash's keys when it has no size key")
    func hashSize() throws {
        #expect(try render("{{ h.size }}", ["h": .hash(["a": 1, "b": 2])]) == "2")
    }

    @Test("size counts characters of text, and first and last are its first and last characters")
    func stringCommands() throws {
        #expect(try render("{{ s.size }} {{ s.first }} {{ s.last }}", ["s": "héllo"]) == "5 h o")
    }

    @Test("size of an integer is Ruby's byte size, 8")
    func integerSize() throws {
        #expect(try render("{{ n.size }}", ["n": 42]) == "8")
    }

    @Test("Bare brackets look up a variable by name in strict mode")
    func bareBrackets() throws {
        #expect(try render("{{ ['name'] }}", ["name": "X"]) == "X")
    }

    // MARK: Literals

    @Test("Quoted strings are written without their quotes")
    func stringLiterals() throws {
        #expect(try render("{{ 'single' }} {{ \"double\" }}") == "single double")
    }

    @Test("Integers and floats are written as Ruby writes them")
    func numberLiterals() throws {
        #expect(try render("{{ 1 }} {{ -3 }} {{ 1.0 }} {{ 2.50 }} {{ -1.5 }}") == "1 -3 1.0 2.5 -1.5")
    }

    @Test("true and false are written as words, nil as nothing")
    func booleanAndNilLiterals() throws {
        #expect(try render("{{ true }} {{ false }} [{{ nil }}] [{{ null }}]") == "true false [] []")
    }

    @Test("blank and empty are written as nothing")
    func blankAndEmptyLiterals() throws {
        #expect(try render("[{{ blank }}][{{ empty }}]") == "[][]")
    }

    @Test("An array is written as its items one after another, nested arrays flattened")
    func arrayOutput() throws {
        #expect(try render("{{ items }}", ["items": ["a", ["b", ["c"]], 1]]) == "abc1")
    }

    @Test("A hash is written as Ruby inspects it")
    func hashOutput() throws {
        #expect(try render("{{ h }}", ["h": .hash(["a": 1, "b": "x"])]) == #"{"a"=>1, "b"=>"x"}"#)
    }

    @Test("A nil inside an array is written as nothing")
    func nilInArray() throws {
        #expect(try render("{{ items }}", ["items": ["a", nil, "b"]]) == "ab")
    }

    // MARK: Ranges

    @Test("A range is written as low..high")
    func rangeOutput() throws {
        #expect(try render("{{ (1..3) }}") == "1..3")
    }

    @Test("A range's ends may be variables")
    func rangeWithVariables() throws {
        #expect(try render("{{ (a..b) }}", ["a": 2, "b": 4]) == "2..4")
    }

    @Test("A range end given as text is read as an integer")
    func rangeWithTextEnd() throws {
        #expect(try render("{{ (1..n) }}", ["n": "5"]) == "1..5")
    }

    @Test("A range end given as a float literal is cut to an integer")
    func rangeWithFloatLiteral() throws {
        #expect(try render("{{ (1..3.7) }}") == "1..3")
    }

    @Test("A range end that is a float variable is an invalid integer")
    func rangeWithFloatVariable() throws {
        #expect(try render("{{ (1..n) }}", ["n": 2.5]) == "Liquid error (line 1): invalid integer")
    }

    // MARK: Whitespace control

    @Test("{{- and -}} remove the whitespace on both sides of an output")
    func outputTrim() throws {
        #expect(try render("a  \n {{- 'b' -}} \n  c") == "abc")
    }

    @Test("{{- removes only the whitespace before the output")
    func outputTrimLeft() throws {
        #expect(try render("a \n {{- 'b' }} \n c") == "ab \n c")
    }

    @Test("-}} removes only the whitespace after the output")
    func outputTrimRight() throws {
        #expect(try render("a \n {{ 'b' -}} \n c") == "a \n bc")
    }

    @Test("{%- and -%} remove the whitespace around tags")
    func tagTrim() throws {
        #expect(try render("[ \n {%- if true -%} \n x \n {%- endif -%} \n ]") == "[x]")
    }

    @Test("Trimming after an assign joins the lines around it")
    func trimAroundAssign() throws {
        #expect(try render("a\n\n{%- assign x = 1 -%}\n\nb") == "ab")
    }

    @Test("Trimming stops at the first character that is not whitespace")
    func trimStopsAtText() throws {
        #expect(try render("x y {{- 'z' -}} w v") == "x yzw v")
    }

    @Test("Without trimming, the whitespace around an output stays")
    func noTrim() throws {
        #expect(try render(" \n{{ 'a' }}\n ") == " \na\n ")
    }

    // MARK: Templates

    @Test("A parsed template renders again with fresh state in each new context")
    func templateRendersTwice() throws {
        let environment = Environment()
        let template = try Template("{% cycle 'a', 'b' %}{% increment n %}{{ x }}", environment: environment)
        #expect(try template.render(Context(environment: environment, variables: ["x": "1"])) == "a01")
        #expect(try template.render(Context(environment: environment, variables: ["x": "2"])) == "a02")
    }

    @Test("first of a hash is its first key and value, written one after the other")
    func hashFirst() throws {
        #expect(try render("{{ h.first }}", ["h": .hash(["a": 1, "b": 2])]) == "a1")
    }

    @Test("An integer literal past 64 bits is read as a float: publish has no big integers, where Ruby writes the digits")
    func bigIntegerLiteral() throws {
        #expect(try render("{{ 99999999999999999999 }}") == "1.0e+20")
    }

    @Test("Large and small floats are written in Ruby's exponent form")
    func floatExponents() throws {
        #expect(try render("{{ 10000000000000000.0 }} {{ 1000000000000000.0 }} {{ 0.0001 }} {{ 0.00001 }}") == "1.0e+16 1000000000000000.0 0.0001 1.0e-05")
    }
}
