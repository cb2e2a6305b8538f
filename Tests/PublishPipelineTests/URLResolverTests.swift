import PublishPipeline
import Testing

@Suite("Resolving URL references")
struct URLResolverTests {
    // RFC 3986 §5.4's base and examples.
    let resolver = URLResolver(base: "http://a/b/c/d;p?q")

    @Test("RFC 3986's normal examples", arguments: [
        ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
        ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"),
        ("g#s", "http://a/b/c/g#s"), ("..", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"),
        ("../../g", "http://a/g"), ("", "http://a/b/c/d;p?q"),
    ])
    func normal(reference: String, expected: String) {
        #expect(resolver.resolve(reference) == expected)
    }

    @Test("Dot segments never climb above the root")
    func aboveRoot() {
        #expect(resolver.resolve("../../../g") == "http://a/g")
    }

    @Test("A reference with a scheme is already absolute")
    func withScheme() {
        #expect(resolver.resolve("mailto:me@example.org") == "mailto:me@example.org")
        #expect(resolver.resolve("https://example.org/x") == "https://example.org/x")
    }
}
