import Foundation

/// Partials parsed once and shared by every render of an environment, on
/// any thread: a site's `_includes` file is parsed once per build, not once
/// per page. A file that does not parse is not kept, so each page that
/// includes it reports the error.
public final class PartialStore: @unchecked Sendable {
    // The lock guards `templates`; parsed templates are immutable.
    private let lock = NSLock()
    private var templates: [String: Template] = [:]

    public init() {}

    func template(_ key: String) -> Template? {
        lock.lock()
        defer { lock.unlock() }
        return templates[key]
    }

    func keep(_ template: Template, as key: String) {
        lock.lock()
        templates[key] = template
        lock.unlock()
    }
}
