import Foundation
import PublishAST
import PublishAtom
import PublishPipeline
import TestSupport

/// A site folder made for one test, loaded and run through the `atom`
/// emitter; the files it wrote are read back from the staging folder.
final class FeedBuild {
    /// The site's files, removed with this value.
    let files: TemporaryFolder
    let folder: URL
    let output: OutputFolder
    let diagnostics: [Diagnostic]

    /// - Parameters:
    ///   - files: the site's files by path.
    ///   - options: the `atom` block, as YAML scalars.
    init(_ files: [String: String], options: YAMLMapping = YAMLMapping(), url: String = "https://example.org",
         timeZone: String = "UTC") throws {
        self.files = try TemporaryFolder(files)
        folder = self.files.url
        var config = SiteConfig()
        config.title = "Test Site"
        config.url = url
        config.timeZone = TimeZone(identifier: timeZone)!
        let loader = SiteLoader(source: folder, config: config, pipeline: try MarkdownPipeline.builtIn(),
                                now: Date(timeIntervalSince1970: 1_900_000_000))
        let site = loader.load().site
        output = try OutputFolder(destination: folder.appendingPathComponent("_site"))
        let emitter = try AtomEmitter(options: Settings(owner: "output `atom`", values: options))
        diagnostics = try emitter.emit(site, to: output)
    }


    /// A written file as text, or nil.
    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: output.staging.appendingPathComponent(path).path)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// The `<id>` of every entry of a written document, in order.
    func entryIDs(_ path: String) -> [String] {
        guard let text = read(path) else { return [] }
        return text.components(separatedBy: "<entry").dropFirst().compactMap { entry in
            guard let start = entry.range(of: "<id>"), let end = entry.range(of: "</id>") else { return nil }
            return String(entry[start.upperBound..<end.lowerBound])
        }
    }

    /// Posts `first...last` as `_posts` files, one a day from 2014-01-01.
    static func posts(_ range: ClosedRange<Int>, front: String = "") -> [String: String] {
        var files: [String: String] = [:]
        let start = Date(timeIntervalSince1970: 1_388_534_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for number in range {
            let day = calendar.dateComponents([.year, .month, .day],
                                              from: start.addingTimeInterval(Double(number) * 86_400))
            let name = String(format: "_posts/%04d-%02d-%02d-post-%d.md", day.year!, day.month!, day.day!, number)
            files[name] = "---\ntitle: Post \(number)\n\(front)---\nText of post \(number).\n"
        }
        return files
    }
}

extension YAMLMapping {
    /// `["archive_size": .int(10)]` as a mapping.
    init(_ pairs: KeyValuePairs<String, YAMLValue>) {
        self.init(pairs.map { YAMLMapping.Entry(key: $0.key, value: $0.value) })
    }
}
