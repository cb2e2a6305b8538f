import Foundation
import PublishAST
import PublishEPUB
import PublishPipeline
import PublishReader
import PublishWriters

/// The reader and the stages, as `publish render` and `publish build` run
/// them: the built-in pipeline (`pipelines/default.yml`).
enum Reading {
    static let pipeline = try! MarkdownPipeline.builtIn()
    /// A post's path, so that the file-name conventions (date, slug) apply.
    static let path = "_posts/2020-01-02-fuzz.md"

    /// The input read as a post, front matter and stages; nil when the
    /// front matter is refused (a `Diagnostic`, as for a user's file).
    static func post(_ bytes: [UInt8], dialect: MarkdownPipeline.Dialect = .gfm) -> MarkdownReader.Result? {
        do {
            return try MarkdownPipeline(dialect: dialect, stages: pipeline.stages).read(bytes, path: path)
        } catch is Diagnostic {
            return nil
        } catch {
            fuzzFailure("the reader threw something other than a Diagnostic: \(error)")
        }
    }
}

enum MarkdownHarness {
    /// Both dialects; the tree must survive its JSON form (the build cache
    /// and plugins rely on it).
    static func run(_ bytes: [UInt8]) {
        for dialect in [MarkdownPipeline.Dialect.gfm, .commonmark] {
            guard let result = Reading.post(bytes, dialect: dialect) else { continue }
            let json = result.document.jsonBytes()
            let back: Document
            do {
                back = try Document(json: json)
            } catch {
                fuzzFailure("the \(dialect) tree's JSON does not read back: \(error)")
            }
            if back != Reading.jsonComparable(result.document) {
                fuzzFailure("the \(dialect) tree read back from its JSON is another tree")
            }
        }
    }
}

enum WriterHarnesses {
    /// HTMLWriter in every raw-HTML mode and both flavours.
    static func html(_ bytes: [UInt8]) {
        guard let result = Reading.post(bytes) else { return }
        for raw in [HTMLOptions.RawHTML.keep, .escape, .drop] {
            for flavor in [HTMLOptions.Flavor.commonMark, .kramdown] {
                var options = HTMLOptions(rawHTML: raw)
                options.flavor = flavor
                let html = HTMLWriter(options: options).renderBytes(result.document)
                if raw != .keep, Reading.hasRawTag(html, in: bytes) {
                    fuzzFailure("raw HTML `<script` got through with raw_html: \(raw)")
                }
            }
        }
    }

    /// TextWriter wrapped at 72 columns, at 1 and not at all.
    static func text(_ bytes: [UInt8]) {
        guard let result = Reading.post(bytes) else { return }
        for columns in [72, 1, 0] {
            _ = TextWriter(options: TextOptions(columns: columns)).render(result.document)
        }
    }

    /// A one-post book, whole and in memory, as `publish render --to epub`
    /// makes it (its chapter goes through libxml2 and libzip).
    static func epub(_ bytes: [UInt8]) {
        guard let result = Reading.post(bytes) else { return }
        do {
            _ = try EPUBBook.single(document: result.document, sourcePath: Reading.path, folder: nil, environment: [:])
        } catch is Diagnostic {
        } catch {
            fuzzFailure("the book threw something other than a Diagnostic: \(error)")
        }
    }
}

extension Reading {
    /// Whether `html` has a `<script` element start that the Markdown did
    /// not spell as text (`&lt;script` in the input stays escaped).
    static func hasRawTag(_ html: [UInt8], in input: [UInt8]) -> Bool {
        let needle = Array("<script".utf8)
        guard html.count >= needle.count else { return false }
        for start in 0...(html.count - needle.count) where html[start] == needle[0] {
            if zip(needle.indices, needle).allSatisfy({ i, byte in
                let b = html[start + i]
                return b == byte || (b >= 65 && b <= 90 && b + 32 == byte)
            }) { return true }
        }
        return false
    }
}

extension Reading {
    /// `document` as its JSON form can hold it: JSON has no infinity or
    /// NaN, and the writer spells such a YAML number as YAML does
    /// (`.inf`, `-.inf`, `.nan`), a string when read back.
    static func jsonComparable(_ document: Document) -> Document {
        func spelled(_ value: YAMLValue) -> YAMLValue {
            switch value {
            case .double(let number) where !number.isFinite:
                return .string(number.isNaN ? ".nan" : (number < 0 ? "-.inf" : ".inf"))
            case .sequence(let items): return .sequence(items.map(spelled))
            case .mapping(let mapping): return .mapping(self.mapping(mapping, spelled))
            default: return value
            }
        }
        var copy = document
        copy.metadata.extra = mapping(document.metadata.extra, spelled)
        return copy
    }

    private static func mapping(_ mapping: YAMLMapping, _ transform: (YAMLValue) -> YAMLValue) -> YAMLMapping {
        YAMLMapping(mapping.entries.map { YAMLMapping.Entry(key: $0.key, value: transform($0.value)) })
    }
}
