import PublishAST

/// Writes a cleaned chapter's body, its links pointed at the chapters of
/// the book now that every chapter's ids are known. A link to an id that
/// does not exist keeps its chapter and loses the fragment, with a warning.
struct ChapterLinks {
    let index: Int
    let ids: [Set<String>]
    let locator: PostLocator

    func write(_ content: ChapterContent, into writer: inout XHTMLWriter) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for piece in content.pieces {
            switch piece {
            case .markup(let markup):
                writer.write(markup)
            case .link(var attributes, let target, let href):
                let (resolved, warning) = self.href(target, written: href)
                if let resolved { attributes.insert(("href", resolved), at: 0) }
                if let warning { diagnostics.append(.warning(warning, at: locator.location(ofDestination: href))) }
                writer.write(.open("a", attributes))
            }
        }
        return diagnostics
    }

    /// The href to write (nil for none) and a warning about it.
    private func href(_ target: BookLinks.Target, written: String) -> (String?, String?) {
        switch target {
        case .external(let url):
            return (url, nil)
        case .script, .unreachable:
            return (nil, nil)
        case .chapter(let chapter, let fragment):
            let file = chapter == index ? "" : BookLinks.chapterFile(chapter)
            guard let fragment, !fragment.isEmpty else { return (BookLinks.chapterFile(chapter), nil) }
            let id = BookIDs.make(fragment)
            if ids[chapter].contains(id) { return (file + "#" + id, nil) }
            let warning = "the link '\(written)' names an id that is not in the book"
            return (file.isEmpty ? nil : file, warning + (file.isEmpty ? "; it is left as text" : "; it leads to the chapter instead"))
        }
    }
}
