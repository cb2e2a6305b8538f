import Foundation
import PublishAST
import PublishPipeline

/// `atom`: the site's Atom feed (RFC 4287) with RFC 5005 archives, a feed
/// per category (and, when asked, per tag) with archives of their own, and
/// the same documents as JSON Feed 1.1.
///
/// Each feed is a subscription document (`feed.xml`) and archive documents
/// at fixed paths (`feeds/archive/1.xml`, …) holding fixed blocks of
/// `archive_size` posts counted from the oldest; see `ArchivePlan`. Entry
/// ids follow `EntryID`. Dates are the site's time zone; every document's
/// `updated` is its newest entry's, so a rebuild gives the same bytes.
///
/// An archived post that is edited is rewritten in its archive, which is
/// the one change an archive sees besides gaining `next-archive`. Readers
/// may cache archives for good (RFC 5005 §4), so while such a post's
/// `updated` is later than the publication of the subscription
/// document's oldest entry, it is repeated in the subscription document
/// too, where readers see the change.
///
/// A site with no posts gets no feed: a feed's `updated` would have to be
/// made up, and it must never be the clock.
public struct AtomEmitter: Emitter {
    public static let name = "atom"

    let options: AtomOptions

    public init(options: Settings) throws {
        self.options = try AtomOptions(options)
    }

    /// The site's subscription document, relative to the site root, for
    /// other outputs to announce: `feed.xml`.
    public var path: String { options.path }

    public func emit(_ site: Site, to output: OutputFolder) throws -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let config = site.config
        var address = config.url
        if !address.contains("://") {
            address = "http://localhost"
            diagnostics.append(.warning(
                "the site has no `url` (such as https://example.org), which feeds need for their links and ids; "
                    + "they use \(address) until `url` is set in _config.yml",
                at: SourceLocation(path: "_config.yml", position: .unknown)))
        }
        let dates = FeedDate(timeZone: config.timeZone)
        let authority = options.idAuthority.isEmpty ? EntryID.host(of: address) : options.idAuthority.lowercased()
        let ids = EntryID(authority: authority, dates: dates)
        let root = address + config.baseurl
        var builder = EntryBuilder(site: site, ids: ids, root: root)
        builder.keyed = output.isCaching
        let (entries, entryDiagnostics) = builder.entries()
        diagnostics += entryDiagnostics
        guard let oldest = entries.lazy.compactMap({ $0 }).first else { return diagnostics }
        let feedSite = FeedSite(
            root: root, title: config.title, description: config.description, language: config.language,
            author: config.author ?? Author(name: config.title), dates: dates, ids: ids, oldest: oldest.published)
        let atom = AtomWriter(site: feedSite)
        let json = JSONFeedWriter(site: feedSite)
        let base = output.isCaching ? baseKey(feedSite) : ""
        var jobs: [(document: FeedDocument, isJSON: Bool)] = []
        for feed in FeedCatalog(options: options, site: site, entries: entries).feeds {
            for document in documents(of: feed, entries: entries) {
                for isJSON in options.jsonFeed ? [false, true] : [false] { jobs.append((document, isJSON)) }
            }
        }
        // Every document on all cores; the first failure, in the documents' order, is thrown.
        let failures = Parallel.map(jobs) { document, isJSON -> Error? in
            do {
                let path = document.feed.file(archive: document.archive, json: isJSON)
                try output.put(path, key: self.key(of: document, base: base) + (isJSON ? " json" : " atom")) {
                    isJSON ? json.render(document) : atom.render(document)
                }
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        return diagnostics
    }

    /// What every document is made from besides its feed and entries.
    private func baseKey(_ site: FeedSite) -> String {
        var key = CacheKey("feed")
        key.add(site.root)
        key.add(site.title)
        key.add(site.description)
        key.add(site.language)
        key.add(site.author.name)
        key.add(site.author.email)
        key.add(site.author.url)
        key.add(site.oldest)
        key.add(site.ids.authority)
        key.add("\(options)")
        return key.value
    }

    /// What one document is made from: its place in its feed and its entries.
    private func key(of document: FeedDocument, base: String) -> String {
        var key = CacheKey("feed document")
        key.add(base)
        key.add(document.feed.name)
        key.add(document.feed.title)
        key.add(document.feed.path)
        key.add(document.feed.archiveFolder)
        key.add("\(document.feed.style)")
        for number in [document.archive, document.previousArchive, document.nextArchive] { key.add(number ?? -1) }
        key.add(document.isComplete)
        key.add(document.entries.map(\.key))
        return key.value
    }

    /// The archives of `feed`, then its subscription document.
    func documents(of feed: LogicalFeed, entries: [FeedEntry?]) -> [FeedDocument] {
        let plan = ArchivePlan(count: feed.posts.count, archiveSize: options.archiveSize, entries: options.entries)
        let entry = { (position: Int) in entries[feed.posts[position]]! }
        var documents = plan.archives.enumerated().map { index, positions in
            FeedDocument(feed: feed, archive: index + 1, previousArchive: index > 0 ? index : nil,
                         nextArchive: index + 1 < plan.archives.count ? index + 2 : nil, isComplete: false,
                         entries: positions.reversed().map(entry))
        }
        var positions = Array(plan.current)
        if let first = plan.current.first {
            let since = entry(first).published
            positions += (0..<first).filter { entry($0).updated > since }
        }
        documents.append(FeedDocument(
            feed: feed, archive: nil, previousArchive: plan.archives.isEmpty ? nil : plan.archives.count,
            nextArchive: nil, isComplete: plan.isComplete && feed.style.markComplete,
            entries: positions.sorted(by: >).map(entry)))
        return documents
    }
}
