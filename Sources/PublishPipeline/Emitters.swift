import PublishAST

/// Runs outputs side by side over one immutable site.
public enum Emitters {
    /// Every emitter at once, each over its own view of the site; what each
    /// reports, in the emitters' order. An emitter that throws is reported
    /// with its name and the others go on.
    public static func run(_ jobs: [(emitter: any Emitter, site: Site)], into output: OutputFolder) -> [Diagnostic] {
        let emitters = jobs.map(\.emitter)
        let sites = jobs.map(\.site)
        return Parallel.map(emitters.indices.map { $0 }) { index -> [Diagnostic] in
            do {
                return try emitters[index].emit(sites[index], to: output)
            } catch let diagnostic as Diagnostic {
                return [diagnostic]
            } catch {
                return [.error("output `\(type(of: emitters[index]).name)` failed: \(error)")]
            }
        }.flatMap { $0 }
    }
}
