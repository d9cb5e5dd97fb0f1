import Foundation

/// Decodes a YAML scalar into a typed value (check parameters, self-assessment facts).
enum ParameterDecoder {
    static func decode(_ node: YAMLNode, as type: ExprType, what: String, _ diagnostics: inout Diagnostics) -> Value? {
        switch type {
        case .number: return Scalars.decimal(node, what, &diagnostics).map(Value.number)
        case .bool: return Scalars.bool(node, what, &diagnostics).map(Value.bool)
        case .string: return Scalars.string(node, what, &diagnostics).map(Value.string)
        case .date: return Scalars.date(node, what, &diagnostics).map(Value.date)
        case .duration: return Scalars.duration(node, what, &diagnostics).map(Value.duration)
        case .list(let element):
            guard let items = Scalars.sequence(node, what, &diagnostics) else { return nil }
            return .list(items.compactMap { decode($0, as: element, what: what, &diagnostics) })
        case .record, .any:
            diagnostics.error(node.location, "\(what) cannot be given in YAML")
            return nil
        }
    }
}
