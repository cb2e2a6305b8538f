import Testing
@testable import PublishLiquid

/// Templates written to hurt: each must end with an error or an output,
/// quickly, and never crash the process.
@Suite("Hostile templates")
struct HostileTests {
    private func repeated(_ text: String, _ count: Int) -> String {
        String(repeating: text, count: count)
    }

    // MARK: Deep nesting

    @Test("100,000 nested if tags fail with Nesting too deep rather than crashing")
    func deeplyNestedIfs() {
        let error = parseError(repeated("{% if true %}", 100_000) + "x" + repeated("{% endif %}", 100_000))
        #expect(error?.kind == .stackLevel)
        #expect(error?.message == "Nesting too deep")
    }

    @Test("100,000 nested if tags never closed fail with Nesting too deep")
    func deeplyNestedUnclosedIfs() {
        #expect(parseError(repeated("{% if true %}", 100_000))?.message == "Nesting too deep")
    }

    @Test("100 nested blocks parse and render, as liquid-ruby's limit allows")
    func hundredNestedIfs() throws {
        #expect(try render(repeated("{% if true %}", 100) + "x" + repeated("{% endif %}", 100)) == "x")
    }

    @Test("101 nested blocks are too deep")
    func hundredAndOneNestedIfs() {
        #expect(parseError(repeated("{% if true %}", 101) + "x" + repeated("{% endif %}", 101))?.message == "Nesting too deep")
    }

    @Test("100,000 nested for loops fail with Nesting too deep")
    func deeplyNestedFors() {
        #expect(parseError(repeated("{% for i in (1..2) %}", 100_000) + repeated("{% endfor %}", 100_000))?.message == "Nesting too deep")
    }

    @Test("100,000 nested comments are read without nesting deeper")
    func deeplyNestedComments() throws {
        #expect(try render(repeated("{% comment %}", 100_000) + "x" + repeated("{% endcomment %}", 100_000) + "ok") == "ok")
    }

    @Test("100,000 comments never closed fail as an unclosed comment")
    func deeplyNestedUnclosedComments() {
        #expect(parseError(repeated("{% comment %}", 100_000))?.message == "'comment' tag was never closed")
    }

    @Test("100,000 opening {{ fail as an output never closed")
    func manyOpenOutputs() {
        #expect(parseError(repeated("{{", 100_000))?.message == #"Variable '{{' was not properly terminated with regexp: /\}\}/"#)
    }

    @Test("100,000 opening {% fail as a tag never closed")
    func manyOpenTags() {
        #expect(parseError(repeated("{%", 100_000))?.message == #"Tag '{%' was not properly terminated with regexp: /\%\}/"#)
    }

    @Test("100,000 nested outputs are a syntax error in strict mode")
    func nestedOutputsStrict() {
        let source = repeated("{{ ", 100_000) + "x" + repeated(" }}", 100_000)
        #expect(parseError(source)?.message == "Unexpected character {")
    }

    @Test("100,000 nested outputs render the forgiving way in lax mode: one empty output, then the closing braces as text")
    func nestedOutputsLax() throws {
        let source = repeated("{{ ", 100_000) + "x" + repeated(" }}", 100_000)
        #expect(try render(source, mode: .lax) == repeated(" }}", 99_999))
    }

    @Test("Brackets nested 10,000 deep in an output are refused in strict mode, past the expression depth")
    func deeplyNestedBrackets() {
        let source = "{{ " + repeated("a[", 10_000) + "0" + repeated("]", 10_000) + " }}"
        #expect(parseError(source)?.message == "Nesting too deep in an expression")
    }

    @Test("Brackets nested 10,000 deep in an output read as nothing in lax mode")
    func deeplyNestedBracketsLax() throws {
        let source = "{{ " + repeated("a[", 10_000) + "0" + repeated("]", 10_000) + " }}"
        #expect(try render(source, mode: .lax) == "")
    }

    @Test("Brackets nested 10,000 deep in an if condition read as nothing in lax mode")
    func deeplyNestedBracketsInCondition() throws {
        let source = "{% if " + repeated("a[", 10_000) + "0" + repeated("]", 10_000) + " %}x{% endif %}"
        #expect(try render(source, mode: .lax) == "")
    }

    @Test("A lookup of 50,000 dots renders nothing")
    func longDottedLookup() throws {
        #expect(try render("{{ " + repeated("a.", 50_000) + "b }}") == "")
    }

    @Test("liquid tags nested 100,000 deep in one another fail with Nesting too deep")
    func deeplyNestedLiquidTags() {
        let source = "{% liquid " + repeated("liquid ", 100_000) + "echo 1 %}"
        #expect(parseError(source)?.message == "Nesting too deep")
    }

    @Test("liquid tags nested 50 deep work like one")
    func nestedLiquidTags() throws {
        #expect(try render("{% liquid " + repeated("liquid ", 50) + "echo 1 %}") == "1")
    }

    // MARK: Runaway loops

    @Test("A for loop over (1..1000000000) stops at the loop limit with its error")
    func hugeRangeLoop() throws {
        let limits = Limits(loopIterations: 1000)
        #expect(try render("{% for i in (1..1000000000) %}{{ i }}{% endfor %}", limits: limits)
                == "Liquid error: Loop limit exceeded: more than 1000 loop iterations in one render")
    }

    @Test("A for loop over (1..1000000000) stops at the default limit")
    func hugeRangeLoopDefaultLimits() throws {
        #expect(try render("{% for i in (1..1000000000) %}{% endfor %}")
                == "Liquid error: Loop limit exceeded: more than 10000000 loop iterations in one render")
    }

    @Test("The loop limit counts the iterations of nested loops together")
    func nestedLoopsShareLimit() throws {
        let limits = Limits(loopIterations: 10_000)
        let template = "{% for a in (1..1000) %}{% for b in (1..1000) %}{% endfor %}{% endfor %}"
        #expect(try render(template, limits: limits) == "Liquid error: Loop limit exceeded: more than 10000 loop iterations in one render")
    }

    @Test("A tablerow over (1..1000000000) stops at the loop limit")
    func hugeRangeTablerow() throws {
        let limits = Limits(loopIterations: 1000)
        #expect(try render("{% tablerow i in (1..1000000000) %}{% endtablerow %}", limits: limits)
            == "Liquid error: Loop limit exceeded: more than 1000 loop iterations in one render")
    }

    @Test("The loop limit stops the render with a memory error when errors are not written")
    func loopLimitThrown() {
        let error = liquidError("{% for i in (1..1000000000) %}{% endfor %}", limits: Limits(loopIterations: 1000))
        #expect(error?.kind == .memory)
    }

    @Test("A range made into items by a filter counts against the loop limit: (1..100000000) | join stops instead of filling memory")
    func hugeRangeJoin() throws {
        #expect(try render("{{ (1..100000000) | join: \",\" }}")
                == "Liquid error: Loop limit exceeded: more than 10000000 loop iterations in one render")
    }

    @Test("Every array filter that makes a range into items stops at the loop limit")
    func hugeRangeArrayFilters() throws {
        let limits = Limits(loopIterations: 1000)
        for filter in ["join", "reverse", "map: 'x'", "compact", "uniq", "sort", "sort_natural", "where: 'x'",
                       "reject: 'x'", "has: 'x'", "find: 'x'", "find_index: 'x'", "sum", "concat: empty_array"] {
            #expect(try render("{{ (1..1001) | \(filter) }}", ["empty_array": .array([])], limits: limits)
                    == "Liquid error: Loop limit exceeded: more than 1000 loop iterations in one render", "\(filter)")
        }
        #expect(try render("{{ (1..1000) | join: '' | size }}", limits: limits) == "2893")
    }

    @Test("A range from Int.min to Int.max given to join stops at the loop limit instead of trapping")
    func wholeIntRangeJoin() throws {
        #expect(try render("{{ (-9223372036854775808..9223372036854775807) | join }}")
                == "Liquid error: Loop limit exceeded: more than 10000000 loop iterations in one render")
    }

    @Test("render … for over a huge range stops at the loop limit instead of making every number first")
    func hugeRangeRenderFor() throws {
        let limits = Limits(loopIterations: 1000)
        #expect(try render("{% render 'a' for (1..100000000) as i %}", files: ["a": "{{ i }}"], limits: limits)
                == "Liquid error: Loop limit exceeded: more than 1000 loop iterations in one render")
        #expect(try render("{% render 'a' for (1..3) as i %}", files: ["a": "{{ i }}"], limits: limits) == "123")
    }

    @Test("size, first and last of a huge range make no items and count no iterations")
    func hugeRangeSizeFirstLast() throws {
        let limits = Limits(loopIterations: 10)
        #expect(try render("{{ (1..100000000) | size }} {{ (1..100000000) | first }} {{ (1..100000000) | last }}",
                           limits: limits) == "100000000 1 100000000")
    }

    // MARK: Runaway output

    @Test("A capture doubling in a loop stops with Memory limits exceeded")
    func doublingCapture() throws {
        let template = "{% assign s = 'ab' %}{% for i in (1..64) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s }}"
        #expect(try render(template, limits: Limits(assignScore: 1 << 20)) == "Liquid error: Memory limits exceeded")
    }

    @Test("A capture doubling in a loop stops with Memory limits exceeded under the default limits")
    func doublingCaptureDefaultLimits() throws {
        let template = "{% assign s = 'ab' %}{% for i in (1..64) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s }}"
        #expect(try render(template) == "Liquid error: Memory limits exceeded")
    }

    @Test("Output growing past the output limit stops with Memory limits exceeded")
    func outputLimit() throws {
        let template = "{% for i in (1..100000) %}xxxxxxxxxx{% endfor %}"
        #expect(try render(template, limits: Limits(outputLength: 10_000)) == "Liquid error: Memory limits exceeded")
    }

    @Test("A memory limit stops the render with a memory error when errors are not written")
    func memoryLimitThrown() {
        let error = liquidError("{% for i in (1..100000) %}xxxxxxxxxx{% endfor %}", limits: Limits(outputLength: 10_000))
        #expect(error?.kind == .memory)
        #expect(error?.message == "Memory limits exceeded")
    }

    // MARK: Runaway partials

    @Test("A partial that includes itself stops with Nesting too deep")
    func selfInclude() throws {
        #expect(try render("{% include 'a' %}", files: ["a": "{% include 'a' %}"]) == "Liquid error: Nesting too deep")
    }

    @Test("Two partials that include each other stop with Nesting too deep")
    func mutualInclude() throws {
        let files = ["a": "{% include 'b' %}", "b": "{% include 'a' %}"]
        #expect(try render("{% include 'a' %}", files: files) == "Liquid error: Nesting too deep")
    }

    @Test("A partial that includes itself twice stops at the first branch to reach the limit when errors are not written")
    func branchingInclude() {
        // Written inline, each of the 2^99 deepest includes would write its error, as in liquid-ruby;
        // thrown, the first one ends the render.
        let files = ["a": "{% include 'a' %}{% include 'a' %}"]
        let error = liquidError("{% include 'a' %}", files: files)
        #expect(error?.message == "Nesting too deep")
    }

    @Test("An include loop stops the render with Nesting too deep when errors are not written")
    func selfIncludeThrown() {
        let error = liquidError("{% include 'a' %}", files: ["a": "{% include 'a' %}"])
        #expect(error?.kind == .stackLevel)
        #expect(error?.message == "Nesting too deep")
    }

    // MARK: Large templates

    @Test("A template of 1 MB of text renders as it is")
    func megabyteOfText() throws {
        let text = repeated("lorem ipsum dolor sit amet\n", 40_000)
        #expect(try render(text) == text)
    }

    @Test("A template of 1 MB of outputs, one a line, renders")
    func megabyteOfOutputs() throws {
        let output = try render(repeated("{{ x }}\n", 130_000), ["x": "y"])
        #expect(output == repeated("y\n", 130_000))
    }

    @Test("A template of 1 MB of outputs on one line renders")
    func longLineOfOutputs() throws {
        #expect(try render(repeated("{{ x }}", 150_000), ["x": "y"]) == repeated("y", 150_000))
    }

    // MARK: Integers at Int's bounds (found with the Liquid fuzzing harness)

    @Test("A for loop whose offset plus limit passes Int.max goes over nothing instead of trapping")
    func forOffsetAndLimitPastIntMax() throws {
        let source = "{% for i in (1..10) offset:9223372036854775807 limit:9223372036854775807 %}{{ i }}{% else %}none{% endfor %}"
        #expect(try render(source) == "none")
    }

    @Test("A for loop whose offset plus limit passes Int.min goes over nothing instead of trapping")
    func forOffsetAndLimitPastIntMin() throws {
        let source = "{% for i in (1..10) offset:-9223372036854775808 limit:-9223372036854775808 %}{{ i }}{% endfor %}"
        #expect(try render(source) == "")
    }

    @Test("A for loop over a range from Int.min to Int.max takes its limit's first numbers")
    func forOverTheWholeIntRange() throws {
        let source = "{% for i in (-9223372036854775808..9223372036854775807) limit:2 %}{{ i }} {% endfor %}"
        #expect(try render(source) == "-9223372036854775808 -9223372036854775807 ")
    }

    @Test("A reversed for loop over a range ending at Int.max counts down from Int.max")
    func reversedForEndingAtIntMax() throws {
        let source = "{% for i in (9223372036854775806..9223372036854775807) reversed %}{{ i }} {% endfor %}"
        #expect(try render(source) == "9223372036854775807 9223372036854775806 ")
    }

    @Test("A tablerow whose offset plus limit passes Int.max is an empty row instead of a trap")
    func tablerowOffsetAndLimitPastIntMax() throws {
        let source = "{% tablerow i in (1..3) offset:9223372036854775807 limit:9223372036854775807 %}{{ i }}{% endtablerow %}"
        #expect(try render(source) == "<tr class=\"row1\">\n</tr>\n")
    }

    @Test("A range literal whose end is past Int (read as a float) saturates at Int.max instead of trapping")
    func rangeLiteralPastInt() throws {
        #expect(try render("{{ (1..92233720654783775807) | size }}") == "9223372036854775807")
        #expect(try render("{{ (-92233720654783775807..1) | first }}") == "-9223372036854775808")
        #expect(try render("{{ (1.9..3.2) | size }}") == "3")
    }

    @Test("A tablerow offset past Int, read as a float, saturates instead of trapping")
    func tablerowFloatOffsetPastInt() throws {
        let source = "{% tablerow i in (1..3) offset:92233720654783775807 %}{{ i }}{% endtablerow %}"
        #expect(try render(source) == "<tr class=\"row1\">\n</tr>\n")
    }

    @Test("The size of a range wider than Int is Int.max instead of a trap")
    func sizeOfTheWholeIntRange() throws {
        #expect(try render("{{ (-9223372036854775808..9223372036854775807) | size }}") == "9223372036854775807")
        #expect(try render("{{ (-5..5) | size }}") == "11")
    }
}
