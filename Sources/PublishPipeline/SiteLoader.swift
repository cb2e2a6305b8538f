import Foundation
import PublishAST
import PublishReader

/// Reads a site folder into a `Site`: finds the posts, reads and stages
/// each on all cores, drops what should not be published, and works out
/// every URL once. A post that cannot be read is reported and left out;
/// the others are still loaded.
public struct SiteLoader: Sendable {
    public var source: URL
    public var config: SiteConfig
    public var pipeline: MarkdownPipeline
    public var includeDrafts = false
    public var includeFuture = false
    /// Posts dated after this are left out unless `includeFuture`.
    public var now: Date

    public init(source: URL, config: SiteConfig, pipeline: MarkdownPipeline, now: Date = Date()) {
        self.source = source
        self.config = config
        self.pipeline = pipeline
        self.now = now
    }

    public func load() -> (site: Site, diagnostics: [Diagnostic]) {
        let found = PostFinder(source: source, excluded: Set(config.exclude)).find(drafts: includeDrafts)
        var diagnostics = found.warnings
        var posts: [Post] = []
        for outcome in Parallel.map(found.candidates, read) {
            diagnostics += outcome.diagnostics
            if let post = outcome.post { posts.append(post) }
        }
        posts.sort { ($0.date, $0.sourcePath) < ($1.date, $1.sourcePath) }
        var pages: [Page] = []
        for outcome in Parallel.map(found.pages, readPage) {
            diagnostics += outcome.diagnostics
            if let page = outcome.page { pages.append(page) }
        }
        diagnostics += dropRepeatedURLs(&posts, pages: pages)
        return (Site(config: config, posts: posts, pages: pages, staticFiles: found.staticFiles, source: source),
                diagnostics)
    }

    private struct PageOutcome: Sendable {
        var page: Page?
        var diagnostics: [Diagnostic]
    }

    private func readPage(_ path: String) -> PageOutcome {
        let at = SourceLocation(path: path, position: .unknown)
        do {
            guard let bytes = FileManager.default.contents(atPath: source.appendingPathComponent(path).path) else {
                return PageOutcome(diagnostics: [.error("cannot read the file", at: at)])
            }
            let result = try pipeline.read(Array(bytes), path: path)
            guard result.document.metadata.published else { return PageOutcome(diagnostics: result.warnings) }
            let stem = path.split(separator: ".").dropLast().joined(separator: ".")
            let url = Permalink.escapePath(result.document.metadata.permalink ?? "/" + stem + ".html")
            guard let outputPath = Permalink.outputPath(for: url) else {
                return PageOutcome(diagnostics: result.warnings
                    + [.error("the permalink '\(url)' leads outside the output folder", at: at)])
            }
            return PageOutcome(page: Page(document: result.document, sourcePath: path, url: url, outputPath: outputPath),
                               diagnostics: result.warnings)
        } catch let diagnostic as Diagnostic {
            return PageOutcome(diagnostics: [diagnostic])
        } catch {
            return PageOutcome(diagnostics: [.error("\(error)", at: at)])
        }
    }

    private struct Outcome: Sendable {
        var post: Post?
        var diagnostics: [Diagnostic]
    }

    private func read(_ candidate: PostFinder.Candidate) -> Outcome {
        let file = source.appendingPathComponent(candidate.path)
        let at = SourceLocation(path: candidate.path, position: .unknown)
        let result: MarkdownReader.Result
        do {
            guard let bytes = FileManager.default.contents(atPath: file.path) else {
                return Outcome(diagnostics: [.error("cannot read the file", at: at)])
            }
            result = try pipeline.read(Array(bytes), path: candidate.path)
        } catch let diagnostic as Diagnostic {
            return Outcome(diagnostics: [diagnostic])
        } catch {
            return Outcome(diagnostics: [.error("\(error)", at: at)])
        }
        var document = result.document
        guard document.metadata.published else { return Outcome(diagnostics: result.warnings) }
        for category in candidate.categories.reversed() where !document.metadata.categories.contains(category) {
            document.metadata.categories.insert(category, at: 0)
        }
        if candidate.isDraft {
            let stem = (candidate.path as NSString).lastPathComponent
            if document.metadata.slug == nil { document.metadata.slug = String(stem.prefix { $0 != "." }) }
            if document.metadata.date == nil { document.metadata.date = modificationDate(of: file) }
        }
        guard let postDate = document.metadata.date, let slug = document.metadata.slug else {
            return Outcome(diagnostics: result.warnings + [.error("a post needs a date", at: at)])
        }
        let date = postDate.date(in: config.timeZone)
        if date > now && !includeFuture {
            return Outcome(diagnostics: result.warnings)
        }
        var diagnostics = result.warnings
        var permalink = config.permalink
        if let own = document.metadata.permalink {
            do {
                permalink = try Permalink(own)
            } catch var diagnostic as Diagnostic {
                diagnostic.location = at
                return Outcome(diagnostics: diagnostics + [diagnostic])
            } catch {
                return Outcome(diagnostics: diagnostics + [.error("\(error)", at: at)])
            }
        }
        let fields = Permalink.Fields(date: postDate, timeZone: config.timeZone, slug: slug,
                                      categories: document.metadata.categories)
        let url = permalink.url(for: fields)
        guard let outputPath = Permalink.outputPath(for: url) else {
            diagnostics.append(.error("the permalink '\(url)' leads outside the output folder", at: at))
            return Outcome(diagnostics: diagnostics)
        }
        let excerpt: Document
        if let written = document.metadata.excerpt,
           let read = try? pipeline.read(Array(written.utf8), path: candidate.path) {
            excerpt = read.document
        } else {
            excerpt = Excerpt.cut(document, separator: config.excerptSeparator)
        }
        let post = Post(document: document, sourcePath: candidate.path, url: url, outputPath: outputPath, date: date,
                        isDraft: candidate.isDraft, excerpt: excerpt, readingMinutes: ReadingTime.minutes(of: document))
        return Outcome(post: post, diagnostics: diagnostics)
    }

    private func modificationDate(of file: URL) -> PostDate? {
        guard let modified = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.modificationDate] as? Date
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = config.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: modified)
        return PostDate(year: c.year!, month: c.month!, day: c.day!, hour: c.hour!, minute: c.minute!,
                        second: c.second!, utcOffset: config.timeZone.secondsFromGMT(for: modified))
    }

    /// Two posts at one URL (or a post at a page's): the later one in the
    /// sorted order is left out, with an error naming both files.
    private func dropRepeatedURLs(_ posts: inout [Post], pages: [Page]) -> [Diagnostic] {
        var owner: [String: String] = [:]
        for page in pages { owner[page.outputPath] = page.sourcePath }
        var diagnostics: [Diagnostic] = []
        posts.removeAll { post in
            if let first = owner[post.outputPath] {
                diagnostics.append(.error("this post has the same permalink, \(post.url), as \(first)",
                                          at: SourceLocation(path: post.sourcePath, position: .unknown)))
                return true
            }
            owner[post.outputPath] = post.sourcePath
            return false
        }
        return diagnostics
    }
}
