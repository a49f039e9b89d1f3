import ArgumentParser
import Foundation
import Planner

/// The terminal's edges: messages on stderr, the planner's errors as exit statuses, reports on stdout or in a file.
enum Console {
    /// Writes a message to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// The planner on the tables folder, each event file left out for its problems said.
    static func planner(_ option: TablesOption) throws -> Planner {
        let planner = try run { () throws(PlannerError) in try Planner(tables: option.tables) }
        planner.warnings.forEach(Console.error)
        return planner
    }

    /// Runs a job of the planner: what it throws is printed with its location and hint and becomes its exit status; a usage
    /// error is ArgumentParser's (exit 64, with the command's usage).
    static func run<T>(_ job: () throws(PlannerError) -> T) throws -> T {
        do {
            return try job()
        } catch .usage(let message) {
            throw ValidationError(message)
        } catch .inputs(let errors) {
            errors.forEach { Console.error($0.description) }
            throw ExitCode(PlannerError.inputs(errors).exitCode)
        } catch {
            Console.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }

    /// Writes a report to its file (atomically), or to standard output.
    static func write(_ text: String, to output: String?) throws {
        if let output {
            try run { () throws(PlannerError) in try Planner.write(text, to: output) }
        } else {
            print(text, terminator: "")
        }
    }
}
