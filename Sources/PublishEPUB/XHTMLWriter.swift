import PublishWriters
/// Writes `Markup` as XHTML: every element closed, void ones as `<br/>`,
/// text and attribute values escaped and cleaned of what XML forbids.
struct XHTMLWriter {
    private(set) var out = ""

    mutating func write(_ piece: Markup) {
        switch piece {
        case .open(let name, let attributes):
            out += "<" + name
            for (key, value) in attributes { out += " \(key)=\"\(XMLText.attribute(value))\"" }
            out += ElementPolicy.void.contains(name) ? "/>" : ">"
        case .close(let name):
            if !ElementPolicy.void.contains(name) { out += "</\(name)>" }
        case .text(let text):
            out += XMLText.escaped(text)
        }
    }

    mutating func raw(_ text: String) {
        out += text
    }

    /// A whole XHTML document around `body`.
    static func page(title: String, language: String, stylesheet: Bool = true, bodyType: String? = nil,
                     body: String) -> String {
        let language = XMLText.attribute(language)
        var head = "<title>\(XMLText.escaped(title))</title>"
        if stylesheet { head += "\n<link rel=\"stylesheet\" type=\"text/css\" href=\"book.css\"/>" }
        let type = bodyType.map { " epub:type=\"\($0)\"" } ?? ""
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" \
        xml:lang="\(language)" lang="\(language)">
        <head>
        <meta charset="utf-8"/>
        \(head)
        </head>
        <body\(type)>
        \(body)
        </body>
        </html>

        """
    }
}
