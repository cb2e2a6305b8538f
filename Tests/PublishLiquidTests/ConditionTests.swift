import Testing
@testable import PublishLiquid

@Suite("Conditions: if, unless, case and comparisons")
struct ConditionTests {
    // MARK: if, elsif, else

    @Test("if renders its body when the condition is true")
    func ifTrue() throws {
        #expect(try render("{% if true %}yes{% endif %}") == "yes")
    }

    @Test("if renders nothing when the condition is false and there is no else")
    func ifFalse() throws {
        #expect(try render("[{% if false %}yes{% endif %}]") == "[]")
    }

    @Test("else renders when the condition is false")
    func ifElse() throws {
        #expect(try render("{% if x %}yes{% else %}no{% endif %}", ["x": false]) == "no")
    }

    @Test("The first elsif whose condition is true renders, and no other branch")
    func elsif() throws {
        let template = "{% if a == 1 %}one{% elsif a == 2 %}two{% elsif a > 1 %}more{% else %}other{% endif %}"
        #expect(try render(template, ["a": 2]) == "two")
    }

    @Test("Only nil and false are false: empty text, zero and empty arrays are true")
    func truthiness() throws {
        let template = "{% if s %}s{% endif %}{% if z %}z{% endif %}{% if a %}a{% endif %}{% if n %}n{% endif %}"
        #expect(try render(template, ["s": "", "z": 0, "a": [], "n": nil]) == "sza")
    }

    @Test("An undefined variable is false")
    func undefinedIsFalse() throws {
        #expect(try render("{% if nothing %}yes{% else %}no{% endif %}") == "no")
    }

    // MARK: unless

    @Test("unless renders its body when the condition is false")
    func unlessFalse() throws {
        #expect(try render("{% unless false %}yes{% endunless %}") == "yes")
    }

    @Test("unless renders its else when the condition is true")
    func unlessElse() throws {
        #expect(try render("{% unless true %}a{% else %}b{% endunless %}") == "b")
    }

    @Test("An elsif inside unless is not negated")
    func unlessElsif() throws {
        let template = "{% unless x %}A{% elsif y %}B{% else %}C{% endunless %}"
        #expect(try render(template, ["x": true, "y": true]) == "B")
    }

    // MARK: and, or

    @Test("and needs both sides true")
    func and() throws {
        #expect(try render("{% if true and false %}Y{% else %}N{% endif %}{% if true and true %}Y{% endif %}") == "NY")
    }

    @Test("or needs one side true")
    func or() throws {
        #expect(try render("{% if false or true %}Y{% endif %}{% if false or false %}Y{% else %}N{% endif %}") == "YN")
    }

    @Test("and and or group from the right: true or false and false is true or (false and false)")
    func rightToLeftOr() throws {
        #expect(try render("{% if true or false and false %}Y{% else %}N{% endif %}") == "Y")
    }

    @Test("and and or group from the right: false and true or true is false and (true or true)")
    func rightToLeftAnd() throws {
        #expect(try render("{% if false and true or true %}Y{% else %}N{% endif %}") == "N")
    }

    @Test("Comparisons bind tighter than and and or")
    func comparisonsInsideAndOr() throws {
        #expect(try render("{% if a == 1 and b != 2 or c > 5 %}Y{% else %}N{% endif %}", ["a": 1, "b": 2, "c": 9]) == "Y")
    }

    // MARK: contains

    @Test("contains finds text inside text")
    func containsText() throws {
        #expect(try render("{% if 'hello world' contains 'o w' %}Y{% endif %}") == "Y")
    }

    @Test("contains turns a number into text when searching text")
    func containsNumberInText() throws {
        #expect(try render("{% if s contains 1 %}Y{% endif %}", ["s": "abc1"]) == "Y")
    }

    @Test("contains finds an item in an array")
    func containsInArray() throws {
        #expect(try render("{% if items contains 'b' %}Y{% else %}N{% endif %}", ["items": ["a", "b"]]) == "Y")
    }

    @Test("contains compares array items with ==, so the text '1' is not the number 1")
    func containsInArrayByEquality() throws {
        #expect(try render("{% if items contains '1' %}Y{% else %}N{% endif %}", ["items": [1, 2]]) == "N")
    }

    @Test("contains on a hash asks for a key")
    func containsInHash() throws {
        let variables: [String: Value] = ["h": .hash(["a": 1])]
        #expect(try render("{% if h contains 'a' %}Y{% endif %}{% if h contains 1 %}Y{% else %}N{% endif %}", variables) == "YN")
    }

    @Test("contains on a range asks whether the number is in it")
    func containsInRange() throws {
        #expect(try render("{% if (1..3) contains 2 %}Y{% endif %}{% if (1..3) contains 4 %}Y{% else %}N{% endif %}") == "YN")
    }

    @Test("contains on nil or with nil is false")
    func containsNil() throws {
        #expect(try render("{% if nothing contains 'a' %}Y{% else %}N{% endif %}{% if 'a' contains nothing %}Y{% else %}N{% endif %}") == "NN")
    }

    // MARK: blank and empty

    @Test("Empty text, arrays and hashes equal empty")
    func emptyValues() throws {
        let template = "{% if s == empty %}s{% endif %}{% if a == empty %}a{% endif %}{% if h == empty %}h{% endif %}"
        #expect(try render(template, ["s": "", "a": [], "h": .hash([:])]) == "sah")
    }

    @Test("Whitespace-only text is blank but not empty")
    func whitespaceIsBlankNotEmpty() throws {
        #expect(try render("{% if s == blank %}B{% endif %}{% if s == empty %}E{% endif %}", ["s": "  \n"]) == "B")
    }

    @Test("nil and false are blank; nil is not empty")
    func nilIsBlank() throws {
        let template = "{% if n == blank %}1{% endif %}{% if f == blank %}2{% endif %}{% if n == empty %}3{% endif %}"
        #expect(try render(template, ["n": nil, "f": false]) == "12")
    }

    @Test("Numbers and true are never blank")
    func numbersAreNotBlank() throws {
        #expect(try render("{% if 0 == blank %}A{% endif %}{% if true == blank %}B{% endif %}[]") == "[]")
    }

    @Test("!= blank is the negation of == blank")
    func notBlank() throws {
        #expect(try render("{% if s != blank %}Y{% endif %}", ["s": "x"]) == "Y")
    }

    @Test("empty may stand on the left of the comparison")
    func emptyOnTheLeft() throws {
        #expect(try render("{% if empty == s %}Y{% endif %}", ["s": ""]) == "Y")
    }

    // MARK: Comparisons

    @Test("Numbers compare by value, integers with floats")
    func numberComparisons() throws {
        #expect(try render("{% if 1 < 2 %}a{% endif %}{% if 2.5 >= 2 %}b{% endif %}{% if 1 == 1.0 %}c{% endif %}") == "abc")
    }

    @Test("Text compares with text by its bytes")
    func textComparisons() throws {
        #expect(try render("{% if 'apple' < 'banana' %}a{% endif %}{% if 'B' < 'a' %}b{% endif %}{% if 'x' <= 'x' %}c{% endif %}") == "abc")
    }

    @Test("Text and a number are never equal")
    func textIsNotNumber() throws {
        #expect(try render("{% if '1' == 1 %}Y{% else %}N{% endif %}") == "N")
    }

    @Test("!= and <> are both not-equal")
    func notEqual() throws {
        #expect(try render("{% if 1 != 2 %}a{% endif %}{% if 1 <> 2 %}b{% endif %}{% if 1 <> 1 %}c{% endif %}") == "ab")
    }

    @Test("nil equals an undefined variable")
    func nilEqualsUndefined() throws {
        #expect(try render("{% if nothing == nil %}Y{% endif %}") == "Y")
    }

    @Test("Arrays are equal when their items are")
    func arrayEquality() throws {
        #expect(try render("{% if a == b %}Y{% endif %}", ["a": [1, "x"], "b": [1, "x"]]) == "Y")
    }

    @Test("A number compared with text is an error naming both classes")
    func integerWithText() throws {
        #expect(try render("{% if 1 < 'a' %}x{% endif %}") == "Liquid error (line 1): comparison of Integer with String failed")
    }

    @Test("A float compared with text is an error naming both classes")
    func floatWithText() throws {
        #expect(try render("{% if 1.5 > 'a' %}x{% endif %}") == "Liquid error (line 1): comparison of Float with String failed")
    }

    @Test("Text compared with an integer is an error naming the integer itself")
    func textWithInteger() throws {
        #expect(try render("{% if 'a' < 1 %}x{% endif %}") == "Liquid error (line 1): comparison of String with 1 failed")
    }

    @Test("Text compared with a float is an error naming the float itself")
    func textWithFloat() throws {
        #expect(try render("{% if 'a' >= 2.5 %}x{% endif %}") == "Liquid error (line 1): comparison of String with 2.5 failed")
    }

    @Test("A comparison error stands in the place of the tag, between the text around it")
    func comparisonErrorInPlace() throws {
        #expect(try render("a{% if 1 < 'x' %}b{% endif %}c") == "aLiquid error (line 1): comparison of Integer with String failedc")
    }

    @Test("Ordering against nil, booleans or arrays is false without an error")
    func orderingUnorderable() throws {
        let template = "{% if 1 < nil %}a{% endif %}{% if 5 > true %}b{% endif %}{% if 'a' < list %}c{% endif %}{% if nil < 1 %}d{% endif %}[]"
        #expect(try render(template, ["list": [1]]) == "[]")
    }

    @Test("A comparison error in a block that writes nothing is not written")
    func comparisonErrorInBlankBlock() throws {
        #expect(try render("[{% if 1 < 'a' %}{% assign x = 1 %}{% endif %}]") == "[]")
    }

    @Test("A comparison error is recorded in the context even when it is not written")
    func comparisonErrorRecorded() throws {
        let (template, context) = try prepare("{% if 1 < 'a' %}{% endif %}")
        _ = try template.render(context)
        #expect(context.errors.map(\.message) == ["comparison of Integer with String failed"])
    }

    // MARK: case

    @Test("case renders the when that equals the value")
    func caseWhen() throws {
        let template = "{% case x %}{% when 1 %}one{% when 2 %}two{% else %}other{% endcase %}"
        #expect(try render(template, ["x": 2]) == "two")
    }

    @Test("case renders else when no when matches")
    func caseElse() throws {
        let template = "{% case x %}{% when 1 %}one{% else %}other{% endcase %}"
        #expect(try render(template, ["x": 3]) == "other")
    }

    @Test("A when lists values with commas")
    func whenWithCommas() throws {
        let template = "{% case x %}{% when 1, 2, 3 %}small{% else %}big{% endcase %}"
        #expect(try render(template, ["x": 3]) == "small")
    }

    @Test("A when lists values with or")
    func whenWithOr() throws {
        let template = "{% case x %}{% when 'a' or 'b' %}ab{% else %}other{% endcase %}"
        #expect(try render(template, ["x": "b"]) == "ab")
    }

    @Test("Every matching when renders, not only the first")
    func everyMatchingWhen() throws {
        #expect(try render("{% case 1 %}{% when 1 %}a{% when 2 %}b{% when 1 %}c{% endcase %}") == "ac")
    }

    @Test("A when that lists the value twice renders twice")
    func whenListingValueTwice() throws {
        #expect(try render("{% case 1 %}{% when 1, 1 %}a{% endcase %}") == "aa")
    }

    @Test("An else before a matching when still renders, since nothing had matched yet")
    func elseBeforeWhen() throws {
        #expect(try render("{% case 1 %}{% else %}E{% when 1 %}W{% endcase %}") == "EW")
    }

    @Test("Text between case and the first when is never written")
    func caseLeadingText() throws {
        #expect(try render("{% case 1 %}junk{% when 1 %}a{% endcase %}") == "a")
    }

    @Test("when compares with ==, so 1 matches 1.0")
    func whenComparesNumbers() throws {
        #expect(try render("{% case x %}{% when 1 %}one{% endcase %}", ["x": 1.0]) == "one")
    }

    @Test("when empty matches empty text")
    func whenEmpty() throws {
        #expect(try render("{% case x %}{% when empty %}E{% else %}F{% endcase %}", ["x": ""]) == "E")
    }

    @Test("An else with parameters is a syntax error")
    func caseElseWithParameters() {
        #expect(parseError("{% case x %}{% when 1 %}{% else 2 %}{% endcase %}")?.message
            == "Syntax Error in tag 'case' - Valid else condition: {% else %} (no parameters) ")
    }

    @Test("A when value may be a variable")
    func whenVariable() throws {
        #expect(try render("{% case x %}{% when y %}Y{% else %}N{% endcase %}", ["x": 3, "y": 3]) == "Y")
    }
}
