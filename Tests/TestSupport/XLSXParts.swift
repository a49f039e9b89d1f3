import Foundation

/// A written .xlsx file as the tests read it: the names of its parts and the text of one part, through `unzip`.
/// Every failure is thrown (a missing part, a file that is not a zip), never hidden behind an empty text.
public struct XLSXParts: Sendable {
    public let path: String

    public init(_ path: String) { self.path = path }

    /// The part names in the file (`xl/workbook.xml`, `xl/worksheets/sheet1.xml`, …), in zip order.
    public func names() throws -> [String] {
        try unzip(["-Z1", path]).split(separator: "\n").map(String.init)
    }

    /// The text of one part; throws when the file has no such part.
    public func text(_ part: String) throws -> String { try unzip(["-p", path, part]) }

    /// `unzip -l`: the listing with sizes, as a person would read it.
    public func listing() throws -> String { try unzip(["-l", path]) }

    /// The sheet names in `xl/workbook.xml`, in order.
    public func sheetNames() throws -> [String] {
        let xml = try text("xl/workbook.xml")
        return xml.components(separatedBy: "<sheet name=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }
}

/// What `unzip` prints for some arguments (e.g. `-p FILE PART`: one part of a workbook); throws when unzip fails.
public func unzip(_ arguments: [String]) throws -> String {
    let run = try ProcessOutput(URL(fileURLWithPath: "/usr/bin/unzip"), arguments)
    guard run.status == 0 else {
        throw UnzipError(arguments: arguments, status: run.status, message: String(decoding: run.stderr + run.stdout.prefix(2000), as: UTF8.self))
    }
    return run.output
}

/// `unzip` could not do what a test asked (no such file or part, not a zip).
public struct UnzipError: Error, CustomStringConvertible {
    public let arguments: [String]
    public let status: Int32
    public let message: String
    public var description: String { "unzip \(arguments.joined(separator: " ")) exited \(status): \(message)" }
}
