/// How one logical feed is cut into documents (RFC 5005 §4).
///
/// Positions count from the oldest post (0). Archive `k` (from 1) holds
/// positions `(k-1)·size ..< k·size`, and only full blocks are archived,
/// so a new post never moves an old one to another archive: adding posts
/// only ever adds archives. The subscription document holds every
/// position not yet in a full block, and at least the newest `entries`
/// (so it may repeat the newest archive's last entries; readers fold
/// entries by id).
///
/// An archive is as stable as the list of posts older than its last one:
/// deleting a post, re-dating one across others, or changing
/// `archive_size` moves every later post and rewrites the archives from
/// there on, at the same paths.
struct ArchivePlan: Equatable, Sendable {
    /// Each archive's positions, archive 1 first.
    let archives: [Range<Int>]
    /// The subscription document's positions.
    let current: Range<Int>

    init(count: Int, archiveSize: Int, entries: Int) {
        let full = count / archiveSize
        archives = (0..<full).map { $0 * archiveSize ..< ($0 + 1) * archiveSize }
        current = min(full * archiveSize, max(0, count - entries)) ..< count
    }

    /// Whether the subscription document holds everything.
    var isComplete: Bool { archives.isEmpty }
}
