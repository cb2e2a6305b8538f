import Foundation
import PublishAST
import PublishDelivery
import PublishEmail
import PublishLiquid
import PublishReader

enum FrontMatterHarness {
    /// The input as the YAML of a post's front matter: it is read, or
    /// refused with a Diagnostic; what is read survives its JSON form.
    static func run(_ bytes: [UInt8]) {
        let file = Array("---\n".utf8) + bytes + Array("\n---\nBody.\n".utf8)
        let result: MarkdownReader.Result
        do {
            result = try MarkdownReader().read(file, path: Reading.path)
        } catch is Diagnostic {
            return
        } catch {
            fuzzFailure("the front matter threw something other than a Diagnostic: \(error)")
        }
        guard let back = try? Document(json: result.document.jsonBytes()) else {
            fuzzFailure("the front matter's JSON does not read back")
        }
        if back.metadata != Reading.jsonComparable(result.document).metadata {
            var read = "", back2 = ""
            dump(result.document.metadata, to: &read)
            dump(back.metadata, to: &back2)
            fuzzFailure("the metadata read back from its JSON is other metadata:\n\(read)\nread back:\n\(back2)")
        }
    }
}

enum LiquidHarness {
    /// Limits a site could set: what they bound must not take a fuzzer's
    /// 10 s or 2 GB to reach.
    static let limits = Limits(outputLength: 1 << 20, loopIterations: 100_000, assignScore: 16 << 20)

    static let includes = MemoryFileSystem([
        "note.html": "<aside>{{ include.text | default: page.title }}</aside>",
        "loop.html": "{% for tag in page.tags %}{% include note.html text=tag %}{% endfor %}",
        "self.html": "{% include self.html %}",
    ])

    static let variables: [String: Value] = [
        "page": .hash([
            "title": .string("Hello, <world> & “friends”"),
            "tags": .array([.string("swift"), .string("日本語"), .string("")]),
            "date": .time(Time(seconds: 1_577_923_200)),
            "count": .int(3), "ratio": .float(0.5), "draft": .bool(false), "none": .nil,
            "path": .string("_posts/2020-01-02-fuzz.md"),
        ]),
        "site": .hash([
            "title": .string("Fuzz Site"), "url": .string("https://example.org"), "baseurl": .string("/blog"),
            "posts": .array([.hash(["title": .string("One"), "url": .string("/one.html")]),
                             .hash(["title": .string("Two"), "url": .string("/two.html")])]),
        ]),
        "numbers": .array((1...10).map { .int($0) }),
        "range": .range(1, 5),
    ]

    /// Parsed in lax mode (as Jekyll) and rendered, then parsed strictly.
    static func run(_ bytes: [UInt8]) {
        let source = String(decoding: bytes, as: UTF8.self)
        let environment = Environment.jekyll(includes: includes, siteFiles: includes, limits: limits)
        for mode in [ErrorMode.lax, .strict] {
            guard let template = try? Template(source, environment: environment, errorMode: mode) else { continue }
            let context = Context(environment: environment, variables: variables, errorMode: mode,
                                  now: Time(seconds: 1_600_000_000), timeZone: TimeZone(identifier: "UTC")!)
            if let output = try? template.render(context), output.utf8.count > limits.outputLength! {
                fuzzFailure("\(output.utf8.count) bytes of output, over the limit of \(limits.outputLength!)")
            }
        }
    }
}

enum HTTPHarness {
    static let address = "reader@example.net"
    static let tokens = UnsubscribeToken(secret: Array("a fixed secret for fuzzing".utf8))
    static let list: SubscriberList = {
        let list = SubscriberList(database: try! DeliveryDatabase())
        _ = try! list.add(email: address, name: "Reader")
        return list
    }()
    static let endpoint = UnsubscribeEndpoint(list: list, tokens: tokens, siteTitle: "Fuzz <Site>")
    /// `@TOKEN@` in an input stands for subscriber 1's token, so that inputs
    /// reach past the check (the fuzzer could never guess an HMAC).
    static let token = tokens.token(subscriberID: "1", address: address)

    /// The input is `METHOD\nTARGET\nCONTENT-TYPE\nBODY`; an empty content
    /// type line is none. Every answer must be one of the documented
    /// statuses, and never carry markup from the request.
    static func run(_ bytes: [UInt8]) {
        var parts = bytes.split(separator: 10, maxSplits: 3, omittingEmptySubsequences: false).map(Array.init)
        while parts.count < 4 { parts.append([]) }
        func text(_ part: [UInt8]) -> String {
            String(decoding: part, as: UTF8.self).replacingOccurrences(of: "@TOKEN@", with: token)
        }
        let type = parts[2].isEmpty ? nil : text(parts[2])
        let body = Array(text(parts[3]).utf8)
        _ = try? list.setStatus(.active, id: 1)
        let response = endpoint.respond(method: text(parts[0]), target: text(parts[1]), contentType: type, body: body)
        guard [200, 400, 403, 405, 413, 415].contains(response.status) else {
            fuzzFailure("status \(response.status)")
        }
        if response.status == 405, response.headers["Allow"] == nil { fuzzFailure("a 405 without Allow") }
        if Reading.hasRawTag(response.body, in: bytes) { fuzzFailure("`<script` from the request in the page") }
        if response.body.isEmpty { fuzzFailure("an empty page") }
    }
}
