import Foundation
import Testing

/// `check` lists verdicts; `--who` chooses who `cost` and `report` price.
@Suite struct EligibilityCommandTests {
    let roster = "Tables/rosters/jeju-2023.csv"

    @Test func checkListsEveryParticipantsVerdictWithItsReasons() throws {
        let run = try Run(["check", "--event", "jeju-2023", "--roster", roster])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("ELIGIBILITY  jeju-2023"))
        #expect(run.stdout.contains("P23-16  not eligible  applied 2023-11-08, after the 7 November 2023 deadline"))
        #expect(run.stdout.contains("P23-17  not eligible  applied 2023-11-01, by the 7 November 2023 deadline; missing: Letter of"))
        #expect(run.stdout.contains("Eligible 13, not eligible 3, not known 2."))
    }

    @Test func checkAsJSONGivesTrueFalseOrNull() throws {
        let run = try Run(["check", "--event", "jeju-2023", "--roster", roster, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let participants = try #require(json["participants"] as? [[String: Any]])
        #expect(participants.count == 18)
        let byID = Dictionary(uniqueKeysWithValues: participants.map { ($0["id"] as? String ?? "", $0) })
        #expect(byID["P23-01"]?["eligible"] as? Bool == true)
        #expect(byID["P23-18"]?["eligible"] as? Bool == false)
        #expect(byID["P23-14"]?["eligible"] is NSNull)
        #expect((byID["P23-17"]?["reasons"] as? [String])?.contains("missing: Letter of commitment, Curriculum Vitae (CV)") == true)
    }

    @Test func costPricesWhomWhoSays_andTheReportSaysWhoWasLeftOut() throws {
        func count(_ who: String?) throws -> Int {
            let run = try Run(["cost", "--event", "jeju-2023", "--roster", roster, "--format", "json"] + (who.map { ["--who", $0] } ?? []))
            #expect(run.status == 0, "\(run.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            return (json?["participants"] as? [Any])?.count ?? -1
        }
        #expect(try count(nil) == 15)
        #expect(try count("all") == 18)
        #expect(try count("eligible") == 13)
        #expect(try count("approved") == 11)
        let text = try Run(["cost", "--event", "jeju-2023", "--roster", roster])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Left out: 3 — participant P23-16 (not eligible: applied 2023-11-08"))
    }

    @Test func anUnknownWhoIsABadFlag() throws {
        let run = try Run(["cost", "--event", "jeju-2023", "--roster", roster, "--who", "everyone"])
        #expect(run.status == 64)
    }
}
