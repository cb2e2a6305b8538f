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
        timed(jobs, into: output).diagnostics
    }

    /// `run`, also giving how long each job took, in seconds, in the jobs'
    /// order: `--verbose` prints them, since the outputs run side by side
    /// and the time of the whole says little about which one is slow.
    public static func timed(_ jobs: [(name: String, emitter: any Emitter, site: Site)],
                             into output: OutputFolder) -> (diagnostics: [Diagnostic], seconds: [Double]) {
        let emitters = jobs.map(\.emitter)
        let sites = jobs.map(\.site)
        let outputs = jobs.map { output.scoped(to: $0.name) }
        let results = Results(count: jobs.count)
        let group = DispatchGroup()
        for index in jobs.indices {
            DispatchQueue.global().async(group: group) {
                let started = DispatchTime.now().uptimeNanoseconds
                defer { results.setTime(index, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9) }
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
        return (results.all, results.seconds)
    }

    /// What each emitter reported, by index, filled from several threads.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [[Diagnostic]]
        private var times: [Double]

        init(count: Int) {
            values = Array(repeating: [], count: count)
            times = Array(repeating: 0, count: count)
        }

        func setTime(_ index: Int, _ seconds: Double) {
            lock.lock()
            times[index] = seconds
            lock.unlock()
        }

        var seconds: [Double] {
            lock.lock()
            defer { lock.unlock() }
            return times
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
