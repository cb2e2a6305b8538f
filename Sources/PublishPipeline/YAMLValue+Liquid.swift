import PublishAST
import PublishLiquid

extension YAMLValue {
    /// The value as Liquid sees it: mappings keep their order, numbers stay
    /// integers or floats.
    public var liquidValue: Value {
        switch self {
        case .null: .nil
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(number)
        case .double(let number): .float(number)
        case .string(let text): .string(text)
        case .sequence(let items): .array(items.map(\.liquidValue))
        case .mapping(let mapping): .hash(Hash(mapping.map { ($0.key, $0.value.liquidValue) }))
        }
    }
}
