import PublishAST

/// Runs outputs side by side over one immutable site.
public enum Emitters {
    /// Every emitter at once; what each reports, in the emitters' order. An
    /// emitter that throws is reported with its name and the others go on.
    public static func run(_ emitters: [any Emitter], over site: Site, into output: OutputFolder) -> [Diagnostic] {
        Parallel.map(emitters.indices.map { $0 }) { index -> [Diagnostic] in
            do {
                return try emitters[index].emit(site, to: output)
            } catch let diagnostic as Diagnostic {
                return [diagnostic]
            } catch {
                return [.error("output `\(type(of: emitters[index]).name)` failed: \(error)")]
            }
        }.flatMap { $0 }
    }
}
