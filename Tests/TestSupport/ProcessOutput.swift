import Foundation

/// What a process wrote on standard output and standard error, and the status it exited with.
public struct ProcessOutput: Sendable {
    public let status: Int32
    public let stdout: Data
    public let stderr: Data

    /// Runs a program to its end with these arguments (in `directory`, if given); throws only when it cannot be started.
    /// Both outputs are read as they come, so a process that writes much to either never blocks.
    public init(_ program: URL, _ arguments: [String], in directory: URL? = nil) throws {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = Collected()
        let reading = Thread { errors.data = err.fileHandleForReading.readDataToEndOfFile(); errors.done.signal() }
        reading.start()
        stdout = out.fileHandleForReading.readDataToEndOfFile()
        errors.done.wait()
        stderr = errors.data
        process.waitUntilExit()
        status = process.terminationStatus
    }

    /// Standard output as text (UTF-8).
    public var output: String { String(decoding: stdout, as: UTF8.self) }

    /// Standard error as text (UTF-8).
    public var errors: String { String(decoding: stderr, as: UTF8.self) }
}

/// Standard error, read on a thread of its own; `done` is signalled once it is read to the end.
private final class Collected: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}
