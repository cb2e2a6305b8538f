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
        let found = PostFinder(source: source, excluded: Set(config.exclude), included: Set(config.include),
                               postsFolder: config.postsFolder, draftsFolder: config.draftsFolder)
            .find(drafts: includeDrafts)
        // Jekyll expands Liquid before Markdown, and `{% post_url %}` needs
        // every URL: read everything once, then read again the files that
        // hold Liquid, now that the URLs are known.
        var posts = Parallel.map(found.candidates) { readPost($0, liquid: nil) }
        var pages = Parallel.map(found.pages) { readPage($0, liquid: nil) }
        let liquid = makeLiquid(posts: posts.compactMap(\.item), pages: pages.compactMap(\.item),
                                staticFiles: found.staticFiles)
        let again = Parallel.map(posts.indices.filter { posts[$0].usesLiquid }) { index in
            (index, readPost(found.candidates[index], liquid: liquid))
        }
        for (index, outcome) in again { posts[index] = outcome }
        let pagesAgain = Parallel.map(pages.indices.filter { pages[$0].usesLiquid }) { index in
            (index, readPage(found.pages[index], liquid: liquid))
        }
        for (index, outcome) in pagesAgain { pages[index] = outcome }

        var diagnostics = found.warnings + posts.flatMap(\.diagnostics) + pages.flatMap(\.diagnostics)
        var loaded = posts.compactMap(\.item).sorted { ($0.date, $0.sourcePath) < ($1.date, $1.sourcePath) }
        var loadedPages = pages.compactMap(\.item)
        diagnostics += dropRepeatedURLs(&loaded, pages: loadedPages)
        let links = PostLinks(posts: loaded, pages: loadedPages, baseurl: config.baseurl)
        for index in loaded.indices {
            diagnostics += links.resolve(in: &loaded[index].document, path: loaded[index].sourcePath)
            _ = links.resolve(in: &loaded[index].excerpt, path: loaded[index].sourcePath)
        }
        for index in loadedPages.indices {
            diagnostics += links.resolve(in: &loadedPages[index].document, path: loadedPages[index].sourcePath)
        }
        return (Site(config: config, posts: loaded, pages: loadedPages, staticFiles: found.staticFiles, source: source),
                diagnostics)
    }

    /// What reading one file gave: the post or page, or only diagnostics.
    private struct Outcome<Item: Sendable>: Sendable {
        var item: Item?
        var diagnostics: [Diagnostic]
        /// Whether the file holds `{%` or `{{`, so it is read again with Liquid.
        var usesLiquid = false
    }

    /// Reads and stages one file, expanding Liquid when `liquid` is given.
    private func readFile(_ path: String, liquid: Liquid?) -> Outcome<MarkdownReader.Result> {
        let at = SourceLocation(path: path, position: .unknown)
        guard let data = FileManager.default.contents(atPath: source.appendingPathComponent(path).path) else {
            return Outcome(diagnostics: [.error("cannot read the file", at: at)])
        }
        let bytes = Array(data)
        let usesLiquid = Liquid.appears(in: bytes)
        do {
            var filter: MarkdownReader.BodyFilter?
            if let liquid {
                filter = { body, firstLine, metadata in
                    let expanded = liquid.expand(body, page: liquid.pageVariables(metadata, path: path), path: path,
                                                 firstLine: firstLine)
                    return (body: expanded.0, diagnostics: expanded.1)
                }
            }
            let result = try pipeline.read(bytes, path: path, filter: filter)
            return Outcome(item: result, diagnostics: result.warnings, usesLiquid: usesLiquid)
        } catch let diagnostic as Diagnostic {
            return Outcome(diagnostics: [diagnostic], usesLiquid: usesLiquid)
        } catch {
            return Outcome(diagnostics: [.error("\(error)", at: at)], usesLiquid: usesLiquid)
        }
    }

    private func readPage(_ path: String, liquid: Liquid?) -> Outcome<Page> {
        let read = readFile(path, liquid: liquid)
        var outcome = Outcome<Page>(diagnostics: read.diagnostics, usesLiquid: read.usesLiquid)
        guard let result = read.item, result.document.metadata.published else { return outcome }
        let stem = path.split(separator: ".").dropLast().joined(separator: ".")
        let url = Permalink.escapePath(result.document.metadata.permalink ?? "/" + stem + ".html")
        guard let outputPath = Permalink.outputPath(for: url) else {
            outcome.diagnostics.append(.error("the permalink '\(url)' leads outside the output folder",
                                              at: SourceLocation(path: path, position: .unknown)))
            return outcome
        }
        outcome.item = Page(document: result.document, sourcePath: path, url: url, outputPath: outputPath,
                            source: result.source)
        return outcome
    }

    private func readPost(_ candidate: PostFinder.Candidate, liquid: Liquid?) -> Outcome<Post> {
        let read = readFile(candidate.path, liquid: liquid)
        var outcome = Outcome<Post>(diagnostics: read.diagnostics, usesLiquid: read.usesLiquid)
        let at = SourceLocation(path: candidate.path, position: .unknown)
        let file = source.appendingPathComponent(candidate.path)
        guard let result = read.item, result.document.metadata.published else { return outcome }
        var document = result.document
        for category in candidate.categories.reversed() where !document.metadata.categories.contains(category) {
            document.metadata.categories.insert(category, at: 0)
        }
        if candidate.isDraft {
            let stem = (candidate.path as NSString).lastPathComponent
            if document.metadata.slug == nil { document.metadata.slug = String(stem.prefix { $0 != "." }) }
            if document.metadata.date == nil { document.metadata.date = modificationDate(of: file) }
        }
        guard let postDate = document.metadata.date, let slug = document.metadata.slug else {
            outcome.diagnostics.append(.error("a post needs a date", at: at))
            return outcome
        }
        let date = postDate.date(in: config.timeZone)
        guard date <= now || includeFuture else { return outcome }
        var permalink = config.permalink
        if let own = document.metadata.permalink {
            do {
                permalink = try Permalink(own)
            } catch var diagnostic as Diagnostic {
                diagnostic.location = at
                outcome.diagnostics.append(diagnostic)
                return outcome
            } catch {
                outcome.diagnostics.append(.error("\(error)", at: at))
                return outcome
            }
        }
        let fields = Permalink.Fields(date: postDate, timeZone: config.timeZone, slug: slug,
                                      categories: document.metadata.categories)
        let url = permalink.url(for: fields)
        guard let outputPath = Permalink.outputPath(for: url) else {
            outcome.diagnostics.append(.error("the permalink '\(url)' leads outside the output folder", at: at))
            return outcome
        }
        let excerpt: Document
        if let written = document.metadata.excerpt,
           let read = try? pipeline.read(Array(written.utf8), path: candidate.path) {
            excerpt = read.document
        } else {
            excerpt = Excerpt.cut(document, separator: config.excerptSeparator)
        }
        outcome.item = Post(document: document, sourcePath: candidate.path, url: url, outputPath: outputPath, date: date,
                            isDraft: candidate.isDraft, excerpt: excerpt,
                            readingMinutes: ReadingTime.minutes(of: document), source: result.source)
        return outcome
    }

    /// The Liquid context of this site: its settings and every URL.
    private func makeLiquid(posts: [Post], pages: [Page], staticFiles: [String]) -> Liquid {
        var site = config.variables
        site.merge([
            "title": config.title, "description": config.description, "url": config.url, "baseurl": config.baseurl,
            "lang": config.language, "timezone": config.timeZone.identifier,
        ]) { _, known in known }
        if let author = config.author { site["author"] = author.name }
        var byName: [String: String] = [:], byPath: [String: String] = [:]
        for post in posts {
            let url = config.relativeURL(post.url)
            byPath[post.sourcePath] = url
            let name = (post.sourcePath as NSString).lastPathComponent
            let stem = String(name.prefix { $0 != "." })
            byName[stem] = url
            if let below = post.sourcePath.range(of: "_posts/") {
                byName[String(post.sourcePath[below.upperBound...].prefix { $0 != "." })] = url
            }
        }
        for page in pages { byPath[page.sourcePath] = config.relativeURL(page.url) }
        // `{% link %}` names static files too: `{% link assets/paper.pdf %}`.
        for file in staticFiles { byPath[file] = config.relativeURL("/" + Permalink.escapePath(file)) }
        return Liquid(site: site, posts: byName, files: byPath, baseurl: config.baseurl, siteURL: config.url)
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
