import Foundation

/// The inline styles of the newsletter, from `assets/email/styles.txt`:
/// one `name: css` line per element. Email clients drop `<style>`, so
/// every element carries its own `style` attribute.
struct EmailTheme: Sendable {
    /// The built-in table.
    static let standard = EmailTheme(text: String(decoding: PackageResources.styles_txt, as: UTF8.self))

    private let styles: [String: String]

    /// Reads `name: css` lines; `#` starts a comment line.
    init(text: String) {
        var styles: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let colon = trimmed.firstIndex(of: ":") else { continue }
            let name = trimmed[..<colon].trimmingCharacters(in: .whitespaces)
            styles[name] = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        self.styles = styles
    }

    /// The CSS for `name`, empty when the table has none.
    func style(_ name: String) -> String { styles[name] ?? "" }

    /// One property's value in `name`'s CSS, for the HTML attribute that
    /// says the same to Outlook (`bgcolor`).
    func value(of property: String, in name: String) -> String? {
        for declaration in style(name).split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == property {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
