import Foundation
import TestSupport
import Testing

/// Runs the built `travel-budget` binary and checks stdout, stderr and the exit code together.
struct Run {
    let status: Int32
    let stdout: String
    let stderr: String

    /// The binary beside this test bundle (SwiftPM builds it because the test target depends on it).
    static let binary: URL = {
        let me = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                     ?? CommandLine.arguments[0])
        var folder = me.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("travel-budget")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return Repo.root.appendingPathComponent(".build/debug/travel-budget")
    }()

    /// Runs the tool; `wrapper` is a command that runs it in turn (a shell setting limits, setpriv).
    init(_ arguments: [String], in directory: URL = Repo.root, wrapper: [String] = []) throws {
        let run = try ProcessOutput(wrapper.first.map(URL.init(fileURLWithPath:)) ?? Run.binary,
                                    wrapper.dropFirst() + (wrapper.isEmpty ? [] : [Run.binary.path]) + arguments, in: directory)
        status = run.status
        stdout = run.output
        stderr = run.errors
    }
}

@Suite(.cleansUpTemporaryFolders) struct CommandLineTests {
    @Test func eventsListsBothShippedEvents() throws {
        let run = try Run(["events"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("jeju-2018") && run.stdout.contains("jeju-2023"))
    }

    @Test func capsMarksInferredAndUnlabelledRows() throws {
        let r18 = try Run(["caps", "jeju-2018"])
        #expect(r18.status == 0)
        #expect(r18.stdout.contains("Mongolia [INFERRED"))
        #expect(r18.stdout.contains("Nepal [INFERRED"))
        let r23 = try Run(["caps", "jeju-2023"])
        #expect(r23.status == 0, "\(r23.stderr)")
        #expect(r23.stdout.components(separatedBy: "[UNLABELLED").count - 1 == 3)
        #expect(r23.stdout.contains("source: \"US$ 1,050\""))
    }

    @Test func costPrintsJSON() throws {
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv", "--format", "json"])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((json["totals"] as? [String: Any])?["total"] as? String == "16607.29")
    }

    @Test func reportWritesOneTextReportPerEventAndOneWorkbook() throws {
        let out = try temporaryFolder()
        let run = try Run(["report", "--output-dir", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        for id in ["jeju-2018", "jeju-2023"] {
            let text = try String(contentsOf: out.appendingPathComponent("\(id).txt"), encoding: .utf8)
            #expect(text.hasPrefix("TRAVEL BUDGET  \(id)"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["jeju-2018.txt", "jeju-2023-rso.txt", "jeju-2023-unitar.txt", "jeju-2023.txt", "travel-budget.xlsx"])
    }

    @Test func reportTellsTheProblemsOfEveryRoster_andWritesNothing() throws {
        let folder = try temporaryFolder()
        let rosters = folder.appendingPathComponent("rosters")
        try FileManager.default.createDirectory(at: rosters, withIntermediateDirectories: true)
        try "id,name,country,fare_usd\nP1,Ana,Narnia,700\n".write(to: rosters.appendingPathComponent("jeju-2018.csv"),
                                                                    atomically: true, encoding: .utf8)
        try "id,name,country,fare_usd\nP1,Ana,India,N/A\n".write(to: rosters.appendingPathComponent("jeju-2023.csv"),
                                                                  atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let run = try Run(["report", "--rosters", rosters.path, "--output-dir", out.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("jeju-2018.csv:2:8: error: unknown point of departure `Narnia`"))
        #expect(run.stderr.contains("jeju-2023.csv:2:14: error: `fare_usd` is `N/A`"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aBadRosterIsExit65_withEveryProblemOnStderr_andNoOutputFile() throws {
        let folder = try temporaryFolder()
        let roster = folder.appendingPathComponent("bad.csv")
        try "id,name,country,fare_usd\nP1,Ana,Vietnan,700\nP2,Ben,India,12.345\n".write(to: roster, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.json")
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", roster.path, "--output", output.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("bad.csv:2:8: error: unknown point of departure `Vietnan`"))
        #expect(run.stderr.contains("bad.csv:3:14: error: `fare_usd` is `12.345`"))
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aMissingRosterIsExit66() throws {
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", "no/such.csv"])
        #expect(run.status == 66)
        #expect(run.stderr.contains("no/such.csv: error: no such file\n    hint: check the path"))
    }

    @Test func badFlagsAreExit64() throws {
        #expect(try Run(["cost", "--event", "jeju-2023"]).status == 64)
        #expect(try Run(["cost", "--event", "jeju-2023", "--roster", "x.csv", "--format", "pdf"]).status == 64)
        let unknown = try Run(["caps", "jeju-1999"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("jeju-2018, jeju-2023"))
    }

    @Test func anOutputThatCannotBeWrittenIsExit73_andLeavesNoTemporaryFile() throws {
        let folder = try temporaryFolder()
        let blocker = folder.appendingPathComponent("not-a-folder")
        try "x".write(to: blocker, atomically: true, encoding: .utf8)
        let run = try Run(["cost", "--event", "jeju-2018", "--roster", "Tables/rosters/jeju-2018.csv",
                           "--output", blocker.appendingPathComponent("out.txt").path])
        #expect(run.status == 73)
        #expect(run.stderr.contains("cannot write"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["not-a-folder"])
    }

    @Test func aRewrittenReportIsReplacedWhole_neverHalfWritten() throws {
        let folder = try temporaryFolder()
        let output = folder.appendingPathComponent("budget.txt")
        try "old report\n".write(to: output, atomically: true, encoding: .utf8)
        let bad = folder.appendingPathComponent("bad.csv")
        try "id,name,country\n".write(to: bad, atomically: true, encoding: .utf8)
        let failed = try Run(["cost", "--event", "jeju-2018", "--roster", bad.path, "--output", output.path])
        #expect(failed.status == 65)
        #expect(try String(contentsOf: output, encoding: .utf8) == "old report\n")
        let ok = try Run(["cost", "--event", "jeju-2018", "--roster", "Tables/rosters/jeju-2018.csv", "--output", output.path])
        #expect(ok.status == 0)
        #expect(try String(contentsOf: output, encoding: .utf8).hasPrefix("TRAVEL BUDGET  jeju-2018"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["bad.csv", "budget.txt"])
    }

    /// Two processes, not one: a dictionary's order (hashing is seeded per process) or the clock would show only there.
    @Test func sameInputSameBytes_inEveryFormatAndCommand_fromTwoProcesses() throws {
        let example = ["--event", "Tables/examples/full-budget-example.toml", "--roster", "Tables/examples/full-budget-example.csv"]
        var commands: [[String]] = []
        for format in ["text", "json", "csv"] {
            commands.append(["cost", "--event", "jeju-2018", "--roster", "Tables/rosters/jeju-2018.csv", "--format", format])
            commands.append(["cost"] + example + ["--format", format])
            commands.append(["reconcile", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023-actuals.csv", "--format", format])
            commands.append(["compare", "--scenario", "Tables/scenarios/six-southern-asia-four-pacific.toml", "--format", format])
        }
        commands.append(["fit", "--event", "Tables/examples/full-budget-example.toml", "--budget", "30000", "--sweep", "--format", "json"])
        commands.append(["check", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv", "--format", "json"])
        for args in commands {
            let (first, second) = (try Run(args), try Run(args))
            #expect(first.status == 0, "\(args)")
            #expect(first.stdout == second.stdout, "\(args)")
        }
    }

    @Test(.cleansUpTemporaryFolders)
    func sameInputSameWorkbookBytes_fromTwoProcesses() throws {
        let folder = try temporaryFolder("same-bytes")
        let fixedDay = ["/usr/bin/env", "SOURCE_DATE_EPOCH=1702339200"]
        for (index, args) in [["cost", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv"],
                              ["cost", "--event", "Tables/examples/full-budget-example.toml", "--roster", "Tables/examples/full-budget-example.csv"],
                              ["reconcile", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023-actuals.csv"]].enumerated() {
            let paths = ["a", "b"].map { folder.appendingPathComponent("\(index)-\($0).xlsx").path }
            for path in paths { #expect(try Run(args + ["--xlsx", path], wrapper: fixedDay).status == 0, "\(args)") }
            let bytes = paths.map { FileManager.default.contents(atPath: $0) }
            #expect(bytes[0] != nil && bytes[0] == bytes[1], "\(args)")
        }
    }

    @Test func everyCommandHasHelpWithExamples() throws {
        for command in ["report", "cost", "reconcile", "caps", "events"] {
            let run = try Run([command, "--help"])
            #expect(run.status == 0)
            #expect(run.stdout.contains("travel-budget \(command)"), "\(command)")
        }
    }

    @Test func aBrokenTablesFolderIsExit65_withTheTableFileNamed() throws {
        let folder = try temporaryFolder()
        let tables = folder.appendingPathComponent("Tables")
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("Tables"), to: tables)
        let file = tables.appendingPathComponent("events/jeju-2018.toml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "cap_usd = 300", with: "cap_usd = 300.5")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let run = try Run(["events", "--tables", tables.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("jeju-2018.toml:"))
        #expect(run.stderr.contains("`cap_usd` must be an exact amount"))
    }
}

@Suite(.cleansUpTemporaryFolders) struct VersionAndCompletionTests {
    @Test func versionPrintsTheOneVersion_andExits0() throws {
        let run = try Run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(run.stdout)")
    }

    @Test func aShellCompletionScriptIsGenerated_andExits0() throws {
        let run = try Run(["--generate-completion-script", "bash"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("travel-budget"))
        #expect(run.stdout.contains("--roster"))
    }

    @Test func checkTakesTheSharedEventAndRosterOptions() throws {
        let run = try Run(["check", "--event", "jeju-2023", "--roster", "Tables/rosters/jeju-2023.csv", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Run(["check", "--event", "jeju-2023"]).status == 64)
    }
}
