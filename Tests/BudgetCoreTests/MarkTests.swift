import Testing
@testable import BudgetCore

/// One table of letters for the flags of every command: a letter has one meaning, whichever report prints it.
@Suite struct MarkTests {
    @Test func everyMarkHasItsOwnLetter() {
        let letters = Mark.allCases.map(\.letter)
        #expect(Set(letters).count == letters.count, "\(letters)")
        #expect(letters.allSatisfy { $0.count == 1 && $0.uppercased() == $0 })
    }

    @Test func aBudgetsFlagsAndAReconciliationsShareALetterOnlyWhereTheyMeanTheSame() {
        for flag in Flag.allCases { #expect(flag.mark.rawValue == flag.rawValue) }
        for flag in ReconciliationFlag.allCases { #expect(flag.mark.rawValue == flag.rawValue) }
        let shared = Set(Flag.allCases.map(\.letter)).intersection(ReconciliationFlag.allCases.map(\.letter))
        #expect(shared == [Flag.aboveCap.letter, Flag.selfFunded.letter])
        #expect(ReconciliationFlag.aboveCap.letter == Flag.aboveCap.letter && ReconciliationFlag.selfFunded.letter == Flag.selfFunded.letter)
        // "C" is contact-organisers everywhere: reconcile's ticket with no cap has a letter of its own.
        #expect(ReconciliationFlag.noCap.letter != Flag.contactOrganisers.letter)
        #expect(ReconciliationFlag.localFromNights.letter != Flag.notFunded.letter)
    }
}
