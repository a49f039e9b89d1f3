/// A workbook that could not be written, with libxlsxwriter's own words where it gave them.
public struct XLSXError: Error, CustomStringConvertible, Sendable {
    /// The file that was being written.
    public let path: String
    /// What was being done: `writing Roster jeju-2018!B7`, `closing the workbook`.
    public let step: String
    /// The reason (libxlsxwriter's `lxw_strerror` text, or ours).
    public let reason: String

    public init(path: String, step: String, reason: String) {
        self.path = path
        self.step = step
        self.reason = reason
    }

    public var description: String { "\(path): error: \(step): \(reason)" }
}
