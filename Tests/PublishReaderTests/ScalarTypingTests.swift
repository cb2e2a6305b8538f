import Foundation
import PublishAST
@testable import PublishReader
import Testing
import Yams

/// Front matter values are typed without running Yams's regular
/// expressions on text that cannot match them; the types must be the ones
/// Yams's default resolver gives, for every kind of scalar.
@Suite("Typing front matter scalars")
struct ScalarTypingTests {
    /// Plain scalars of every default rule, near misses of each, and strings.
    static let plain = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON",
        "off", "Off", "OFF", "yEs", "tRue", "nope", "offset", "online", "y", "n",
        "0", "7", "-7", "+7", "1_000", "0b1010", "-0b11", "0o17", "017", "0x1F", "-0xff", "190:20:30", "0x", "08",
        "1.5", "-1.5", "+.5", ".5", "1e3", "1.0e+3", "6.8523015e+5", "190:20:30.15", ".inf", "-.Inf", "+.INF", ".nan",
        ".NaN", "1.2.3", "1e", "--1", "+-1", "1_", "_1",
        "~", "null", "Null", "NULL", "nULL", "<<", "=", "==",
        "2014-06-16", "2014-6-1 9:08:07", "2014-06-16 10:00:00 +08:00", "2014-06-16T10:00:00Z",
        "2014-06-16 10:00:00.5 -05", "2014-06-16x", "20140616",
        "Jekyll 3.0 Released", "release", "news_item", "Tom & Jerry", "中文标题", "émoji 🎉", "Off the record",
        "Yesterday", "1 minute", "2 + 2", "0.0.1-beta", "v1.0", "$5", "a:b", "x#y", "a%20b",
    ]

    @Test("A plain scalar gets the type Yams's default resolver gives it")
    func plainScalars() throws {
        for text in ScalarTypingTests.plain {
            let yaml = "key: \(text)\n"
            let read = try metadata(yaml).extra["key"]
            let expected = try reference(yaml)
            if case .double(let a)? = read, case .double(let b)? = expected, a.isNaN, b.isNaN { continue }
            #expect(read == expected, "\(text)")
        }
    }

    @Test("The hand-written rules type text as Yams's regular expressions do, on fixed and random text")
    func rulesMatchTheResolver() {
        let fixed = ScalarTypingTests.plain + [
            ".5e3", ".5e+3", "+.5", "-.5", "1.", "0b", "0x_", "+0x1", "-0o7", "1:60", "1:5", "1:05.", "-1:05:59.5",
            "0_", "00", "0o", "0b2", "0xg", "1e+", "1E-5", "2014-06-16 10:00:00 Z", "2014-06-16\t10:00:00",
            "2014-06-16 10:00:00 +8:00", "2014-06-16 10:00:00+08:0", "2014-06-16 10:00:00 ", "2014-6-16T1:00:00",
            "2014-06-16T10:00", "2014-06-16 10:00:00.", "12014-06-16", "2014-06-166", "+.inf", ".Inf", "-.nan",
        ]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789_-+.:eEoxbTtZ \tainfNIsuAFl<=~")
        let random = (0..<20_000).map { _ in
            String((0..<Int.random(in: 1...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        // Dates with random parts stand a chance of being timestamps.
        let dates = (0..<5_000).map { _ in
            "2014-" + ["6", "06", "123"].randomElement(using: &generator)! + "-1"
                + ["", "6", "67"].randomElement(using: &generator)!
                + ["", "T1:00:00", " 10:00:00", "t10:00:00.25", "  10:00:00 Z", " 10:00:00 -05", " 10:00:00 +08:00",
                   " 10:00:00+8:0", "T10:00:0", " 10:00:00 Q"].randomElement(using: &generator)!
        }
        var mismatches: [String] = []
        for text in fixed + random + dates {
            let expected = Resolver.default.resolveTag(of: .scalar(Node.Scalar(text)))
            if Node.Scalar.plainTag(of: text) != expected { mismatches.append("\(text.debugDescription): \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test("Quoted scalars are strings and written tags are kept, as Yams's default resolver has them")
    func quotedAndTagged() throws {
        for text in ["\"yes\"", "'7'", "\"null\"", "\"\"", "!!str 7", "!!int \"7\"", "!!float 1", "!!bool yes",
                     "!!null ''", "!!str true", "! 12"] {
            let yaml = "key: \(text)\n"
            #expect(try metadata(yaml).extra["key"] == (try reference(yaml)), "\(text)")
        }
    }

    @Test("An empty value is null, and a `published: no` hides the post as `published: false` does")
    func emptyAndPublished() throws {
        #expect(try metadata("key:\n").extra["key"] == .null)
        #expect(try metadata("published: no\n").published == false)
        #expect(try metadata("published: false\n").published == false)
        #expect(try metadata("published: \"no\"\n").published != false)
        #expect(try metadata("title: null\n").title == "")
        #expect(try metadata("title: 'null'\n").title == "null")
    }

    /// The value as Yams's default resolver types it.
    private func reference(_ yaml: String) throws -> YAMLValue? {
        guard let root = try Yams.compose(yaml: yaml), case .mapping(let mapping) = root,
              let node = mapping.first?.value, case .scalar(let scalar) = node else { return nil }
        switch node.tag.description {
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.bool.rawValue: if let value = node.bool { return .bool(value) }
        case Tag.Name.int.rawValue: if let value = node.int { return .int(value) }
        case Tag.Name.float.rawValue: if let value = node.float { return .double(value) }
        default: break
        }
        return .string(scalar.string)
    }
}
