import Foundation
import Testing

@Suite struct FitCommandTests {
    static let example = ["fit", "--event", "jeju-2023", "--budget", "20000", "--min", "South-Eastern Asia=3", "--max", "Southern Asia=2"]

    @Test func theShippedExampleFits21Participants() throws {
        let run = try Run(FitCommandTests.example)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.contains("21 participants fit the budget: total US$ 19,917.66, US$ 82.34 left."))
        #expect(run.stdout.contains("  Southern Asia       any point of departure       1,398.46  does not fit: US$ 1,316.12 short"))
        #expect(!run.stdout.contains("Sensitivity"))
    }

    @Test func theSweepTakesItsOwnFractionsAndNegativeRates_andJSON() throws {
        let run = try Run(FitCommandTests.example + ["--format", "json", "--sweep-fractions", "0.5,1", "--sweep-rates", "-20,0,+20"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let sweep = try #require(json["sweep"] as? [String: Any])
        #expect(sweep["fare_fractions"] as? [String] == ["0.5", "1.0"])
        let rates = try #require(sweep["rates"] as? [[String: Any]])
        #expect(rates.map { $0["usd_exchange_rate"] as? String } == ["1040", "1300", "1560"])
        #expect((sweep["totals"] as? [[String]])?[1][1] == "19917.66")
    }

    @Test func boundsThatCannotBeMetAreExit1_withTheReasonsOnStderr_andNothingOnStdout() throws {
        let tooPoor = try Run(["fit", "--event", "jeju-2023", "--budget", "$3,000", "--min", "southern asia=3"])
        #expect(tooPoor.status == 1)
        #expect(tooPoor.stdout.isEmpty)
        #expect(tooPoor.stderr == """
            error: no mix meets the bounds within the budget of US$ 3,000.00:
              - the bounds need at least 3 participants (Southern Asia 3); the cheapest such mix costs US$ 4,195.38, \
            US$ 1,195.38 more than the budget of US$ 3,000.00
                hint: loosen a bound or raise the budget; nothing was printed

            """)
        let contradiction = try Run(["fit", "--event", "jeju-2023", "--budget", "9000", "--min", "India=3", "--max", "Southern Asia=2"])
        #expect(contradiction.status == 1)
        #expect(contradiction.stderr.contains("  - Southern Asia: its countries' minimums (India 3) add up to 3, more than its maximum of 2\n"))
        let noCap = try Run(["fit", "--event", "jeju-2023", "--budget", "9000", "--min", "HK=1"])
        #expect(noCap.status == 1)
        #expect(noCap.stderr.contains("--min Hong Kong=1 cannot be met: no row of jeju-2023's cap table names Hong Kong"))
    }

    @Test func badFlagsAndUnknownNamesAreExit64() throws {
        let unknown = try Run(["fit", "--event", "jeju-2023", "--budget", "9000", "--min", "Indai=1"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no region or country is called `Indai`; did you mean `India`?"))
        let cases: [[String]] = [
            ["--budget", "20,00"], ["--budget", "-5"], ["--budget", "20000000"], ["--budget", "9000", "--min", "India"],
            ["--budget", "9000", "--min", "India=-1"], ["--budget", "9000", "--fare", "1.5"], ["--budget", "9000", "--fare", "0"],
            ["--budget", "9000", "--sweep-rates", "-60"], ["--budget", "9000", "--sweep-fractions", "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1,1"],
            ["--budget", "9000", "--min", "India=1", "--min", "IND=2"], ["--budget", "9000", "--format", "csv"],
        ]
        for arguments in cases {
            let run = try Run(["fit", "--event", "jeju-2023"] + arguments)
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        #expect(try Run(["fit", "--event", "jeju-1999", "--budget", "1"]).status == 64)
    }
}
