import Testing
@testable import PublishLiquid

/// liquid-ruby's standard filters, through the engine: what each writes,
/// and the errors it raises with liquid-ruby's messages.
@Suite("Filters: liquid-ruby's standard filters on strings, HTML and URLs, arrays and numbers")
struct FilterTests {
    private func renderError(_ source: String, _ variables: [String: Value] = [:]) -> String? {
        liquidError(source, variables)?.message
    }

    // MARK: Strings

    @Test("`upcase`, `downcase` and `capitalize` change case as Ruby does, beyond ASCII too")
    func caseChanges() throws {
        #expect(try render("{{ 'aBc' | upcase }} {{ 'ÉCOLE' | downcase }} {{ 'straße' | upcase }}") == "ABC école STRASSE")
        #expect(try render("{{ 'hELLO wORLD' | capitalize }} {{ 'ǆemal' | capitalize }} {{ '' | capitalize }}") == "Hello world ǅemal ")
        #expect(try render("{{ nil | upcase }}{{ 12 | upcase }}") == "12")
    }

    @Test("`strip`, `lstrip` and `rstrip` remove Ruby's whitespace at the ends only")
    func stripping() throws {
        let variables: [String: Value] = ["text": " \t\n a b \r\n"]
        #expect(try render("[{{ text | strip }}][{{ text | lstrip }}][{{ text | rstrip }}]", variables)
            == "[a b][a b \r\n][ \t\n a b]")
    }

    @Test("`squish` collapses runs of whitespace and `strip_newlines` removes line breaks")
    func squishAndNewlines() throws {
        #expect(try render("[{{ text | squish }}]", ["text": "  a \n\t b  c "]) == "[a b c]")
        #expect(try render("[{{ nil | squish }}]") == "[]")
        #expect(try render("[{{ text | strip_newlines }}]", ["text": "a\r\nb\nc\rd"]) == "[abc\rd]")
    }

    @Test("`append` and `prepend` write any value as its text")
    func appendAndPrepend() throws {
        #expect(try render("{{ 'a' | append: 1.0 | prepend: nil | prepend: 2 }}") == "2a1.0")
    }

    @Test("`split` on a single space splits on runs of whitespace and ignores leading blanks")
    func splitOnSpace() throws {
        #expect(try render("{{ text | split: ' ' | join: '|' }}", ["text": "  a \t b\n\nc  "]) == "a|b|c")
    }

    @Test("`split` on other text keeps empty fields inside but drops them at the end")
    func splitOnText() throws {
        #expect(try render("{{ ',a,,b,,' | split: ',' | join: '|' }}") == "|a||b")
        #expect(try render("{{ 'héllo' | split: '' | join: '|' }}") == "h|é|l|l|o")
        #expect(try render("{{ '' | split: ',' | size }}{{ ',,' | split: ',' | size }}") == "00")
    }

    @Test("`slice` counts characters, takes negative offsets from the end and slices arrays")
    func slicing() throws {
        #expect(try render("{{ 'héllo' | slice: 1 }} {{ 'héllo' | slice: 1, 3 }} {{ 'héllo' | slice: -3, 2 }}") == "é éll ll")
        #expect(try render("[{{ 'abc' | slice: 3 }}][{{ 'abc' | slice: 4 }}][{{ 'abc' | slice: 0, -1 }}]") == "[][][]")
        #expect(try render("{{ list | slice: -2, 5 | join: ',' }}", ["list": [1, 2, 3]]) == "2,3")
        #expect(try render("{{ 'abc' | slice: '1', nil }}") == "b")
    }

    @Test("`truncate` keeps the ellipsis within the length")
    func truncating() throws {
        #expect(try render("{{ 'Ground control' | truncate: 8 }}") == "Groun...")
        #expect(try render("{{ 'Ground control' | truncate: 8, '' }} {{ 'Ground' | truncate: 6 }}") == "Ground c Ground")
        #expect(try render("{{ 'Ground control' | truncate: 2 }}") == "...")
        #expect(try render("{{ 'ééééé' | truncate: 4, 'é' }}") == "éééé")
    }

    @Test("`truncatewords` keeps the first words, and blanks after the last counted word count as more")
    func truncatingWords() throws {
        #expect(try render("{{ 'one two three' | truncatewords: 2 }}") == "one two...")
        #expect(try render("{{ ' one  two ' | truncatewords: 2, '!' }}") == "one two!")
        #expect(try render("{{ 'one two' | truncatewords: 2 }}|{{ 'one two' | truncatewords: 0 }}") == "one two|one...")
    }

    @Test("`truncate` and `truncatewords` answer nil for nil before reading their arguments")
    func truncatingNil() throws {
        #expect(try render("[{{ nil | truncate: nil }}{{ nil | truncatewords: 'x' }}]") == "[]")
    }

    @Test("A whole-number argument must read as Ruby's Integer()")
    func integerArguments() throws {
        #expect(try render("{{ 'abcdefghij' | truncate: ' 0x8 ' }}") == "abcde...")
        #expect(try render("{{ 'abcdefghij' | slice: '0b1_0', '010' }}") == "cdefghij")
        #expect(try render("{{ 'abcdefghijklmnop' | slice: '1_0', '010' }}") == "klmnop")
        #expect(renderError("{{ 'abc' | truncate: 1.0 }}") == "invalid integer")
        #expect(renderError("{{ 'abc' | slice: '08' }}") == "invalid integer")
        #expect(renderError("{{ 'abc' | truncatewords: nil }}") == "invalid integer")
    }

    @Test("`replace` reads backslash sequences in the replacement as Ruby's gsub does")
    func replacementSequences() throws {
        #expect(try render(#"{{ 'a-b' | replace: '-', '[\0\&]' }}"#) == "a[--]b")
        #expect(try render(#"{{ 'a-b' | replace: '-', "<\`|\'>" }}"#) == "a<a|b>b")
        #expect(try render(#"{{ 'a-b' | replace: '-', '\1\\\q' }}"#) == #"a\\qb"#)
    }

    @Test("`replace_first`, `replace_last` and the `remove` filters change only the occurrences they name")
    func replacingOccurrences() throws {
        #expect(try render("{{ 'aXbXc' | replace: 'X', '_' }} {{ 'aXbXc' | replace_first: 'X', '_' }} {{ 'aXbXc' | replace_last: 'X', '_' }}")
            == "a_b_c a_bXc aXb_c")
        #expect(try render("{{ 'aXbXc' | remove: 'X' }} {{ 'aXbXc' | remove_first: 'X' }} {{ 'aXbXc' | remove_last: 'X' }}")
            == "abc abXc aXbc")
        #expect(try render(#"{{ 'a-b' | replace_last: '-', '\0' }}"#) == #"a\0b"#)
    }

    @Test("An empty pattern matches between every character, and at the end for `replace_last`")
    func emptyPattern() throws {
        #expect(try render("{{ 'aé' | replace: '', '-' }} {{ 'ab' | replace_first: '', '-' }} {{ 'ab' | replace_last: '', '-' }}")
            == "-a-é- -ab ab-")
    }

    // MARK: Encoding

    @Test("`escape` writes the five HTML characters as entities and leaves nil as nil")
    func escaping() throws {
        #expect(try render(#"{{ text | escape }}|{{ nil | escape }}|{{ text | h }}"#, ["text": #"<a href="x">'&'</a>"#])
            == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;||&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test("`escape_once` leaves named and decimal entities as they are")
    func escapingOnce() throws {
        #expect(try render("{{ text | escape_once }}", ["text": "&amp; &#39; &#x27; & &foo <"])
            == "&amp; &#39; &amp;#x27; &amp; &amp;foo &lt;")
    }

    @Test("`url_encode` writes a space as a plus and other bytes as upper-case percent escapes")
    func urlEncoding() throws {
        #expect(try render("{{ text | url_encode }}", ["text": "a b&c/é~_.-*"]) == "a+b%26c%2F%C3%A9~_.-%2A")
        #expect(try render("[{{ nil | url_encode }}]") == "[]")
    }

    @Test("`url_decode` reads plus signs and percent escapes, and refuses bytes that are not UTF-8")
    func urlDecoding() throws {
        #expect(try render("{{ 'a+b%26c%2f%C3%A9%zz%4' | url_decode }}") == "a b&c/é%zz%4")
        #expect(renderError("{{ '%FF' | url_decode }}") == "invalid byte sequence in UTF-8")
    }

    @Test("Base64 filters round-trip text; the URL-safe ones use - and _ and accept missing padding")
    func base64() throws {
        #expect(try render("{{ 'one two?>' | base64_encode }} {{ 'one two?>' | base64_url_safe_encode }}")
            == "b25lIHR3bz8+ b25lIHR3bz8-")
        #expect(try render("{{ 'b25lIHR3bz8+' | base64_decode }} {{ 'b25lIHR3bz8-' | base64_url_safe_decode }}")
            == "one two?> one two?>")
        #expect(try render("{{ 'YQ' | base64_url_safe_decode }}{{ 'YQ==' | base64_decode }}") == "aa")
    }

    @Test("`base64_decode` refuses text that is not strict base64")
    func base64Errors() throws {
        #expect(renderError("{{ 'YQ' | base64_decode }}") == "invalid base64 provided to base64_decode")
        #expect(renderError("{{ 'YR==' | base64_decode }}") == "invalid base64 provided to base64_decode")
        #expect(renderError("{{ 'Y===' | base64_url_safe_decode }}") == "invalid base64 provided to base64_url_safe_decode")
    }

    @Test("`strip_html` removes scripts, styles and comments with their content, then every tag")
    func strippingHTML() throws {
        let html = "<p>a<script>x</script>b<!-- c -->d<style a>e</style>f<br/></p> <x"
        #expect(try render("{{ html | strip_html }}", ["html": .string(html)]) == "abdf <x")
        #expect(try render("{{ html | strip_html }}", ["html": "<<script>x</script>b>c"]) == "c")
    }

    @Test("`newline_to_br` puts a br tag before each line break, taking a carriage return with it")
    func newlinesToBreaks() throws {
        #expect(try render("{{ text | newline_to_br }}", ["text": "a\r\nb\nc\r"]) == "a<br />\nb<br />\nc\r")
    }

    // MARK: Arrays

    @Test("Array filters flatten nested arrays, take a hash as one item and nil as none")
    func inputItems() throws {
        #expect(try render("{{ list | join: ',' }}", ["list": [1, [2, [3]], "x"]]) == "1,2,3,x")
        #expect(try render("{{ hash | map: 'a' | join }}", ["hash": .hash(["a": 1])]) == "1")
        #expect(try render("{{ nil | reverse | size }} {{ 5 | reverse }} {{ (1..3) | reverse | join: ',' }}") == "0 5 3,2,1")
    }

    @Test("`join` writes each item as liquid-ruby's to_s does")
    func joining() throws {
        #expect(try render("{{ list | join }}", ["list": [1.5, nil, true, .hash(["a": "b"])]]) == #"1.5  true {"a"=>"b"}"#)
    }

    @Test("`first` and `last` take a string's characters and a range's ends")
    func firstAndLast() throws {
        #expect(try render("{{ 'héllo' | first }}{{ 'héllo' | last }} {{ list | first }}{{ list | last }} {{ (3..5) | first }}{{ (3..5) | last }}",
                           ["list": [1, 2, 3]]) == "ho 13 35")
        #expect(try render("[{{ '' | first }}{{ 5 | last }}{{ hash | first | join: '=' }}{{ hash | last }}]", ["hash": .hash(["k": "v"])]) == "[k=v]")
    }

    @Test("`size` counts characters, items and pairs, and is 8 for an integer")
    func sizes() throws {
        #expect(try render("{{ 'héllo' | size }} {{ list | size }} {{ hash | size }} {{ 7 | size }} {{ 1.5 | size }} {{ nil | size }} {{ (2..4) | size }}",
                           ["list": [1, [2, 3]], "hash": .hash(["a": 1, "b": 2])]) == "5 2 2 8 0 0 3")
    }

    @Test("`sort` orders numbers and strings by Ruby's <=> and puts nil last")
    func sorting() throws {
        #expect(try render("{{ list | sort | join: ',' }}", ["list": [3, nil, 1.5, 2]]) == "1.5,2,3,")
        #expect(try render("{{ list | sort | join: ',' }}", ["list": ["b", "B", "a"]]) == "B,a,b")
        #expect(renderError("{{ list | sort }}", ["list": [1, "a"]]) == "cannot sort values of incompatible types")
    }

    @Test("`sort` by a property keeps items with equal keys in their order")
    func sortingByProperty() throws {
        let list: Value = [.hash(["n": 2, "id": "a"]), .hash(["id": "b"]), .hash(["n": 1, "id": "c"]), .hash(["n": 2, "id": "d"])]
        #expect(try render("{{ list | sort: 'n' | map: 'id' | join: '' }}", ["list": list]) == "cadb")
        #expect(try render("{{ list | sort_natural: 'n' | map: 'id' | join: '' }}", ["list": list]) == "cadb")
    }

    @Test("`sort` by a property answers nil when an item has no [], but one item is never compared")
    func sortingItemsWithoutProperties() throws {
        #expect(try render("[{{ list | sort: 'n' }}]", ["list": [1.5, .hash([:])]]) == "[]")
        #expect(try render("[{{ list | sort: 'n' }}]", ["list": [5]]) == "[5]")
        #expect(renderError("{{ list | sort: 'n' }}", ["list": [5, 6]]) == "cannot select the property 'n'")
    }

    @Test("`sort_natural` folds ASCII case only and puts nil last")
    func sortingNaturally() throws {
        #expect(try render("{{ list | sort_natural | join: ',' }}", ["list": ["b", nil, "B", "a", "Ä", 10, 9]]) == "10,9,a,b,B,Ä,")
    }

    @Test("`where` keeps items whose property equals the target, or is truthy when there is none")
    func whereFilter() throws {
        let list: Value = [.hash(["ok": true, "n": 1]), .hash(["ok": false, "n": 2]), .hash(["n": 1.0])]
        #expect(try render("{{ list | where: 'ok' | map: 'n' | join: ',' }}", ["list": list]) == "1")
        #expect(try render("{{ list | where: 'n', 1 | map: 'n' | join: ',' }}", ["list": list]) == "1,1.0")
        #expect(try render("{{ list | where: 'ok', nil | size }}", ["list": list]) == "1")
        #expect(try render("{{ words | where: 'be' | join: ',' }}", ["words": ["alpha", "beta"]]) == "beta")
    }

    @Test("`reject`, `has`, `find` and `find_index` match items as `where` does")
    func matchingFilters() throws {
        let list: Value = [.hash(["n": 1]), .hash(["n": 2]), .hash(["n": 2, "last": true])]
        let variables: [String: Value] = ["list": list]
        #expect(try render("{{ list | reject: 'n', 2 | map: 'n' | join }}", variables) == "1")
        #expect(try render("{{ list | has: 'n', 2 }} {{ list | has: 'n', 3 }} {{ missing | has: 'n' }}", variables) == "true false false")
        #expect(try render("{{ list | find: 'n', 2 | map: 'last' }}|{{ list | find_index: 'last' }}|{{ list | find_index: 'n', 9 }}", variables)
            == "|2|")
    }

    @Test("The matching filters answer nil when they reach an item without []")
    func matchingItemsWithoutProperties() throws {
        let variables: [String: Value] = ["list": [.hash(["n": 1]), 1.5]]
        #expect(try render("[{{ list | where: 'n' }}][{{ list | has: 'n', 1 }}][{{ list | find_index: 'n', 2 }}]", variables)
            == "[][true][]")
    }

    @Test("Selecting a property of an integer is an error with liquid-ruby's message")
    func propertyOfInteger() throws {
        #expect(renderError("{{ list | map: 'n' }}", ["list": [1]]) == "cannot select the property 'n'")
        #expect(renderError("{{ list | where: 'n' }}", ["list": [1]]) == "cannot select the property 'n'")
        #expect(renderError("{{ list | sum: 'n' }}", ["list": [1, 2]]) == "cannot select the property 'n'")
    }

    @Test("`uniq` tells integers from floats, and can compare items by a property")
    func unique() throws {
        #expect(try render("{{ list | uniq | join: ',' }}", ["list": [1, 1.0, 1, "1", nil, nil]]) == "1,1.0,1,")
        let list: Value = [.hash(["k": 1, "id": "a"]), .hash(["k": 1, "id": "b"]), .hash(["id": "c"])]
        #expect(try render("{{ list | uniq: 'k' | map: 'id' | join: '' }}", ["list": list]) == "ac")
        #expect(try render("[{{ list | uniq: 'k' }}]", ["list": [1.5, 2.5]]) == "[]")
    }

    @Test("`compact` removes nil items, or items whose property is nil")
    func compacting() throws {
        #expect(try render("{{ list | compact | join: ',' }}", ["list": [1, nil, false, nil]]) == "1,false")
        let list: Value = [.hash(["k": 1]), .hash(["k": nil]), .hash([:])]
        #expect(try render("{{ list | compact: 'k' | size }}", ["list": list]) == "1")
    }

    @Test("`map` takes a property of each item, and nil for items without []")
    func mapping() throws {
        let list: Value = [.hash(["a": 1]), .hash(["b": 2]), 1.5, "xay"]
        #expect(try render("{{ list | map: 'a' | join: ',' }}", ["list": list]) == "1,,,a")
    }

    @Test("`concat` adds the items of an array argument and refuses anything else")
    func concatenating() throws {
        #expect(try render("{{ list | concat: more | join: ',' }}", ["list": [1, [2]], "more": [3, [4]]]) == "1,2,3,4")
        #expect(try render("{{ nil | concat: more | join: ',' }}", ["more": [3]]) == "3")
        #expect(renderError("{{ list | concat: 'x' }}", ["list": [1]]) == "concat filter requires an array argument")
    }

    @Test("`sum` adds numbers, numeric text and properties, exactly for decimals")
    func summing() throws {
        #expect(try render("{{ list | sum }}", ["list": [1, "2", [3]]]) == "6")
        #expect(try render("{{ list | sum }}", ["list": [0.1, 0.2, "x"]]) == "0.3")
        #expect(try render("{{ list | sum: 'n' }} {{ missing | sum }}", ["list": [.hash(["n": 1]), .hash(["n": "1.5"]), .hash([:])]])
            == "2.5 0")
    }

    @Test("`default` replaces nil, false and empty values, and `allow_false` keeps false")
    func defaults() throws {
        #expect(try render("{{ nil | default: 'x' }} {{ false | default: 'x' }} {{ '' | default: 'x' }} {{ list | default: 'x' }} {{ 0 | default: 'x' }}",
                           ["list": []]) == "x x x x 0")
        #expect(try render("{{ false | default: 'x', allow_false: true }} {{ nil | default: 'x', allow_false: true }}") == "false x")
        #expect(try render("[{{ nil | default }}]") == "[]")
    }

    // MARK: Math

    @Test("`plus`, `minus` and `times` keep integers whole and work floats out exactly in decimal")
    func arithmetic() throws {
        #expect(try render("{{ 1 | plus: 2 }} {{ 0.1 | plus: 0.2 }} {{ 3 | times: 1.1 }} {{ 1 | minus: 0.9 }} {{ 2 | times: 1.0 }}")
            == "3 0.3 3.3 0.1 2.0")
        #expect(try render("{{ '1.5' | plus: ' 2 ' }} {{ '1e3' | plus: 0 }} {{ 'abc' | plus: true }}") == "3.5 1 0")
    }

    @Test("`divided_by` floors integer division, and a float on either side gives a float")
    func dividing() throws {
        #expect(try render("{{ 7 | divided_by: 2 }} {{ -7 | divided_by: 2 }} {{ 7 | divided_by: 2.0 }} {{ 1 | divided_by: 3.0 }}")
            == "3 -4 3.5 0.3333333333333333")
    }

    @Test("`modulo` gives the remainder the divisor's sign")
    func remainders() throws {
        #expect(try render("{{ -7 | modulo: 3 }} {{ 7 | modulo: -3 }} {{ 5.5 | modulo: 2 }} {{ -5.5 | modulo: 2 }}") == "2 -2 1.5 0.5")
    }

    @Test("Dividing by integer zero is an error, by float zero an infinity")
    func divisionByZero() throws {
        #expect(renderError("{{ 1 | divided_by: 0 }}") == "divided by 0")
        #expect(renderError("{{ 1 | modulo: 0 }}") == "divided by 0")
        #expect(renderError("{{ 1.5 | modulo: 0.0 }}") == "divided by 0")
        #expect(try render("{{ 10.0 | divided_by: 0.0 }} {{ -1 | divided_by: 0.0 }} {{ 0 | divided_by: 0.0 }}") == "Infinity -Infinity NaN")
    }

    @Test("`round` rounds half away from zero, to digits, or to tens with negative digits")
    func rounding() throws {
        #expect(try render("{{ 2.5 | round }} {{ -2.5 | round }} {{ 2.675 | round: 2 }} {{ 4.0 | round: 1 }} {{ '3.7' | round }}")
            == "3 -3 2.68 4.0 4")
        #expect(try render("{{ 1250 | round: -2 }} {{ -1250 | round: -2 }} {{ 1234.5 | round: -1 }} {{ 7 | round: 2 }} {{ 1.5 | round: nil }}")
            == "1300 -1300 1230 7 2")
    }

    @Test("`ceil` and `floor` give integers, and fail on an infinity as BigDecimal does")
    func ceilAndFloor() throws {
        #expect(try render("{{ 1.2 | ceil }} {{ -1.2 | ceil }} {{ 1.8 | floor }} {{ -1.2 | floor }} {{ 4.0 | ceil }} {{ '5.1' | ceil }} {{ 'x' | floor }}")
            == "2 -1 1 -2 4 6 0")
        #expect(renderError("{{ 1.0 | divided_by: 0.0 | ceil }}") == "Computation results in 'Infinity'")
        #expect(renderError("{{ -1.0 | divided_by: 0.0 | round }}") == "Computation results in '-Infinity'")
    }

    @Test("`abs`, `at_least` and `at_most` compare across integers and floats")
    func bounds() throws {
        #expect(try render("{{ -3 | abs }} {{ '-1.5' | abs }} {{ 'x' | abs }}") == "3 1.5 0")
        #expect(try render("{{ 3 | at_least: 5 }} {{ 5 | at_least: 5.0 }} {{ 4 | at_least: 4.5 }} {{ 3.5 | at_most: 3 }} {{ 2 | at_most: '2.5' }}")
            == "5 5 4.5 3 2")
    }

    @Test("Numbers past Int's or Decimal's range go on as decimals or doubles, shown as floats")
    func overflow() throws {
        let variables: [String: Value] = ["big": .int(.max), "small": .int(.min)]
        #expect(try render("{{ big | plus: 1 }} {{ big | times: -2 }} {{ small | divided_by: -1 }} {{ small | abs }}", variables)
            == "9.223372036854776e+18 -1.8446744073709552e+19 9.223372036854776e+18 9.223372036854776e+18")
        #expect(try render("{{ huge | plus: 1 }} {{ huge | times: huge }} {{ huge | ceil }}", ["huge": 1e200])
            == "1.0e+200 Infinity 1.0e+200")
    }

    // MARK: Arguments

    @Test("Filters check how many arguments they get, with Ruby's message")
    func arity() throws {
        #expect(renderError("{{ 'a' | split }}") == "wrong number of arguments (given 1, expected 2)")
        #expect(renderError("{{ 'a' | replace_last: 'a' }}") == "wrong number of arguments (given 2, expected 3)")
        #expect(renderError("{{ 'a' | truncate: 1, 2, 3 }}") == "wrong number of arguments (given 4, expected 1..3)")
    }
}
