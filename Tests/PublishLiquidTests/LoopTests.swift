import Testing
@testable import PublishLiquid

@Suite("Loops: for, forloop, break and continue, cycle, tablerow, increment and decrement")
struct LoopTests {
    // MARK: for

    @Test("A for loop renders its body once for each item of an array")
    func forArray() throws {
        #expect(try render("{% for x in items %}[{{ x }}]{% endfor %}", ["items": ["a", "b", "c"]]) == "[a][b][c]")
    }

    @Test("A for loop goes over a range, both ends included")
    func forRange() throws {
        #expect(try render("{% for i in (1..3) %}{{ i }}{% endfor %}") == "123")
    }

    @Test("A range's ends may be variables")
    func forRangeOfVariables() throws {
        #expect(try render("{% for i in (a..b) %}{{ i }}{% endfor %}", ["a": 2, "b": 4]) == "234")
    }

    @Test("A range whose start is past its end is empty")
    func forBackwardRange() throws {
        #expect(try render("{% for i in (3..1) %}{{ i }}{% else %}none{% endfor %}") == "none")
    }

    @Test("limit stops after that many items")
    func forLimit() throws {
        #expect(try render("{% for i in (1..5) limit: 2 %}{{ i }}{% endfor %}") == "12")
    }

    @Test("offset skips that many items")
    func forOffset() throws {
        #expect(try render("{% for i in (1..5) offset: 3 %}{{ i }}{% endfor %}") == "45")
    }

    @Test("limit counts from the offset")
    func forLimitAndOffset() throws {
        #expect(try render("{% for i in (1..5) limit: 2 offset: 1 %}{{ i }}{% endfor %}") == "23")
    }

    @Test("limit and offset may be variables, and text that reads as an integer")
    func forLimitFromVariable() throws {
        #expect(try render("{% for i in (1..9) limit: n offset: m %}{{ i }}{% endfor %}", ["n": "2", "m": 4]) == "56")
    }

    @Test("A limit that is not an integer is an error")
    func forInvalidLimit() throws {
        #expect(try render("{% for i in (1..3) limit: 'x' %}{{ i }}{% endfor %}") == "Liquid error (line 1): invalid integer")
    }

    @Test("reversed goes over the items from the last")
    func forReversed() throws {
        #expect(try render("{% for i in (1..3) reversed %}{{ i }}{% endfor %}") == "321")
    }

    @Test("reversed reverses the items limit and offset chose, not the whole collection")
    func forReversedWithLimit() throws {
        #expect(try render("{% for i in (1..5) reversed limit: 2 %}{{ i }}{% endfor %}") == "21")
    }

    @Test("A for loop with offset: continue resumes where the last loop with the same collection stopped")
    func forOffsetContinue() throws {
        let template = "{% for i in (1..6) limit: 2 %}{{ i }}{% endfor %};"
            + "{% for i in (1..6) offset: continue limit: 2 %}{{ i }}{% endfor %};"
            + "{% for i in (1..6) offset: continue %}{{ i }}{% endfor %}"
        #expect(try render(template) == "12;34;56")
    }

    @Test("offset: continue is kept apart for a loop with another variable name")
    func forOffsetContinueByName() throws {
        let template = "{% for i in items limit: 1 %}{{ i }}{% endfor %};{% for j in items offset: continue %}{{ j }}{% endfor %}"
        #expect(try render(template, ["items": [1, 2, 3]]) == "1;123")
    }

    @Test("else renders when the collection is empty")
    func forElseEmpty() throws {
        #expect(try render("{% for x in items %}x{% else %}none{% endfor %}", ["items": []]) == "none")
    }

    @Test("else renders when the collection is undefined")
    func forElseUndefined() throws {
        #expect(try render("{% for x in nothing %}x{% else %}none{% endfor %}") == "none")
    }

    @Test("else renders when the offset is past the end")
    func forElseOffsetPastEnd() throws {
        #expect(try render("{% for i in (1..3) offset: 5 %}{{ i }}{% else %}none{% endfor %}") == "none")
    }

    @Test("A for loop over a hash gives each key and value as a pair")
    func forHash() throws {
        let template = "{% for pair in h %}{{ pair[0] }}={{ pair[1] }};{% endfor %}"
        #expect(try render(template, ["h": .hash(["a": 1, "b": 2])]) == "a=1;b=2;")
    }

    @Test("A for loop over text goes once, over the whole text")
    func forText() throws {
        #expect(try render("{% for c in 'abc' %}[{{ c }}]{% endfor %}") == "[abc]")
    }

    @Test("The loop variable is gone after the loop")
    func loopVariableScope() throws {
        #expect(try render("{% for i in (1..3) %}{% endfor %}[{{ i }}]") == "[]")
    }

    @Test("The loop variable hides a variable of the same name only inside the loop")
    func loopVariableShadows() throws {
        #expect(try render("{% for i in (1..2) %}{{ i }}{% endfor %}{{ i }}", ["i": "x"]) == "12x")
    }

    @Test("An assign inside a loop stays after it")
    func assignInLoop() throws {
        #expect(try render("{% for i in (1..3) %}{% assign last = i %}{% endfor %}{{ last }}") == "3")
    }

    // MARK: forloop

    @Test("forloop tells the index from 1 and from 0, from the end, first, last and length")
    func forloopObject() throws {
        let template = "{% for i in (1..3) %}{{ forloop.index }}{{ forloop.index0 }}{{ forloop.rindex }}"
            + "{{ forloop.rindex0 }}{{ forloop.first }}{{ forloop.last }}{{ forloop.length }}|{% endfor %}"
        #expect(try render(template) == "1032truefalse3|2121falsefalse3|3210falsetrue3|")
    }

    @Test("forloop.length counts the items after limit and offset")
    func forloopLengthAfterLimit() throws {
        #expect(try render("{% for i in (1..10) limit: 3 offset: 2 %}{{ forloop.length }}{% endfor %}") == "333")
    }

    @Test("forloop.name is the variable and the collection joined by a dash")
    func forloopName() throws {
        #expect(try render("{% for item in items %}{{ forloop.name }}{% endfor %}", ["items": [1]]) == "item-items")
    }

    @Test("forloop.parentloop is the loop around this one")
    func parentloop() throws {
        let template = "{% for a in (1..2) %}{% for b in (1..2) %}{{ forloop.parentloop.index }}{{ forloop.index }} {% endfor %}{% endfor %}"
        #expect(try render(template) == "11 12 21 22 ")
    }

    @Test("forloop.parentloop is nil in a loop with no loop around it")
    func parentloopOfOutermost() throws {
        #expect(try render("{% for a in (1..1) %}[{{ forloop.parentloop }}]{% endfor %}") == "[]")
    }

    @Test("forloop is the inner loop's again after an inner loop ends")
    func forloopRestoredAfterInnerLoop() throws {
        let template = "{% for a in (1..2) %}{% for b in (1..3) %}{% endfor %}{{ forloop.index }}{{ forloop.length }}{% endfor %}"
        #expect(try render(template) == "1222")
    }

    @Test("forloop is nil outside a loop")
    func forloopOutside() throws {
        #expect(try render("[{{ forloop.index }}]") == "[]")
    }

    // MARK: break and continue

    @Test("break leaves the loop")
    func breakLoop() throws {
        #expect(try render("{% for i in (1..5) %}{% if i == 3 %}{% break %}{% endif %}{{ i }}{% endfor %}") == "12")
    }

    @Test("continue skips the rest of the body for this item")
    func continueLoop() throws {
        #expect(try render("{% for i in (1..5) %}{% if i == 3 %}{% continue %}{% endif %}{{ i }}{% endfor %}") == "1245")
    }

    @Test("break leaves only the innermost loop")
    func breakInnerLoop() throws {
        let template = "{% for a in (1..2) %}{% for b in (1..3) %}{% if b == 2 %}{% break %}{% endif %}{{ a }}{{ b }} {% endfor %}{% endfor %}"
        #expect(try render(template) == "11 21 ")
    }

    @Test("break outside a loop stops the rest of the template")
    func breakOutsideLoop() throws {
        #expect(try render("a{% break %}b") == "a")
    }

    // MARK: cycle

    @Test("cycle writes its values in turn, starting again after the last")
    func cycle() throws {
        #expect(try render("{% for i in (1..4) %}{% cycle 'a', 'b', 'c' %}{% endfor %}") == "abca")
    }

    @Test("Unnamed cycles of the same values share their place")
    func cycleSharedBySameValues() throws {
        #expect(try render("{% cycle 'a', 'b' %}{% cycle 'a', 'b' %}{% cycle 'a', 'b' %}") == "aba")
    }

    @Test("Unnamed cycles of other values keep their own place")
    func cycleOtherValues() throws {
        #expect(try render("{% cycle 'a', 'b' %}{% cycle 'x', 'y' %}{% cycle 'a', 'b' %}") == "axb")
    }

    @Test("A named cycle keeps its place by its name")
    func namedCycle() throws {
        #expect(try render("{% cycle 'g1': 'a', 'b' %}{% cycle 'g2': 'a', 'b' %}{% cycle 'g1': 'a', 'b' %}") == "aab")
    }

    @Test("A cycle's values may be variables")
    func cycleWithVariables() throws {
        #expect(try render("{% for i in (1..3) %}{% cycle x, y %}{% endfor %}", ["x": "1", "y": "2"]) == "121")
    }

    // MARK: tablerow

    @Test("tablerow writes a row of cells, cols cells to a row")
    func tablerowCols() throws {
        let expected = "<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td></tr>\n"
            + "<tr class=\"row2\"><td class=\"col1\">3</td></tr>\n"
        #expect(try render("{% tablerow i in (1..3) cols: 2 %}{{ i }}{% endtablerow %}") == expected)
    }

    @Test("tablerow without cols writes one row")
    func tablerowOneRow() throws {
        let expected = "<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td></tr>\n"
        #expect(try render("{% tablerow i in (1..2) %}{{ i }}{% endtablerow %}") == expected)
    }

    @Test("tablerow takes limit and offset")
    func tablerowLimitOffset() throws {
        let expected = "<tr class=\"row1\">\n<td class=\"col1\">2</td><td class=\"col2\">3</td></tr>\n"
        #expect(try render("{% tablerow i in (1..5) limit: 2 offset: 1 %}{{ i }}{% endtablerow %}") == expected)
    }

    @Test("tablerow over an empty array writes an empty row")
    func tablerowEmpty() throws {
        #expect(try render("{% tablerow i in items %}x{% endtablerow %}", ["items": []]) == "<tr class=\"row1\">\n</tr>\n")
    }

    @Test("tablerow over nil writes nothing")
    func tablerowNil() throws {
        #expect(try render("[{% tablerow i in nothing %}x{% endtablerow %}]") == "[]")
    }

    @Test("tablerowloop tells the column, the row and whether the cell is the first of its row")
    func tablerowloop() throws {
        let template = "{% tablerow i in (1..4) cols: 2 %}{{ tablerowloop.col }}{{ tablerowloop.row }}{{ tablerowloop.col_first }}{% endtablerow %}"
        let expected = "<tr class=\"row1\">\n<td class=\"col1\">11true</td><td class=\"col2\">21false</td></tr>\n"
            + "<tr class=\"row2\"><td class=\"col1\">12true</td><td class=\"col2\">22false</td></tr>\n"
        #expect(try render(template) == expected)
    }

    @Test("tablerowloop tells the index, col0, col_last and last")
    func tablerowloopIndexes() throws {
        let template = "{% tablerow i in (1..3) cols: 2 %}{{ tablerowloop.index }}{{ tablerowloop.col0 }}{{ tablerowloop.col_last }}{{ tablerowloop.last }}{% endtablerow %}"
        let expected = "<tr class=\"row1\">\n<td class=\"col1\">10falsefalse</td><td class=\"col2\">21truefalse</td></tr>\n"
            + "<tr class=\"row2\"><td class=\"col1\">30falsetrue</td></tr>\n"
        #expect(try render(template) == expected)
    }

    @Test("break in tablerow closes the cell and the row")
    func tablerowBreak() throws {
        let template = "{% tablerow i in (1..3) %}{{ i }}{% if i == 2 %}{% break %}{% endif %}{% endtablerow %}"
        #expect(try render(template) == "<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td></tr>\n")
    }

    // MARK: increment and decrement

    @Test("increment writes 0, 1, 2 …")
    func increment() throws {
        #expect(try render("{% increment c %}{% increment c %}{% increment c %}") == "012")
    }

    @Test("decrement writes -1, -2 …")
    func decrement() throws {
        #expect(try render("{% decrement c %}{% decrement c %}") == "-1-2")
    }

    @Test("increment and decrement share a counter")
    func incrementThenDecrement() throws {
        #expect(try render("{% increment c %}{% increment c %}{% decrement c %}") == "011")
    }

    @Test("Counters are apart: each name has its own")
    func separateCounters() throws {
        #expect(try render("{% increment a %}{% increment b %}{% increment a %}{% increment b %}") == "0011")
    }

    @Test("A counter can be read as a variable")
    func counterAsVariable() throws {
        #expect(try render("{% increment c %}{% increment c %}{{ c }}") == "012")
    }

    @Test("A counter does not change a variable of the same name that assign set")
    func counterApartFromAssign() throws {
        #expect(try render("{% assign c = 10 %}{% increment c %}{% increment c %}{{ c }}") == "0110")
    }

    @Test("A counter starts at 0 whatever the given variable of that name holds, and hides it")
    func counterHidesGivenVariable() throws {
        #expect(try render("{% decrement port %} {{ port }}", ["port": 10]) == "-1 -1")
    }

    @Test("limit: 0 renders the else")
    func forLimitZero() throws {
        #expect(try render("{% for i in (1..3) limit: 0 %}{{ i }}{% else %}none{% endfor %}") == "none")
    }

    @Test("offset: continue after a loop that went to the end renders the else")
    func forOffsetContinueAtEnd() throws {
        let template = "{% for i in (1..2) %}{{ i }}{% endfor %}{% for i in (1..2) offset: continue %}{{ i }}{% else %}done{% endfor %}"
        #expect(try render(template) == "12done")
    }
}
