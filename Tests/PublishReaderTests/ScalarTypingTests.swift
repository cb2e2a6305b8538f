import Foundation
import PublishAST
import PublishReader
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
