import Dispatch
import Foundation
import PublishAST

/// Runs outputs side by side over one immutable site.
public enum Emitters {
    /// Every emitter at once, each over its own view of the site; what each
    /// reports, in the emitters' order. An emitter that throws is reported
    /// with its name and the others go on.
    ///
    /// Each emitter runs as a task of its own, not as an iteration of
    /// `concurrentPerform`: libdispatch runs a `concurrentPerform` nested
    /// in another one on fewer threads, and the emitters spread their own
    /// work over all cores with it (`Parallel.map`).
    /// Each writes through a handle of `output` scoped to its `name` (its
    /// block under `outputs`), which the build cache records as the maker
    /// of its files.
    public static func run(_ jobs: [(name: String, emitter: any Emitter, site: Site)],
                           into output: OutputFolder) -> [Diagnostic] {
        let emitters = jobs.map(\.emitter)
        let sites = jobs.map(\.site)
        let outputs = jobs.map { output.scoped(to: $0.name) }
        let results = Results(count: jobs.count)
        let group = DispatchGroup()
        for index in jobs.indices {
            DispatchQueue.global().async(group: group) {
                let reported: [Diagnostic]
                do {
                    reported = try emitters[index].emit(sites[index], to: outputs[index])
                } catch let diagnostic as Diagnostic {
                    reported = [diagnostic]
                } catch {
                    reported = [.error("output `\(type(of: emitters[index]).name)` failed: \(error)")]
                }
                results.set(index, reported)
            }
        }
        group.wait()
        return results.all
    }

    /// What each emitter reported, by index, filled from several threads.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [[Diagnostic]]

        init(count: Int) {
            values = Array(repeating: [], count: count)
        }

        func set(_ index: Int, _ diagnostics: [Diagnostic]) {
            lock.lock()
            values[index] = diagnostics
            lock.unlock()
        }

        var all: [Diagnostic] {
            lock.lock()
            defer { lock.unlock() }
            return values.flatMap { $0 }
        }
    }
}
