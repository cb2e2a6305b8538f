import Foundation
import PublishAST
import PublishLiquid
import PublishReader

/// Reads a site folder into a `Site`: finds the posts, reads and stages
/// each on all cores, drops what should not be published, and works out
/// every URL once. A post that cannot be read is reported and left out;
/// the others are still loaded.
///
/// With a `cache`, a post file whose bytes the last build read is not
/// parsed: the site gets it from the cache, with its tree read only when
/// an output asks for it. A file holding Liquid is taken from the cache
/// only while everything its Liquid can look up is the same; drafts are
/// always read.
public struct SiteLoader: Sendable {
    public var source: URL
    public var config: SiteConfig
    public var pipeline: MarkdownPipeline
    public var includeDrafts = false
    public var includeFuture = false
    /// Posts dated after this are left out unless `includeFuture`.
    public var now: Date
    /// Where post files read by the last build are recalled from, and this
    /// build's are recorded.
    public var cache: BuildCache?

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
        let table = LoadTable()
        var posts = Parallel.map(found.candidates) { firstRead($0, links: table) }
        var pages = Parallel.map(found.pages) { readPage($0, liquid: nil) }
        var templatePages: [TemplatePage] = []
        var templateDiagnostics: [Diagnostic] = []
        for path in found.templatePages {
            guard let data = readSafely(path) else {
                templateDiagnostics.append(.warning("the file is a link to a file outside the site, so it is not read",
                                                    at: SourceLocation(path: path, position: .unknown)))
                continue
            }
            do {
                templatePages.append(try TemplatePage(path: path, contents: String(decoding: data, as: UTF8.self)))
            } catch let diagnostic as Diagnostic {
                templateDiagnostics.append(diagnostic)
            } catch {
                templateDiagnostics.append(.error("\(error)", at: SourceLocation(path: path, position: .unknown)))
            }
        }
        var themeFolder: URL?
        if let name = config.values["theme"]?.scalarText, !name.isEmpty {
            themeFolder = ThemeGem.find(name)
            if themeFolder == nil {
                templateDiagnostics.append(.warning(
                    "the theme \(name) is not installed where Ruby would find it, so the built-in theme is used; "
                        + "install its gem (Debian packages some as jekyll-theme-\(name)) or copy its _layouts and _includes into the site",
                    at: SourceLocation(path: "_config.yml", position: .unknown)))
            }
        }
        let dataFolder = config.values["data_dir"]?.scalarText ?? "_data"
        let data = SiteData.read(folder: dataFolder, in: source)
        templateDiagnostics += data.diagnostics
        let liquid = makeLiquid(posts: posts.compactMap(\.item), pages: pages.compactMap(\.item),
                                templatePages: templatePages, staticFiles: found.staticFiles, data: data.data,
                                theme: themeFolder)
        table.set(liquid)
        let liquidKey = liquid.cacheKey
        for index in posts.indices where posts[index].usesLiquid && posts[index].recalled {
            if posts[index].record?.liquidKey == liquidKey {
                cache?.remember(posts[index].record!, recalled: true)
            } else {
                posts[index].recalled = false
            }
        }
        let firstPass = posts
        let again = Parallel.map(posts.indices.filter { posts[$0].usesLiquid && !posts[$0].recalled }) { index in
            var outcome = dated(readPost(found.candidates[index], liquid: liquid, bytes: firstPass[index].bytes))
            if let cache, let hash = firstPass[index].fileHash {
                if var record = makeRecord(of: outcome, path: found.candidates[index].path, fileHash: hash) {
                    record.liquidKey = liquidKey
                    cache.remember(record, recalled: false)
                    outcome.record = record
                } else {
                    cache.countParsed()
                }
            }
            return (index, outcome)
        }
        for (index, outcome) in again { posts[index] = outcome }
        let readPosts = posts.compactMap(\.item).sorted { ($0.date, $0.sourcePath) < ($1.date, $1.sourcePath) }
        // Collections' documents, read like pages once the posts are known;
        // then the pages' own Liquid, which sees posts and collections both.
        let documentLiquid = liquid.withPosts(readPosts, pages: pages.compactMap(\.item), config: config)
        var collections: [(label: String, output: Bool, documents: [Page])] = []
        for collection in config.collections {
            let read = Parallel.map(documents(of: collection)) { readPage($0, liquid: documentLiquid, collection: collection) }
            templateDiagnostics += read.flatMap(\.diagnostics)
            collections.append((collection.label, collection.output, read.compactMap(\.item)))
        }
        let pageLiquid = collections.isEmpty ? documentLiquid
            : liquid.withPosts(readPosts, pages: pages.compactMap(\.item), collections: collections, config: config)
        let pagesAgain = Parallel.map(pages.indices.filter { pages[$0].usesLiquid }) { index in
            (index, readPage(found.pages[index], liquid: pageLiquid))
        }
        for (index, outcome) in pagesAgain { pages[index] = outcome }

        var diagnostics = found.warnings + posts.flatMap(\.diagnostics) + pages.flatMap(\.diagnostics) + templateDiagnostics
        var records: [String: (record: PostRecord, recalled: Bool)] = [:]
        for index in posts.indices {
            posts[index].bytes = nil
            if let record = posts[index].record { records[record.sourcePath] = (record, posts[index].recalled) }
        }
        var loaded = posts.compactMap(\.item).sorted { ($0.date, $0.sourcePath) < ($1.date, $1.sourcePath) }
        var loadedPages = pages.compactMap(\.item)
        var leftOut = posts.indices.filter { posts[$0].item == nil && posts[$0].diagnostics.contains { $0.severity == .error } }
            .map { found.candidates[$0].path }
        let beforeDropping = Set(loaded.map(\.sourcePath))
        diagnostics += dropRepeatedURLs(&loaded, pages: loadedPages)
        leftOut += beforeDropping.subtracting(loaded.map(\.sourcePath)).sorted()
        let links = PostLinks(posts: loaded, pages: loadedPages, staticFiles: found.staticFiles, baseurl: config.baseurl)
        table.set(links)
        // Recalled posts get their keys from their records; the others have
        // their links resolved (and, when caching without a record, their
        // trees hashed) on all cores. Diagnostics keep the posts' order.
        var postDiagnostics = Array(repeating: [Diagnostic](), count: loaded.count)
        var toResolve: [Int] = []
        for index in loaded.indices {
            let path = loaded[index].sourcePath
            if let (record, recalled) = records[path] {
                // The keys say which URLs the links lead to, so a post is
                // rendered again when a post it links to moves.
                let resolved = record.links.map { links.lookUp($0.file, from: path) }
                loaded[index].contentKey = record.contentKey(resolved: resolved)
                loaded[index].excerptKey = record.excerptKey(resolved: resolved)
                if recalled {
                    for (link, url) in zip(record.links, resolved) where link.inDocument && url == nil {
                        postDiagnostics[index].append(PostLinks.unknown(link.file, at: link.location))
                    }
                    continue
                }
            }
            toResolve.append(index)
        }
        let unresolved = loaded
        let hashed = Set(toResolve.filter { cache != nil && records[unresolved[$0].sourcePath] == nil })
        let resolvedPosts = Parallel.map(toResolve) { index in
            var post = unresolved[index]
            let found = links.resolve(in: &post.document, path: post.sourcePath)
            _ = links.resolve(in: &post.excerpt, path: post.sourcePath)
            if hashed.contains(index) {
                post.contentKey = ContentHash.hex(post.document.jsonBytes())
                post.excerptKey = ContentHash.hex(post.excerpt.jsonBytes())
            }
            return (post, found)
        }
        for (index, (post, found)) in zip(toResolve, resolvedPosts) {
            loaded[index] = post
            postDiagnostics[index] = found
        }
        diagnostics += postDiagnostics.joined()
        for index in loadedPages.indices {
            diagnostics += links.resolve(in: &loadedPages[index].document, path: loadedPages[index].sourcePath)
        }
        var site = Site(config: config, posts: loaded, pages: loadedPages, staticFiles: found.staticFiles, source: source)
        // A site that does not name its language is in the one its posts are
        // titled in: a Chinese blog is not labelled English. Titles and
        // descriptions are at hand even for posts the cache recalls.
        if !config.languageIsDeclared, !loaded.isEmpty {
            let texts = loaded.lazy.flatMap { [$0.metadata.title ?? "", $0.metadata.description ?? ""] }
            site.config.language = TextScript.of(texts).language ?? config.language
        }
        site.liquid = liquid
        site.templatePages = templatePages
        site.collections = collections
        site.leftOut = leftOut
        for plugin in config.plugins where !SiteConfig.knownPlugins.contains(plugin) {
            diagnostics.append(.warning("publish has no plugin \(plugin), so the site is built without it",
                                        at: SourceLocation(path: "_config.yml", position: .unknown)))
        }
        site.sassFiles = found.sassFiles
        if let layouts = LayoutFile.readFolder(config.liquid.layoutsFolder, in: source) {
            site.layouts = layouts.layouts
            diagnostics += layouts.diagnostics
        }
        if let theme = themeFolder {
            // The theme's layouts and assets, where the site has none of its own.
            site.themeFolder = theme
            if let themed = LayoutFile.readFolder("_layouts", in: theme) {
                var layouts = site.layouts ?? [:]
                for (name, var file) in themed.layouts where layouts[name] == nil {
                    file.path = theme.path + "/" + file.path
                    layouts[name] = file
                }
                site.layouts = layouts
                diagnostics += themed.diagnostics
            }
            let assets = theme.appendingPathComponent("assets")
            for file in (FileManager.default.subpaths(atPath: assets.path) ?? []).sorted() {
                let relative = "assets/" + file
                var isFolder: ObjCBool = false
                guard !file.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                      FileManager.default.fileExists(atPath: theme.appendingPathComponent(relative).path, isDirectory: &isFolder),
                      !isFolder.boolValue, !FileManager.default.fileExists(atPath: source.appendingPathComponent(relative).path)
                else { continue }
                let isSass = ["scss", "sass"].contains((file as NSString).pathExtension.lowercased())
                    && (FileManager.default.contents(atPath: theme.appendingPathComponent(relative).path)
                        .map { $0.starts(with: Array("---".utf8)) } ?? false)
                let css = (relative as NSString).deletingPathExtension + ".css"
                if isSass, !FileManager.default.fileExists(atPath: source.appendingPathComponent(css).path) {
                    site.themeSassFiles.append(relative)
                } else if !isSass {
                    site.themeStaticFiles.append(relative)
                }
            }
        }
        return (site, diagnostics)
    }

    /// What reading one file gave: the post or page, or only diagnostics.
    private struct Outcome<Item: Sendable>: Sendable {
        var item: Item?
        var diagnostics: [Diagnostic]
        /// Whether the file holds `{%` or `{{`, so it is read again with Liquid.
        var usesLiquid = false
        /// `published: false`: read, but no post.
        var unpublished = false
        /// What the cache keeps of the file, when it keeps it.
        var record: PostRecord?
        /// Whether the post came from the cache instead of being parsed.
        var recalled = false
        /// A file holding Liquid, kept for its second reading, and its hash
        /// when the build has a cache.
        var bytes: [UInt8]?
        var fileHash: String?
    }

    /// Reads a post file the first time, without Liquid: from the cache
    /// when it knows the file's bytes, else parsed (and then recorded).
    private func firstRead(_ candidate: PostFinder.Candidate, links: LoadTable) -> Outcome<Post> {
        guard let cache, !candidate.isDraft,
              let data = FileManager.default.contents(atPath: source.path + "/" + candidate.path) else {
            cache?.countParsed()
            return dated(readPost(candidate, liquid: nil))
        }
        let bytes = Array(data)
        let hash = ContentHash.hex(bytes)
        if SiteLiquid.appears(in: bytes) {
            // Whether the record is still good is known once every URL is:
            // `load` checks its `liquidKey`, and reads the file again if not.
            if let record = cache.record(for: candidate.path, fileHash: hash), !record.liquidKey.isEmpty,
               var outcome = recall(record, candidate: candidate, links: links) {
                outcome.usesLiquid = true
                outcome.bytes = bytes
                outcome.fileHash = hash
                return dated(outcome)
            }
            var outcome = dated(readPost(candidate, liquid: nil, bytes: bytes))
            outcome.bytes = bytes
            outcome.fileHash = hash
            return outcome
        }
        if let record = cache.record(for: candidate.path, fileHash: hash),
           let outcome = recall(record, candidate: candidate, links: links) {
            cache.remember(record, recalled: true)
            return dated(outcome)
        }
        var outcome = readPost(candidate, liquid: nil, bytes: bytes)
        if let record = makeRecord(of: outcome, path: candidate.path, fileHash: hash) {
            cache.remember(record, recalled: false)
            outcome.record = record
        } else {
            cache.countParsed()
        }
        return dated(outcome)
    }

    /// Leaves out a post dated after `now`, unless future posts are wanted.
    private func dated(_ outcome: Outcome<Post>) -> Outcome<Post> {
        var outcome = outcome
        if let post = outcome.item, post.date > now, !includeFuture { outcome.item = nil }
        return outcome
    }

    /// What the cache keeps of a post just read; nil when it must not keep
    /// it: an error was reported, or its trees would not read back the same.
    private func makeRecord(of outcome: Outcome<Post>, path: String, fileHash: String) -> PostRecord? {
        guard !outcome.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        var record = PostRecord(sourcePath: path, fileHash: fileHash, unpublished: outcome.unpublished)
        record.diagnostics = outcome.diagnostics
        if outcome.unpublished { return record }
        guard let post = outcome.item else { return nil }
        let metadata = Document(metadata: post.metadata).jsonBytes()
        let excerpt = post.excerpt.jsonBytes()
        guard (try? Document(json: metadata))?.metadata == post.metadata,
              (try? Document(json: excerpt)) == post.excerpt else { return nil }
        record.url = post.url
        record.outputPath = post.outputPath
        record.date = post.date
        record.readingMinutes = post.readingMinutes
        record.metadataJSON = metadata
        record.excerptJSON = excerpt
        record.links = PostLinks.references(in: post.document).map {
            PostRecord.Link(file: $0.file, location: $0.location, inDocument: true)
        } + PostLinks.references(in: post.excerpt).map {
            PostRecord.Link(file: $0.file, location: $0.location, inDocument: false)
        }
        return record
    }

    /// The post the cache recorded, its tree to be read again (and its
    /// links resolved with `links`) only when an output asks for it.
    private func recall(_ record: PostRecord, candidate: PostFinder.Candidate, links: LoadTable) -> Outcome<Post>? {
        guard !record.unpublished else {
            return Outcome(diagnostics: record.diagnostics, unpublished: true, record: record, recalled: true)
        }
        guard let metadata = (try? Document(json: record.metadataJSON))?.metadata else { return nil }
        let path = candidate.path
        let usesLiquid = !record.liquidKey.isEmpty
        let body = Lazy<PostBody> { [self] in
            let read = readPost(candidate, liquid: usesLiquid ? links.liquid : nil)
            var document = read.item?.document ?? Document(path: path, metadata: metadata)
            _ = links.links.resolve(in: &document, path: path)
            return PostBody(document: document, source: read.item?.source ?? .empty)
        }
        let excerpt = Lazy<Document> {
            var excerpt = (try? Document(json: record.excerptJSON)) ?? Document(path: path, metadata: metadata)
            _ = links.links.resolve(in: &excerpt, path: path)
            return excerpt
        }
        let post = Post(metadata: metadata, sourcePath: path, url: record.url, outputPath: record.outputPath,
                        date: record.date, isDraft: false, readingMinutes: record.readingMinutes, contentKey: "",
                        excerptKey: "", body: body, excerpt: excerpt)
        return Outcome(item: post, diagnostics: record.diagnostics, record: record, recalled: true)
    }

    /// Reads and stages one file (whose `bytes` may be at hand), expanding
    /// Liquid when `liquid` is given. Without it, a file that holds Liquid
    /// is read for its front matter alone: that is the first reading, and
    /// the file is read whole again once every URL its Liquid may name is
    /// known.
    private func readFile(_ path: String, liquid: SiteLiquid?, bytes: [UInt8]? = nil) -> Outcome<MarkdownReader.Result> {
        let at = SourceLocation(path: path, position: .unknown)
        guard let bytes = bytes ?? FileManager.default.contents(atPath: source.path + "/" + path).map(Array.init)
        else {
            return Outcome(diagnostics: [.error("cannot read the file", at: at)])
        }
        let usesLiquid = SiteLiquid.appears(in: bytes)
        do {
            var filter: MarkdownReader.BodyFilter?
            if let liquid {
                filter = { body, firstLine, metadata in
                    // Jekyll 4's switch for a file whose braces are not Liquid.
                    if metadata.extra["render_with_liquid"] == .bool(false) { return (body: String(body), diagnostics: []) }
                    let expanded = try liquid.expand(body, page: liquid.pageVariables(metadata, path: path), path: path,
                                                     firstLine: firstLine)
                    return (body: expanded.0, diagnostics: expanded.1)
                }
            } else if usesLiquid {
                filter = { _, _, _ in (body: "", diagnostics: []) }
            }
            let result = try pipeline.read(bytes, path: path, filter: filter)
            return Outcome(item: result, diagnostics: result.warnings, usesLiquid: usesLiquid)
        } catch let diagnostic as Diagnostic {
            return Outcome(diagnostics: [diagnostic], usesLiquid: usesLiquid)
        } catch {
            return Outcome(diagnostics: [.error("\(error)", at: at)], usesLiquid: usesLiquid)
        }
    }

    private func readPage(_ path: String, liquid: SiteLiquid?, collection: SiteConfig.Collection? = nil) -> Outcome<Page> {
        let read = readFile(path, liquid: liquid)
        var outcome = Outcome<Page>(diagnostics: read.diagnostics, usesLiquid: read.usesLiquid)
        guard let result = read.item, result.document.metadata.published else { return outcome }
        let stem = path.split(separator: ".").dropLast().joined(separator: ".")
        let url = Permalink.escapePath(result.document.metadata.permalink
            ?? collection.map { Self.documentURL(stem: stem, collection: $0, slug: result.document.metadata.slug) }
            ?? Self.pageURL(stem: stem, style: config.permalink))
        guard let outputPath = Permalink.outputPath(for: url) else {
            outcome.diagnostics.append(.error("the permalink '\(url)' leads outside the output folder",
                                              at: Site.permalinkLocation(of: path, in: source)))
            return outcome
        }
        outcome.item = Page(document: result.document, sourcePath: path, url: url, outputPath: outputPath,
                            source: result.source)
        return outcome
    }

    /// A collection document's URL from its collection's pattern: `:collection`,
    /// `:path` (below the collection's folder, no extension), `:name`,
    /// `:title` (the slug), `:output_ext` (`.html`).
    static func documentURL(stem: String, collection: SiteConfig.Collection, slug: String?) -> String {
        let folder = "_" + collection.label + "/"
        let below = stem.hasPrefix(folder) ? String(stem.dropFirst(folder.count)) : stem
        let name = (below as NSString).lastPathComponent
        var url = collection.permalink
        for (key, value) in [(":collection", collection.label), (":path", below), (":name", name),
                             (":title", slug ?? name), (":output_ext", ".html")] {
            url = url.replacingOccurrences(of: key, with: value)
        }
        return url.hasPrefix("/") ? url : "/" + url
    }

    /// The Markdown documents (with front matter) below `_LABEL`, by path
    /// from the site folder; none that leads outside the site.
    private func documents(of collection: SiteConfig.Collection) -> [String] {
        let folder = "_" + collection.label
        let root = source.resolvingSymlinksInPath().path
        return (FileManager.default.subpaths(atPath: source.appendingPathComponent(folder).path) ?? []).sorted().compactMap { file in
            let path = folder + "/" + file
            let ext = (file as NSString).pathExtension.lowercased()
            guard PostFileName.markdownExtensions.contains(ext), !file.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                  let resolved = SiteBoundary.resolve(source.appendingPathComponent(path), inside: root),
                  let handle = FileHandle(forReadingAtPath: resolved) else { return nil }
            defer { try? handle.close() }
            return handle.readData(ofLength: 4).starts(with: Array("---".utf8)) ? path : nil
        }
    }

    /// A Markdown page's URL without a `permalink:`, as Jekyll makes it: an
    /// `index` serves its folder; others end in `/` when the site's
    /// permalinks do (`pretty`), else in `.html`.
    static func pageURL(stem: String, style: Permalink) -> String {
        let name = (stem as NSString).lastPathComponent
        let folder = (stem as NSString).deletingLastPathComponent
        if name == "index" { return "/" + (folder.isEmpty ? "" : folder + "/") }
        return "/" + stem + (style.pattern.hasSuffix("/") ? "/" : ".html")
    }

    /// Reads one post file, whatever its date (see `dated`).
    private func readPost(_ candidate: PostFinder.Candidate, liquid: SiteLiquid?, bytes: [UInt8]? = nil) -> Outcome<Post> {
        let read = readFile(candidate.path, liquid: liquid, bytes: bytes)
        var outcome = Outcome<Post>(diagnostics: read.diagnostics, usesLiquid: read.usesLiquid)
        let at = SourceLocation(path: candidate.path, position: .unknown)
        let file = source.appendingPathComponent(candidate.path)
        guard let result = read.item else { return outcome }
        guard result.document.metadata.published else {
            outcome.unpublished = true
            return outcome
        }
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
        var permalink = config.permalink
        if let own = document.metadata.permalink {
            do {
                permalink = try Permalink(own)
            } catch var diagnostic as Diagnostic {
                diagnostic.location = Site.permalinkLocation(of: candidate.path, in: source)
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
            outcome.diagnostics.append(.error("the permalink '\(url)' leads outside the output folder",
                                              at: Site.permalinkLocation(of: candidate.path, in: source)))
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
                            readingMinutes: ReadingTime.minutes(of: document), source: result.source,
                            contentKey: "", excerptKey: "")
        return outcome
    }

    /// A file of the site, unless it is a link that leads outside the site.
    private func readSafely(_ path: String) -> Data? {
        guard let file = SiteBoundary.resolve(source.appendingPathComponent(path),
                                              inside: source.resolvingSymlinksInPath().path) else { return nil }
        return FileManager.default.contents(atPath: file)
    }

    /// The Liquid context of this site: its settings and every URL.
    private func makeLiquid(posts: [Post], pages: [Page], templatePages: [TemplatePage], staticFiles: [String],
                            data: Value, theme: URL?) -> SiteLiquid {
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
        for page in templatePages { byPath[page.sourcePath] = config.relativeURL(page.url) }
        // `{% link %}` names static files too: `{% link assets/paper.pdf %}`.
        for file in staticFiles { byPath[file] = config.relativeURL("/" + Permalink.escapePath(file)) }
        return SiteLiquid(config: config, source: source, posts: byName, files: byPath, markdown: pipeline, data: data,
                          theme: theme)
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
                                          at: Site.permalinkLocation(of: post.sourcePath, in: source)))
                return true
            }
            owner[post.outputPath] = post.sourcePath
            return false
        }
        return diagnostics
    }
}

/// What the posts recalled from the cache need to be read again, known
/// once every post is: the site's `PostLinks` and its Liquid context.
final class LoadTable: @unchecked Sendable {
    private let lock = NSLock()
    private var storedLinks: PostLinks?
    private var storedLiquid: SiteLiquid?

    func set(_ links: PostLinks) {
        lock.lock()
        storedLinks = links
        lock.unlock()
    }

    func set(_ liquid: SiteLiquid) {
        lock.lock()
        storedLiquid = liquid
        lock.unlock()
    }

    var links: PostLinks {
        lock.lock()
        defer { lock.unlock() }
        return storedLinks!
    }

    var liquid: SiteLiquid {
        lock.lock()
        defer { lock.unlock() }
        return storedLiquid!
    }
}
