import PublishAST
import PublishPipeline

extension ChapterCleaner {
    /// An image embedded from the site, or linked when remote, or its
    /// description when neither works, with a warning.
    mutating func image(_ attributes: [(name: String, value: String)], resources: inout Resources) {
        let src = attributes.first { $0.name == "src" }?.value ?? ""
        let alt = attributes.first { $0.name == "alt" }?.value ?? ""
        guard !src.isEmpty else {
            content.pieces.append(.markup(.text(alt)))
            return
        }
        if src.lowercased().hasPrefix("data:") {
            diagnostics.append(.warning("an image inside a data: URL is not embedded; its description stands in for it",
                                        at: locator.location(ofDestination: src)))
            content.pieces.append(.markup(.text(alt)))
            return
        }
        guard let candidates = links.imagePaths(src, postURL: post.url, postSource: post.sourcePath) else {
            diagnostics.append(.warning("the remote image '\(src)' is not embedded; the chapter links to it instead",
                                        at: locator.location(ofDestination: src)))
            let text = alt.isEmpty ? src : alt
            if linkDepth > 0 {
                content.pieces.append(.markup(.text(text)))
            } else {
                let url = src.hasPrefix("//") ? "https:" + src : src
                content.pieces += [.link([], .external(url), href: src), .markup(.text(text)), .markup(.close("a"))]
            }
            return
        }
        switch resources.embed(candidates) {
        case .success(let item):
            var kept: [(name: String, value: String)] = [("src", item.href), ("alt", alt)]
            kept += checked(attributes, of: "img").filter { $0.name != "src" && $0.name != "alt" }
            content.pieces += [.markup(.open("img", kept)), .markup(.close("img"))]
        case .failure(let problem):
            // The build already said this image is missing, at the same line.
            let warned = problem == .missing && links.siteWarnedOfRelativeImages && PostLinks.relativeFile(src) != nil
            let reason = problem == .missing
                ? "the image '\(src)' is not in the site (looked for \(candidates.joined(separator: ", ")))"
                : "the image '\(src)' is not a PNG, JPEG, GIF, WebP or SVG file"
            if !warned {
                diagnostics.append(.warning(reason + "; its description stands in for it",
                                            at: locator.location(ofDestination: src)))
            }
            content.pieces.append(.markup(.text(alt)))
        }
    }
}
