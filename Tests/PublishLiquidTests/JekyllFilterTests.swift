import Foundation
import Testing
@testable import PublishLiquid

@Suite("Jekyll's filters")
struct JekyllFilterTests {
    /// Renders `source` with Jekyll's filters over Liquid's, for a site at
    /// `https://example.org/blog`, in UTC; errors are thrown.
    private func jekyll(_ source: String, _ variables: [String: Value] = [:],
                        site: Hash = ["url": "https://example.org", "baseurl": "/blog"]) throws -> String {
        var env = Environment()
        env.filters.merge(JekyllFilters.all)
        let template = try Template(source, environment: env)
        var variables = variables
        variables["site"] = .hash(site)
        let context = Context(environment: env, variables: variables, rendersErrors: false,
                              timeZone: TimeZone(identifier: "UTC")!)
        return try template.render(context)
    }

    /// The message of the error rendering `source` throws, or nil.
    private func failure(_ source: String, _ variables: [String: Value] = [:]) -> String? {
        do {
            _ = try jekyll(source, variables)
            return nil
        } catch let error as LiquidError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    private let posts = try! JSON.parse("""
        [{"title": "A", "year": 2014, "tags": ["swift", "web"], "rank": "10", "meta": {"kind": "note"}},
         {"title": "B", "year": "2015", "tags": ["web"], "rank": "9"},
         {"title": "C", "year": 2013, "tags": "swift", "rank": null, "meta": {"kind": "essay"}}]
        """)

    // MARK: URLs

    @Test("relative_url puts a path under the baseurl, encoded and with a leading slash")
    func relativeURL() throws {
        #expect(try jekyll("{{ '/about me/' | relative_url }}") == "/blog/about%20me/")
        #expect(try jekyll("{{ 'feed.xml' | relative_url }}") == "/blog/feed.xml")
        #expect(try jekyll("{{ '' | relative_url }}") == "/blog")
    }

    @Test("relative_url resolves dot segments and drops the baseurl's last slash")
    func relativeURLNormalizes() throws {
        let site: Hash = ["baseurl": "/docs/"]
        #expect(try jekyll("{{ 'a/./b/../c?x=1;2#top' | relative_url }}", site: site) == "/docs/a/c?x=1%3B2#top")
        #expect(try jekyll("{{ '/caf%C3%A9/%41' | relative_url }}", site: site) == "/docs/caf%C3%A9/A")
    }

    @Test("relative_url leaves an absolute URL alone and nil as nothing")
    func relativeURLAbsolute() throws {
        #expect(try jekyll("{{ 'https://x.org/A B' | relative_url }}|{{ nil | relative_url }}") == "https://x.org/A B|")
        #expect(try jekyll("{{ 'mailto:me@x.org' | relative_url }}") == "mailto:me@x.org")
    }

    @Test("absolute_url puts the site's url before the relative URL, with its scheme and host in lower case")
    func absoluteURL() throws {
        #expect(try jekyll("{{ 'x y' | absolute_url }}") == "https://example.org/blog/x%20y")
        let site: Hash = ["url": "HTTP://Example.ORG:80", "baseurl": ""]
        #expect(try jekyll("{{ '/feed.xml' | absolute_url }}", site: site) == "http://example.org/feed.xml")
    }

    @Test("absolute_url without a site url is relative_url")
    func absoluteURLWithoutSiteURL() throws {
        #expect(try jekyll("{{ '/a' | absolute_url }}", site: ["baseurl": "/b"]) == "/b/a")
    }

    @Test("A drop's url stands for the drop")
    func dropURL() throws {
        #expect(try jekyll("{{ page | relative_url }}", ["page": .drop(PageDrop())]) == "/blog/2016/hello.html")
    }

    @Test("A URL Addressable cannot read fails as it does")
    func invalidURL() {
        #expect(failure("{{ 'a b:c' | relative_url }}") == "Invalid scheme format: 'a b'")
        #expect(failure("{{ '/../..//x' | relative_url }}")?.hasPrefix("Cannot have a path with two leading slashes") == true)
    }

    @Test("uri_escape encodes what a URI may not hold; cgi_escape encodes for a query")
    func escapes() throws {
        #expect(try jekyll(#"{{ 'foo, bar \baz?%41é' | uri_escape }}"#) == "foo,%20bar%20%5Cbaz?A%C3%A9")
        #expect(try jekyll("{{ 'foo,bar;baz? ~x y' | cgi_escape }}") == "foo%2Cbar%3Bbaz%3F+~x+y")
    }

    // MARK: Dates

    private let date: Value = .time(Time(seconds: 1_457_996_645, utcOffset: -25_200))

    @Test("date_to_xmlschema and date_to_rfc822 show the time in the render's zone")
    func xmlAndRFC822() throws {
        #expect(try jekyll("{{ d | date_to_xmlschema }}", ["d": date]) == "2016-03-14T23:04:05+00:00")
        #expect(try jekyll("{{ d | date_to_rfc822 }}", ["d": date]) == "Mon, 14 Mar 2016 23:04:05 +0000")
    }

    @Test("date_to_string and date_to_long_string, with ordinal days, UK style or US")
    func dateStrings() throws {
        #expect(try jekyll("{{ d | date_to_string }}|{{ d | date_to_long_string }}", ["d": date]) == "14 Mar 2016|14 March 2016")
        #expect(try jekyll("{{ d | date_to_string: 'ordinal' }}", ["d": date]) == "14th Mar 2016")
        #expect(try jekyll("{{ d | date_to_long_string: 'ordinal', 'US' }}", ["d": date]) == "March 14th, 2016")
        #expect(try jekyll("{{ 1451692800 | date_to_string: 'ordinal' }}|{{ 1453334400 | date_to_string: 'ordinal' }}")
            == "2nd Jan 2016|21st Jan 2016")
    }

    @Test("Dates come from seconds, digits and parsed text; empty input comes back")
    func dateInputs() throws {
        #expect(try jekyll("{{ 0 | date_to_xmlschema }}|{{ '86400' | date_to_xmlschema }}")
            == "1970-01-01T00:00:00+00:00|1970-01-02T00:00:00+00:00")
        #expect(try jekyll("{{ '2016-05-03 10:11:12 +0200' | date_to_xmlschema }}") == "2016-05-03T08:11:12+00:00")
        #expect(try jekyll("[{{ '' | date_to_string }}{{ nil | date_to_rfc822 }}]") == "[]")
    }

    @Test("A value that is no date fails with Jekyll's message")
    func invalidDate() {
        #expect(failure("{{ 1.5 | date_to_string }}") == "Invalid Date: '1.5' is not a valid datetime.")
    }

    // MARK: Text

    @Test("xml_escape escapes both quotes; inspect escapes Ruby's inspect")
    func xmlEscape() throws {
        #expect(try jekyll(#"{{ s | xml_escape }}"#, ["s": "a & <b> \"c\" 'd'"]) == "a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;")
        #expect(try jekyll("{{ h | inspect }}", ["h": .hash(["a": "<b>"])]) == "{&quot;a&quot;=&gt;&quot;&lt;b&gt;&quot;}")
    }

    @Test("number_of_words counts words between blanks, or in cjk and auto modes each CJK character too")
    func numberOfWords() throws {
        #expect(try jekyll("{{ 'hello world  again' | number_of_words }}") == "3")
        #expect(try jekyll("{{ '日本語 text ほげ' | number_of_words }}|{{ '日本語 text ほげ' | number_of_words: 'cjk' }}") == "3|6")
        #expect(try jekyll("{{ '한국어' | number_of_words: 'auto' }}|{{ 'a b' | number_of_words: 'auto' }}") == "3|2")
    }

    @Test("array_to_sentence_string joins with commas and a connector")
    func sentence() throws {
        #expect(try jekyll("{{ a | array_to_sentence_string }}", ["a": ["apples", "oranges", "grapes"]])
            == "apples, oranges, and grapes")
        #expect(try jekyll("{{ a | array_to_sentence_string: 'or' }}", ["a": ["tea", "coffee"]]) == "tea or coffee")
        #expect(try jekyll("[{{ a | array_to_sentence_string }}|{{ b | array_to_sentence_string }}]", ["a": [], "b": ["one"]])
            == "[|one]")
    }

    @Test("jsonify writes compact JSON as Ruby's generator does")
    func jsonify() throws {
        let value = try JSON.parse(#"{"a": [1, 2.5, null, true, "q\"\\/\u0008\u0001é"], "b": {"c": 1e20}}"#)
        #expect(try jekyll("{{ v | jsonify }}", ["v": value])
            == #"{"a":[1,2.5,null,true,"q\"\\/\b\u0001é"],"b":{"c":1.0e+20}}"#)
        #expect(failure("{{ n | jsonify }}", ["n": .float(.nan)]) == "NaN not allowed in JSON")
    }

    @Test("slugify's default mode keeps letters and digits, lower-cased")
    func slugifyDefault() throws {
        #expect(try jekyll("{{ '  The _config.yml file?!  ' | slugify }}") == "the-config-yml-file")
        #expect(try jekyll("{{ 'Ünïcödé 日本語' | slugify }}") == "ünïcödé-日本語")
    }

    @Test("slugify's modes: raw, pretty, ascii, latin and none")
    func slugifyModes() throws {
        let title: [String: Value] = ["t": "The _config.yml file?"]
        #expect(try jekyll("{{ t | slugify: 'raw' }}", title) == "the-_config.yml-file?")
        #expect(try jekyll("{{ t | slugify: 'pretty' }}", title) == "the-_config.yml-file")
        #expect(try jekyll("{{ 'Café Ünï 日本' | slugify: 'ascii' }}") == "caf-n")
        #expect(try jekyll("{{ 'Ærøskøbing Straße 日本' | slugify: 'latin' }}") == "aeroskobing-strasse")
        #expect(try jekyll("{{ t | slugify: 'none' }}|{{ t | slugify: 'other' }}", title)
            == "the _config.yml file?|the _config.yml file?")
    }

    @Test("slugify keeps the case when asked")
    func slugifyCased() throws {
        #expect(try jekyll("{{ 'Hello World' | slugify: 'pretty', cased: true }}") == "Hello-World")
        #expect(try jekyll("{{ 'Hello World' | slugify: 'default', true }}") == "Hello-World")
    }

    @Test("normalize_whitespace makes every run of blanks one space, and trims")
    func normalizeWhitespace() throws {
        #expect(try jekyll("[{{ s | normalize_whitespace }}]", ["s": "  a \t\n b  "]) == "[a b]")
    }

    // MARK: smartify

    @Test("smartify curls quotes and makes dashes and ellipses")
    func smartifyQuotes() throws {
        #expect(try jekyll("{{ s | smartify }}", ["s": #""This filter's test..." -- it's the '80s --- 'ok'"#])
            == "“This filter’s test…” – it’s the ’80s — ‘ok’")
        #expect(try jekyll("{{ s | smartify }}", ["s": #"He said, "'Quoted' words.""#]) == "He said, “‘Quoted’ words.”")
    }

    @Test("smartify escapes text, reads entities and makes guillemets")
    func smartifyEntities() throws {
        #expect(try jekyll("{{ s | smartify }}", ["s": "3 < 4 & &rsquo; &copy; &amp; &foo;"]) == "3 &lt; 4 &amp; ’ © &amp; &amp;foo;")
        #expect(try jekyll("{{ s | smartify }}", ["s": "<<a>> << b >>"]) == "«a» «\u{A0}b\u{A0}»")
    }

    @Test("smartify passes HTML through, leaving raw elements' quotes straight")
    func smartifyHTML() throws {
        #expect(try jekyll("{{ s | smartify }}", ["s": #"<em>"hi"</em> <code>"no"</code> <br>"#])
            == #"<em>“hi”</em> <code>"no"</code> <br />"#)
        #expect(try jekyll("{{ s | smartify }}", ["s": "<div class='c'>\"raw\" &</div>\n\"next\""])
            == "<div class=\"c\">\"raw\" &amp;</div>\n“next”")
        #expect(try jekyll("{{ 404 | smartify }}|{{ '#hashtag' | smartify }}") == "404|#hashtag")
    }

    // MARK: where and find

    @Test("where compares texts, reads dotted properties and finds items in arrays")
    func whereFilter() throws {
        let list: [String: Value] = ["posts": posts]
        #expect(try jekyll("{{ posts | where: 'year', 2014 | map: 'title' | join }}", list) == "A")
        #expect(try jekyll("{{ posts | where: 'year', '2015' | map: 'title' | join }}", list) == "B")
        #expect(try jekyll("{{ posts | where: 'tags', 'swift' | map: 'title' | join }}", list) == "A C")
        #expect(try jekyll("{{ posts | where: 'meta.kind', 'essay' | map: 'title' | join }}", list) == "C")
    }

    @Test("where with nil finds items without the property; a hash's values are the items")
    func whereNilAndHash() throws {
        #expect(try jekyll("{{ posts | where: 'meta', nil | map: 'title' | join }}", ["posts": posts]) == "B")
        let hash = try JSON.parse(#"{"x": {"n": 1}, "y": {"n": 2}}"#)
        #expect(try jekyll("{{ h | where: 'n', 2 | jsonify }}", ["h": hash]) == #"[{"n":2}]"#)
    }

    @Test("find returns the first matching item, or nothing")
    func find() throws {
        #expect(try jekyll("{{ posts | find: 'tags', 'web' | map: 'title' }}", ["posts": posts]) == "A")
        #expect(try jekyll("{{ posts | find: 'year', 1999 | jsonify }}", ["posts": posts]) == "null")
    }

    @Test("where_exp and find_exp test each item against a Liquid condition")
    func expressions() throws {
        let list: [String: Value] = ["posts": posts]
        #expect(try jekyll("{{ posts | where_exp: 'p', 'p.tags contains \"web\" and p.rank' | map: 'title' | join }}", list)
            == "A B")
        #expect(try jekyll("{{ posts | find_exp: 'p', 'p.title == \"C\" or p.year == 2014' | map: 'title' }}", list) == "A")
        #expect(try jekyll("{{ posts | find_exp: 'p', 'p.title == \"Z\"' | jsonify }}", list) == "null")
    }

    @Test("A condition that does not parse is a syntax error")
    func expressionSyntax() {
        #expect(failure("{{ posts | where_exp: 'p', 'p.year >' }}", ["posts": posts]) == "[:end_of_string] is not a valid expression")
    }

    // MARK: group_by

    @Test("group_by makes one group per property text, in order of first appearance")
    func groupBy() throws {
        let groups = try jekyll("{% assign g = posts | group_by: 'tags' %}{% for x in g %}{{ x.name }}={{ x.size }};{% endfor %}",
                                ["posts": posts])
        #expect(groups == #"["swift", "web"]=1;["web"]=1;swift=1;"#)
    }

    @Test("group_by_exp groups by an expression's value, filters allowed")
    func groupByExpression() throws {
        let source = "{{ posts | group_by_exp: 'p', 'p.year | plus: 0 | modulo: 2' | jsonify }}"
        let json = try jekyll(source, ["posts": posts])
        #expect(json.hasPrefix(#"[{"name":0,"items":[{"title":"A""#))
        #expect(json.contains(#"{"name":1,"items":[{"title":"B""#) && json.hasSuffix(#""size":2}]"#))
    }

    // MARK: sort

    @Test("sort by a property orders numeric text as numbers, nils first by default")
    func sortByProperty() throws {
        let list: [String: Value] = ["posts": posts]
        #expect(try jekyll("{{ posts | sort: 'rank' | map: 'title' | join }}", list) == "C B A")
        #expect(try jekyll("{{ posts | sort: 'rank', 'last' | map: 'title' | join }}", list) == "B A C")
        #expect(try jekyll("{{ posts | sort: 'meta.kind' | map: 'title' | join }}", list) == "C B A")
    }

    @Test("sort without a property sorts the items; it fails on nil and on items it cannot order")
    func sortPlain() throws {
        #expect(try jekyll("{{ a | sort | join: ',' }}", ["a": [3, 1, 2.5]]) == "1,2.5,3")
        #expect(failure("{{ nil | sort }}") == "Cannot sort a null object.")
        #expect(failure("{{ a | sort }}", ["a": [1, "a"]]) == "comparison of Integer with String failed")
        #expect(failure("{{ a | sort: 'x', 'middle' }}", ["a": []])
            == "Invalid nils order: 'middle' is not a valid nils order. It must be 'first' or 'last'.")
    }

    // MARK: Array copies

    @Test("push, pop, shift and unshift return changed copies")
    func arrayCopies() throws {
        let numbers: [String: Value] = ["a": [1, 2, 3]]
        #expect(try jekyll("{{ a | push: 4 | join: ',' }}|{{ a | unshift: 0 | join: ',' }}|{{ a | join: ',' }}", numbers)
            == "1,2,3,4|0,1,2,3|1,2,3")
        #expect(try jekyll("{{ a | pop | join: ',' }}|{{ a | pop: 2 | join: ',' }}|{{ a | shift: 2 | join: ',' }}", numbers)
            == "1,2|1|3")
        #expect(try jekyll("{{ 'x' | push: 1 }}|{{ 'y' | shift }}") == "x|y")
        #expect(failure("{{ a | pop: 'many' }}", numbers) == "invalid integer")
    }

    @Test("sample takes the first items, so that builds repeat")
    func sample() throws {
        #expect(try jekyll("{{ a | sample }}|{{ a | sample: 2 | join: ',' }}|{{ 'x' | sample }}", ["a": [1, 2, 3]]) == "1|1,2|x")
    }

    @Test("Jekyll's filters that make a huge range into items stop at the loop limit instead of filling memory")
    func hugeRangeStopsAtLoopLimit() {
        let message = "Loop limit exceeded: more than 10000000 loop iterations in one render"
        for filter in ["sort", "where: 'x', 1", "find: 'x', 1", "where_exp: 'i', 'i > 1'", "find_exp: 'i', 'i > 1'",
                       "group_by: 'x'", "group_by_exp: 'i', 'i'"] {
            #expect(failure("{{ (1..100000000) | \(filter) }}") == message, "\(filter)")
        }
    }
}

/// A page's drop, answering only `url`.
private final class PageDrop: Drop {
    func value(for key: String) -> Value? {
        key == "url" ? "/2016/hello.html" : nil
    }
}
