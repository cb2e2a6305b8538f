import PublishAST

/// Every stage by the name pipeline files use. A new stage is a new file
/// and one line here.
public enum StageRegistry {
    public static let stages: [any Stage.Type] = [
        Tables.self,
        Footnotes.self,
        Strikethrough.self,
        Autolinks.self,
        TaskLists.self,
        HeadingIDs.self,
        ModernHTML.self,
        EastAsianLineBreaks.self,
        Highlight.self,
    ]

    public static func stage(named name: String) -> (any Stage.Type)? {
        stages.first { $0.name == name }
    }

    public static var names: [String] { stages.map { $0.name } }
}
