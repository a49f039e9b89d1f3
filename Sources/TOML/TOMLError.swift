/// Why a text is not TOML: where, what is wrong in plain words, and how to fix it when that is clear.
public struct TOMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    /// Counted in Unicode code points from 1.
    public let column: Int
    public let message: String
    public let hint: String?

    public init(line: Int, column: Int, _ message: String, hint: String? = nil) {
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    public var description: String { "\(line):\(column): \(message)" + (hint.map { " (\($0))" } ?? "") }
}
