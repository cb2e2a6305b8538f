import CLibSass
import Foundation
import PublishAST
import PublishPipeline

/// A site's `.scss` and `.sass` files with front matter, compiled to CSS
/// through libsass as jekyll-sass-converter does: `@import` looked up
/// beside the importing file and in `sass.sass_dir` (`_sass`), the
/// `sass.style` asked for (`compact` unless told, as Jekyll 4.3 does), and a source map
/// beside the CSS. An import is read only from inside the site: a name
/// that leads out of it, by `..`, an absolute path or a link, is an error.
struct Sass: Sendable {
    /// The folder the compiled files are in (the site's, or its theme's
    /// for the theme's assets), with links resolved.
    let root: String
    /// The folders an import may be read from: the site's and its theme's.
    let allowed: [String]
    /// Folders `@import` looks in after the importing file's, absolute.
    let includePaths: [String]
    let style: String

    /// `sass.sass_dir` of the site, then the theme's `_sass`.
    init(source: URL, theme: URL?, root: URL? = nil, config: [String: String]) {
        self.root = (root ?? source).resolvingSymlinksInPath().path
        allowed = [source.resolvingSymlinksInPath().path] + (theme.map { [$0.resolvingSymlinksInPath().path] } ?? [])
        let folder = config["sass_dir"].map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 } ?? "_sass"
        includePaths = [source.appendingPathComponent(folder).path] + (theme.map { [$0.appendingPathComponent("_sass").path] } ?? [])
        style = config["style"] ?? "compact"
    }

    struct Output {
        var css: String
        var map: String?
    }

    /// Compiles `text` (the file's text after its front matter, which
    /// starts at file line `firstLine`) of the site file `path`.
    ///
    /// - Throws: a `Diagnostic` at the line and column of a Sass error.
    func compile(_ text: String, path: String, firstLine: Int) throws -> Output {
        let data = sass_make_data_context(sass_copy_c_string(text))
        defer { sass_delete_data_context(data) }
        let context = sass_data_context_get_context(data)
        let options = sass_context_get_options(context)
        let absolute = root + "/" + path
        let cssName = ((path as NSString).deletingPathExtension as NSString).lastPathComponent + ".css"
        sass_option_set_input_path(options, absolute)
        sass_option_set_output_path(options, cssName)
        sass_option_set_source_map_file(options, cssName + ".map")
        sass_option_set_source_map_contents(options, true)
        sass_option_set_is_indented_syntax_src(options, path.lowercased().hasSuffix(".sass"))
        sass_option_set_output_style(options, Sass.styles[style] ?? SASS_STYLE_EXPANDED)
        sass_option_set_include_path(options, includePaths.joined(separator: ":"))
        let guardian = Unmanaged.passRetained(Guardian(sass: self))
        defer { guardian.release() }
        let importers = sass_make_importer_list(1)
        sass_importer_set_list_entry(importers, 0, sass_make_importer(Sass.importer, 0, guardian.toOpaque()))
        sass_option_set_c_importers(options, importers)
        sass_compile_data_context(data)
        if sass_context_get_error_status(context) != 0 {
            let message = sass_context_get_error_text(context).map { String(cString: $0) } ?? "Sass error"
            let file = sass_context_get_error_file(context).map { String(cString: $0) } ?? absolute
            let line = Int(sass_context_get_error_line(context))
            let column = Int(sass_context_get_error_column(context))
            let inSelf = file == absolute || file == "stdin"
            let where_ = inSelf ? path : (file.hasPrefix(root + "/") ? String(file.dropFirst(root.count + 1)) : file)
            throw Diagnostic.error("Sass: " + message,
                                   at: SourceLocation(path: where_, line: max(1, line) + (inSelf ? firstLine - 1 : 0),
                                                      column: max(1, column)))
        }
        let css = sass_context_get_output_string(context).map { String(cString: $0) } ?? ""
        let map = sass_context_get_source_map_string(context).map { String(cString: $0) }
        return Output(css: css, map: map)
    }

    private static let styles: [String: Sass_Output_Style] = [
        "nested": SASS_STYLE_NESTED, "expanded": SASS_STYLE_EXPANDED, "compact": SASS_STYLE_COMPACT,
        "compressed": SASS_STYLE_COMPRESSED,
    ]

    /// What the importer callback reads its settings from.
    private final class Guardian {
        let sass: Sass
        init(sass: Sass) { self.sass = sass }
    }

    /// The file an `@import` names: the first of Sass's candidates
    /// (`_name.scss`, `name.scss`, `_name.sass`, `name.sass`, `name.css`,
    /// `name/_index.scss`…) in the importing file's folder, then in the
    /// include paths. Nil when there is none.
    func resolve(_ name: String, from importer: String) -> String? {
        let folder = (name as NSString).deletingLastPathComponent
        let base = (name as NSString).lastPathComponent
        var names: [String] = []
        let stems = [base, "_" + base]
        if base.hasSuffix(".scss") || base.hasSuffix(".sass") || base.hasSuffix(".css") {
            names = stems
        } else {
            for ext in [".scss", ".sass", ".css"] { names += stems.map { $0 + ext } }
            for ext in [".scss", ".sass"] { names += ["\(base)/_index\(ext)", "\(base)/index\(ext)"] }
        }
        let places = [(importer as NSString).deletingLastPathComponent] + includePaths
        for place in places {
            for candidate in names {
                let path = ((place as NSString).appendingPathComponent(folder) as NSString).appendingPathComponent(candidate)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return (path as NSString).standardizingPath
                }
            }
        }
        return nil
    }

    /// libsass's importer callback: reads the file itself, so that nothing
    /// outside the site is read.
    private static let importer: Sass_Importer_Fn = { url, entry, compiler in
        guard let url, let cookie = sass_importer_get_cookie(entry) else { return nil }
        let sass = Unmanaged<Guardian>.fromOpaque(cookie).takeUnretainedValue().sass
        let name = String(cString: url)
        // Plain CSS imports stay in the CSS, as Sass leaves them.
        if name.contains("://") || name.hasPrefix("url(") || name.hasPrefix("//") || name.hasSuffix(".css") { return nil }
        let last = sass_compiler_get_last_import(compiler)
        let from = last.flatMap { sass_import_get_abs_path($0) }.map { String(cString: $0) } ?? sass.root + "/"
        let list = sass_make_import_list(1)
        guard let found = sass.resolve(name, from: from) else {
            let failed = sass_make_import_entry(url, nil, nil)
            sass_import_set_error(failed, "File to import not found or unreadable: \(name).", 0, 0)
            sass_import_set_list_entry(list, 0, failed)
            return list
        }
        guard let resolved = sass.allowed.lazy.compactMap({ SiteBoundary.resolve(URL(fileURLWithPath: found), inside: $0) }).first,
              let data = FileManager.default.contents(atPath: resolved) else {
            let failed = sass_make_import_entry(url, nil, nil)
            sass_import_set_error(failed, "\(name) leads outside the site, so it is not read.", 0, 0)
            sass_import_set_list_entry(list, 0, failed)
            return list
        }
        let source = sass_copy_c_string(String(decoding: data, as: UTF8.self))
        sass_import_set_list_entry(list, 0, sass_make_import_entry(found, source, nil))
        return list
    }
}
