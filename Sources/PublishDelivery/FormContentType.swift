/// A header value made of a lowercase token and `; name=value` parameters
/// (RFC 9110 §5.6.6), values plain or quoted with `\` escapes: a
/// `Content-Type` such as `multipart/form-data; boundary="x y"`, or a
/// part's `Content-Disposition: form-data; name="List-Unsubscribe"`.
struct FormContentType: Equatable {
    /// The token before the parameters, lowercased: `multipart/form-data`.
    var value: String
    /// The parameters by lowercased name; the first of a repeated name wins.
    var parameters: [String: String]

    init(parsing text: String) {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func skipSpaces() {
            while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        }
        /// Up to a space, `;`, or one of `also`.
        func token(stoppingAt also: Unicode.Scalar? = nil) -> String {
            var out = String.UnicodeScalarView()
            while index < scalars.count, scalars[index] != ";", scalars[index] != " ", scalars[index] != "\t",
                  scalars[index] != also {
                out.append(scalars[index])
                index += 1
            }
            return String(out)
        }
        skipSpaces()
        value = token().lowercased()
        parameters = [:]
        while index < scalars.count {
            // Anything up to the next `;` that is not a parameter is skipped.
            while index < scalars.count, scalars[index] != ";" { index += 1 }
            guard index < scalars.count else { break }
            index += 1
            skipSpaces()
            let name = token(stoppingAt: "=").lowercased()
            skipSpaces()
            guard index < scalars.count, scalars[index] == "=" else { continue }
            index += 1
            skipSpaces()
            var parameter = String.UnicodeScalarView()
            if index < scalars.count, scalars[index] == "\"" {
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
                    parameter.append(scalars[index])
                    index += 1
                }
                index += 1
            } else {
                parameter = token().unicodeScalars
            }
            if !name.isEmpty, parameters[name] == nil { parameters[name] = String(parameter) }
        }
    }
}
