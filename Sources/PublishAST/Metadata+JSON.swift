extension Metadata {
    /// Optional fields are left out when unset; lists, `published` and
    /// `extra` are always present.
    func write(to json: inout JSONWriter) {
        json.beginObject()
        if let title { json.field("title", title) }
        if let date { json.field("date", date.description) }
        if let updated { json.field("updated", updated.description) }
        json.key("authors")
        json.beginArray()
        for author in authors {
            json.beginObject()
            json.field("name", author.name)
            if let email = author.email { json.field("email", email) }
            if let url = author.url { json.field("url", url) }
            json.endObject()
        }
        json.endArray()
        json.key("categories")
        json.beginArray()
        for category in categories { json.string(category) }
        json.endArray()
        json.key("tags")
        json.beginArray()
        for tag in tags { json.string(tag) }
        json.endArray()
        if let description { json.field("description", description) }
        if let excerpt { json.field("excerpt", excerpt) }
        if let language { json.field("lang", language) }
        if let slug { json.field("slug", slug) }
        if let permalink { json.field("permalink", permalink) }
        json.field("published", published)
        json.key("extra")
        YAMLValue.mapping(extra).write(to: &json)
        json.endObject()
    }
}

extension YAMLValue {
    /// Writes the value; nesting is bounded by the YAML reader's depth limit.
    func write(to json: inout JSONWriter) {
        switch self {
        case .null: json.null()
        case .bool(let value): json.bool(value)
        case .int(let value): json.int(value)
        case .double(let value): json.double(value)
        case .string(let value): json.string(value)
        case .sequence(let items):
            json.beginArray()
            for item in items { item.write(to: &json) }
            json.endArray()
        case .mapping(let mapping):
            json.beginObject()
            for entry in mapping {
                json.key(entry.key)
                entry.value.write(to: &json)
            }
            json.endObject()
        }
    }
}
