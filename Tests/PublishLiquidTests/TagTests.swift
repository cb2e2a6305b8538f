import Testing
@testable import PublishLiquid

@Suite("Tags: assign, capture, raw, comments, doc, liquid, echo and ifchanged")
struct TagTests {
    // MARK: assign

    @Test("assign sets a variable for the rest of the template")
    func assign() throws {
        #expect(try render("{% assign x = 'hi' %}{{ x }}") == "hi")
    }

    @Test("assign writes nothing in its place")
    func assignWritesNothing() throws {
        #expect(try render("a{% assign x = 1 %}b") == "ab")
    }

    @Test("assign copies the value of another variable")
    func assignFromVariable() throws {
        #expect(try render("{% assign y = user.name %}{{ y }}", ["user": .hash(["name": "Ann"])]) == "Ann")
    }

    @Test("assign hides a given variable of the same name")
    func assignHidesGivenVariable() throws {
        #expect(try render("{{ x }}{% assign x = 2 %}{{ x }}", ["x": 1]) == "12")
    }

    @Test("An assigned range can be looped over")
    func assignRange() throws {
        #expect(try render("{% assign r = (1..3) %}{% for i in r %}{{ i }}{% endfor %}") == "123")
    }

    @Test("An assign inside a block sets the variable for the whole template")
    func assignInsideBlock() throws {
        #expect(try render("{% if true %}{% assign x = 'in' %}{% endif %}{{ x }}") == "in")
    }

    @Test("assign without = is a syntax error")
    func assignWithoutEquals() {
        #expect(parseError("{% assign x %}")?.message == "Syntax Error in 'assign' - Valid syntax: assign [var] = [source]")
    }

    // MARK: capture

    @Test("capture stores what its body renders")
    func capture() throws {
        #expect(try render("{% capture x %}a{{ 1 }}b{% endcapture %}[{{ x }}]") == "[a1b]")
    }

    @Test("capture writes nothing in its place")
    func captureWritesNothing() throws {
        #expect(try render("a{% capture x %}zzz{% endcapture %}b") == "ab")
    }

    @Test("capture inside a loop sets the variable for the whole template, the last capture winning")
    func captureInLoop() throws {
        #expect(try render("{% for i in (1..3) %}{% capture c %}<{{ i }}>{% endcapture %}{% endfor %}{{ c }}") == "<3>")
    }

    @Test("capture can read the variable it replaces")
    func captureReadsOldValue() throws {
        #expect(try render("{% assign s = 'a' %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{{ s }}") == "aa")
    }

    @Test("capture without a name is a syntax error")
    func captureWithoutName() {
        #expect(parseError("{% capture %}x{% endcapture %}")?.message == "Syntax Error in 'capture' - Valid syntax: capture [var]")
    }

    // MARK: raw

    @Test("raw writes its body as text, Liquid and all")
    func raw() throws {
        #expect(try render("{% raw %}{{ x }}{% if %}{% endraw %}") == "{{ x }}{% if %}")
    }

    @Test("raw keeps the whitespace inside it, while its dashes trim the text outside")
    func rawWhitespace() throws {
        #expect(try render("[ {%- raw -%} a {%- endraw -%} ]") == "[ a ]")
    }

    @Test("raw with markup is a syntax error")
    func rawWithMarkup() {
        #expect(parseError("{% raw x %}{% endraw %}")?.message == "Syntax Error in 'raw' - Valid syntax: raw")
    }

    @Test("An unclosed raw is a syntax error")
    func rawNeverClosed() {
        #expect(parseError("{% raw %}abc")?.message == "'raw' tag was never closed")
    }

    // MARK: comment

    @Test("comment writes nothing of its body")
    func comment() throws {
        #expect(try render("a{% comment %}hidden {{ x }}{% endcomment %}b") == "ab")
    }

    @Test("Comments nest: an inner endcomment does not end the outer comment")
    func nestedComment() throws {
        #expect(try render("{% comment %}a{% comment %}b{% endcomment %}c{% endcomment %}d") == "d")
    }

    @Test("Tags inside a comment are not parsed, valid or not")
    func commentWithInvalidTags() throws {
        #expect(try render("{% comment %}{% if %}{% endfor %}{% nosuchtag %}{% endcomment %}ok") == "ok")
    }

    @Test("An endcomment inside raw inside a comment does not end the comment")
    func commentWithRaw() throws {
        #expect(try render("{% comment %}{% raw %}{% endcomment %}{% endraw %}x{% endcomment %}ok") == "ok")
    }

    @Test("An unclosed comment is a syntax error")
    func commentNeverClosed() {
        #expect(parseError("{% comment %}abc")?.message == "'comment' tag was never closed")
    }

    // MARK: doc

    @Test("doc writes nothing of its body")
    func doc() throws {
        #expect(try render("a{% doc %}@param {string} x - {{ x }}{% enddoc %}b") == "ab")
    }

    @Test("A doc inside a doc is a syntax error")
    func nestedDoc() {
        #expect(parseError("{% doc %}{% doc %}{% enddoc %}{% enddoc %}")?.message == "Syntax Error in 'doc' - Nested doc tags are not allowed")
    }

    @Test("doc with markup is a syntax error")
    func docWithMarkup() {
        #expect(parseError("{% doc x %}{% enddoc %}")?.message == "Syntax Error in 'doc' - Valid syntax: {% doc %}{% enddoc %}")
    }

    @Test("An unclosed doc is a syntax error")
    func docNeverClosed() {
        #expect(parseError("{% doc %}abc")?.message == "'doc' tag was never closed")
    }

    // MARK: Inline comments

    @Test("An inline # comment writes nothing")
    func inlineComment() throws {
        #expect(try render("a{% # a note %}b") == "ab")
    }

    @Test("An inline comment needs no space after #")
    func inlineCommentWithoutSpace() throws {
        #expect(try render("a{%#note%}b") == "ab")
    }

    @Test("An inline comment may run over lines that each start with #")
    func multilineInlineComment() throws {
        #expect(try render("a{%- # one\n  # two\n\n  # three\n-%}b") == "ab")
    }

    @Test("A line of an inline comment that does not start with # is a syntax error")
    func inlineCommentLineWithoutHash() {
        #expect(parseError("{% # one\n two %}")?.message
            == "Syntax error in tag '#' - Each line of comments must be prefixed by the '#' character")
    }

    // MARK: liquid

    @Test("The liquid tag reads one tag a line")
    func liquidTag() throws {
        let template = """
        {% liquid
          assign x = 5
          if x > 3
            echo 'big'
          else
            echo 'small'
          endif
        %}
        """
        #expect(try render(template) == "big")
    }

    @Test("The liquid tag holds loops")
    func liquidTagLoop() throws {
        #expect(try render("{% liquid\nfor i in (1..3)\n  echo i\nendfor\n%}") == "123")
    }

    @Test("The liquid tag holds capture, and # comment lines")
    func liquidTagCapture() throws {
        #expect(try render("{% liquid\n# a note\ncapture x\necho 'a'\nendcapture\n%}[{{ x }}]") == "[a]")
    }

    @Test("The liquid tag ignores blank lines")
    func liquidTagBlankLines() throws {
        #expect(try render("{% liquid\n\n  echo 1\n\n\n  echo 2\n%}") == "12")
    }

    @Test("An unknown tag in the liquid tag is a syntax error")
    func liquidTagUnknownTag() {
        #expect(parseError("{% liquid foo %}")?.message == "Unknown tag 'foo'")
    }

    @Test("An end tag with no block in the liquid tag names the liquid tag's delimiter")
    func liquidTagStrayEnd() {
        #expect(parseError("{% liquid endif %}")?.message == "'endif' is not a valid delimiter for liquid tags. use %}")
    }

    @Test("A block left open at the end of the liquid tag is never closed")
    func liquidTagUnclosedBlock() {
        #expect(parseError("{% liquid if true\n echo 1 %}")?.message == "'if' tag was never closed")
    }

    // MARK: echo

    @Test("echo writes its value")
    func echo() throws {
        #expect(try render("{% echo 'hi' %} {% echo x %}", ["x": 3]) == "hi 3")
    }

    @Test("echo with no value writes nothing")
    func emptyEcho() throws {
        #expect(try render("[{% echo %}]") == "[]")
    }

    // MARK: ifchanged

    @Test("ifchanged writes its body only when it differs from the last time")
    func ifchanged() throws {
        let template = "{% for i in items %}{% ifchanged %}{{ i }}{% endifchanged %}{% endfor %}"
        #expect(try render(template, ["items": [1, 1, 2, 2, 1]]) == "121")
    }

    // MARK: Blank blocks

    @Test("A block that writes nothing drops the whitespace between its tags")
    func blankBlockDropsWhitespace() throws {
        #expect(try render("a\n{% if true %}\n  {% assign x = 1 %}\n{% endif %}\nb") == "a\n\nb")
    }

    @Test("A loop whose body is only whitespace writes nothing")
    func blankLoop() throws {
        #expect(try render("[{% for i in (1..3) %}  \n {% endfor %}]") == "[]")
    }

    @Test("A block that writes something keeps its whitespace")
    func nonBlankBlockKeepsWhitespace() throws {
        #expect(try render("{% if true %} x {% endif %}") == " x ")
    }

    @Test("raw ends at its endraw even inside an output never closed")
    func rawWithOpenOutput() throws {
        #expect(try render("{% raw %}{{ x {% endraw %}!") == "{{ x !")
    }
}
