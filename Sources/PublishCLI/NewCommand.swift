import ArgumentParser
import Foundation
import PublishAST
import PublishPipeline

/// `publish new "Title"`: a dated post with front matter, ready to write.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new post, dated now, into _posts (or _drafts with --draft).")

    @Argument(help: "The post's title.")
    var title: String

    @Option(help: "The site folder.")
    var source: String = "."

    @Option(help: "The file name's slug, kept to letters, digits and hyphens; made from the title when absent.")
    var slug: String?

    @Flag(help: "Write into _drafts, with no date in the file name.")
    var draft = false

    @Option(help: ArgumentHelp(
        "The post's category; the post goes into _posts/NAME/ (or NAME/_posts/) when the site keeps posts that way.",
        valueName: "name"))
    var category: String?

    func validate() throws {
        if let category, category.isEmpty || category.contains("/") || category == "." || category == ".." {
            throw ValidationError("--category is a name, not a path: '\(category)'")
        }
    }

    /// The folder a post goes in: the category's own posts folder, when
    /// the site has one (`_posts/技术/`, or `技术/_posts/` whose posts Jekyll
    /// files under that category), else `_posts`.
    private func postsFolder(in site: URL) -> String {
        guard let category else { return "_posts" }
        for folder in ["_posts/\(category)", "\(category)/_posts"] {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: site.appendingPathComponent(folder).path, isDirectory: &isFolder),
               isFolder.boolValue {
                return folder
            }
        }
        return "_posts"
    }

    func run() throws {
        let folder = URL(fileURLWithPath: source)
        let project = try? Project(source: folder, pipelineFile: nil)
        let zone = project?.site.timeZone ?? TimeZone.current
        let now = Date()
        let day = now.formatted(Date.ISO8601FormatStyle(timeZone: zone).year().month().day().dateSeparator(.dash))
        let time = now.formatted(Date.ISO8601FormatStyle(timeZone: zone).year().month().day().dateSeparator(.dash)
            .time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted)
            .dateTimeSeparator(.space))
        // A given slug goes through the same rules as a title, so no `/` or
        // `..` survives to put the file anywhere but the posts folder.
        var name = slug.map { Slug.make($0, cased: true) } ?? Slug.make(title)
        if name.isEmpty { name = "post" }
        let file = draft ? "_drafts/\(name).md" : "\(postsFolder(in: folder))/\(day)-\(name).md"
        let url = folder.appendingPathComponent(file)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            Diagnostics.report(.error("a post is already there; choose another --slug", at: SourceLocation(path: file, position: .unknown)))
            throw ExitCode.failure
        }
        func quoted(_ text: String) -> String {
            "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        }
        let categories = category.map { "[\(quoted($0))]" } ?? "[]"
        let text = "---\ntitle: \(quoted(title))\ndate: \(time.replacing("Z", with: " +0000"))\ncategories: \(categories)\ntags: []\n---\n\n"
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        print(file)
    }
}
