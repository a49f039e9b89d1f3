import BudgetCore
import JSONText
import OutputFiles
import XLSXWriter
import BudgetRenderers

/// Why a job of the planner gave no result, with the exit status the command line gives it.
public enum PlannerError: Error, CustomStringConvertible, Sendable {
    /// An option names something that is not there or cannot be (an unknown event or office, a bad amount): exit 64.
    case usage(String)
    /// An input file is missing or wrong: its problems with file, line and column, and their exit status (65 or 66).
    case input(InputError)
    /// Several rosters' problems at once (`report` reads every roster before it writes anything).
    case inputs([InputError])
    /// A message said as it is, with its exit status (no mix fits a budget: 1; a roster's stays fit no event: 65…).
    case refused(String, exitCode: Int32)
    /// An output could not be written (a full disk, a read-only folder): exit 73.
    case output(String)
    /// The workbook's text cannot be written as it is (a control character in a name): exit 65.
    case workbook(String)
    /// A report could not be encoded as JSON: exit 70.
    case software(String)

    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .input(let error): return error.exitCode
        case .inputs(let errors): return errors.map(\.exitCode).max() ?? 65
        case .refused(_, let code): return code
        case .output: return 73
        case .workbook: return 65
        case .software: return 70
        }
    }

    public var description: String {
        switch self {
        case .usage(let message), .refused(let message, _), .output(let message), .workbook(let message): return message
        case .input(let error): return error.description
        case .inputs(let errors): return errors.map(\.description).joined(separator: "\n")
        case .software(let message): return "error: " + message
        }
    }

    /// The planner's error for what a reader, renderer or writer threw.
    static func from(_ error: any Error) -> PlannerError {
        switch error {
        case let error as PlannerError: return error
        case let error as InputError: return .input(error)
        case let error as OutputError: return .output(error.description)
        case let error as XLSXError: return .output(error.description)
        case let error as WorkbookError: return .workbook(error.description)
        case let error as JSONTextError: return .software(error.description)
        default: return .software("\(error)")
        }
    }
}

/// Runs a body, turning what it throws into a ``PlannerError``.
func planned<T>(_ body: () throws -> T) throws(PlannerError) -> T {
    do {
        return try body()
    } catch {
        throw PlannerError.from(error)
    }
}
