/// Jekyll's filters that group items, or test each against a Liquid
/// expression with the item bound to a name: `where_exp`, `find_exp`,
/// `group_by` and `group_by_exp`.
extension JekyllFilters {
    static let expressions: [String: Filter] = [
        "where_exp": Filter(required: 2) { input, arguments, context in
            try context.countExpansion(of: input)
            guard let items = selectable(input) else { return input }
            let condition = try condition(arguments[1].text, context)
            return .array(try binding(arguments[0].text, in: context) { bind in
                try items.filter { bind($0); return try condition.evaluate(context) }
            })
        },
        "find_exp": Filter(required: 2) { input, arguments, context in
            try context.countExpansion(of: input)
            guard let items = selectable(input) else { return input }
            let condition = try condition(arguments[1].text, context)
            return try binding(arguments[0].text, in: context) { bind in
                try items.first { bind($0); return try condition.evaluate(context) }
            } ?? .nil
        },
        "group_by": Filter(required: 1) { input, arguments, context in
            try context.countExpansion(of: input)
            guard let items = enumerable(input) else { return input }
            let property = arguments[0].text
            return try grouped(items) { item in
                let name = try itemProperty(item, property).text
                return (.string(name), .text(name))
            }
        },
        "group_by_exp": Filter(required: 2) { input, arguments, context in
            try context.countExpansion(of: input)
            guard let items = enumerable(input) else { return input }
            let parser = TemplateParser(source: "", environment: context.environment, errorMode: .lax)
            let expression = try Output(markup: arguments[1].text[...], parser: parser)
            return try binding(arguments[0].text, in: context) { bind in
                try grouped(items) { item in
                    bind(item)
                    let name = try expression.evaluate(context)
                    return (name, GroupKey(name))
                }
            }
        },
    ]

    /// Jekyll's `parse_condition`: comparisons joined by `and` and `or`,
    /// read with Liquid's strict parser whatever the template's error mode.
    private static func condition(_ markup: String, _ context: Context) throws -> Condition {
        let parser = TemplateParser(source: "", environment: context.environment, errorMode: .strict)
        return try If.condition(markup[...], parser: parser)
    }

    /// Runs `body` in a scope of its own, as Jekyll's `@context.stack`,
    /// handing it a function that sets `name` to an item there.
    private static func binding<T>(_ name: String, in context: Context,
                                   _ body: (_ bind: (Value) -> Void) throws -> T) throws -> T {
        try context.push()
        defer { context.pop() }
        return try body { context[name] = $0 }
    }

    /// Jekyll's `grouped_array`: one `{name, items, size}` hash per group,
    /// in the order each group's first item came.
    private static func grouped(_ items: [Value], by group: (Value) throws -> (Value, GroupKey)) rethrows -> Value {
        var names: [Value] = []
        var members: [[Value]] = []
        var index: [GroupKey: Int] = [:]
        for item in items {
            let (name, key) = try group(item)
            if let position = index[key] {
                members[position].append(item)
            } else {
                index[key] = names.count
                names.append(name)
                members.append([item])
            }
        }
        return .array(zip(names, members).map { name, items in
            .hash(["name": name, "items": .array(items), "size": .int(items.count)])
        })
    }
}

/// A group's name as a key of Ruby's `group_by`, which tells values apart
/// by `eql?`: by class and value (`1` and `1.0` are two groups), a drop
/// by identity. `group_by`'s names are always text.
private enum GroupKey: Hashable {
    case text(String)
    case value(String)
    case object(ObjectIdentifier)

    init(_ value: Value) {
        if case .drop(let drop) = value {
            self = .object(ObjectIdentifier(drop))
        } else {
            self = .value(value.typeName + "\u{0}" + value.inspect)
        }
    }
}
