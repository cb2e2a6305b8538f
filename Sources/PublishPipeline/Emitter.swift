import PublishAST

/// One output format. It reads the loaded site and writes its files into
/// the output folder it is given; it never touches the disk elsewhere.
/// Registered by name in `EmitterRegistry`; a pipeline file's `outputs`
/// section enables and configures it.
public protocol Emitter: Sendable {
    /// The name under `outputs` and after `--format`: `html`, `atom`.
    static var name: String { get }

    /// Makes the emitter from its block under `outputs` (less `enabled`).
    ///
    /// - Throws: a `Diagnostic` for an unknown option or a bad value.
    init(options: Settings) throws

    /// Writes the format's files for `site` into `output`. Problems with
    /// one post are returned as diagnostics and the rest is still written.
    func emit(_ site: Site, to output: OutputFolder) throws -> [Diagnostic]
}
