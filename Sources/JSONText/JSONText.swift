import Foundation

/// The one JSON encoder of every report and draft: keys sorted, pretty-printed, slashes left as they are, a newline at the
/// end. An encoding error is thrown, never turned into empty output.
public enum JSONText {
    /// The document as JSON text.
    public static func render(_ document: some Encodable) throws(JSONTextError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        } catch {
            throw JSONTextError(description: "the JSON report could not be written: \(error)")
        }
    }
}

/// A document that JSON cannot hold (a value JSON has no form for).
public struct JSONTextError: Error, CustomStringConvertible, Sendable {
    public let description: String
}
