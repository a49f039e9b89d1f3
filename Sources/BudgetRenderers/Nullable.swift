/// A value written as JSON `null` when absent, so that every key of a report is always present (a synthesized encoder
/// would leave an absent optional's key out). As a property wrapper, `@Nullable var cap: String?`.
@propertyWrapper
public struct Nullable<Value: Encodable>: Encodable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    init(_ value: Value?) { wrappedValue = value }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let wrappedValue { try c.encode(wrappedValue) } else { try c.encodeNil() }
    }
}
