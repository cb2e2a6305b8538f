import PublishAST

/// One named pass over a document: the GFM dialect, heading ids, anything a
/// pipeline file lists under `stages`. Stages are rewriters; each lives in
/// its own file and is registered by name in `StageRegistry`.
public protocol Stage: Sendable {
    /// The name a pipeline file calls the stage by: `tables`, `heading-ids`.
    static var name: String { get }

    /// Makes the stage from its options in a pipeline file.
    ///
    /// - Throws: a `Diagnostic` for an unknown option or a value of the
    ///   wrong kind (`Settings` reports both).
    init(options: Settings) throws

    /// Rewrites `document` in place. Problems in the input are reported
    /// through `context` as located warnings; a stage never fails a build.
    func run(_ document: inout Document, context: inout StageContext)
}

/// What a stage may read besides the tree, and where it reports.
public struct StageContext: Sendable {
    /// The Markdown the document was read from, by file line.
    public let source: SourceLines
    /// Warnings found so far, located in the document's file.
    public private(set) var diagnostics: [Diagnostic] = []

    public init(source: SourceLines = .empty) {
        self.source = source
    }

    public mutating func warn(_ message: String, at node: NodeID, in document: Document) {
        diagnostics.append(.warning(message, at: document.location(of: node)))
    }

    public mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }
}
