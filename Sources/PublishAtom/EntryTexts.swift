import Foundation

/// Entry texts by entry id and content style, shared by the threads that
/// write a build's feed documents.
final class EntryTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [FeedStyle.Content: [String: String]] = [:]

    func text(of id: String, content: FeedStyle.Content, _ make: () -> String) -> String {
        lock.lock()
        if let text = texts[content]?[id] {
            lock.unlock()
            return text
        }
        lock.unlock()
        let text = make()
        lock.lock()
        texts[content, default: [:]][id] = text
        lock.unlock()
        return text
    }
}
