import BudgetCore
import Foundation

/// What an announcement says of the points of departure its cap table does not name: "please contact …"
/// (`contact-organisers`), "are not eligible for support", "cannot be supported", "will receive no travel assistance"
/// and the like (`not-funded`), each with the sentence that says it; or nothing, and the draft says its rule is the default.
enum NoticeOtherPoints {
    /// A sentence of the notice that gives a rule for the other points of departure.
    struct Statement {
        let rule: OtherPointsRule
        let quote: NoticeQuote
        /// False for the table's "Other points of departure …" line when its words say neither rule.
        let recognised: Bool
    }

    /// Words that say a participant gets no support.
    static let notFunded = NoticePattern.regex([
        // are not eligible for support; will not be eligible; are ineligible
        "\\bnot\\s+(?:be\\s+)?eligible\\b", "\\bineligible\\b",
        // cannot be supported; will not be funded; are not sponsored
        "\\b(?:cannot|can\\s*not|can't|will\\s+not|won't|shall\\s+not|may\\s+not|are\\s+not|is\\s+not)\\s+(?:be\\s+)?"
            + "(?:supported|funded|sponsored|covered|reimbursed|assisted|subsidi[sz]ed)\\b",
        // will receive no travel assistance; are given no support
        "\\b(?:receive|get|given|offered|granted|provided\\s+with)\\s+no\\s+(?:[a-z-]+\\s+){0,2}"
            + "(?:assistance|support|funding|sponsorship|subsidy|allowance)",
        // will not receive any travel assistance; will not be offered financial support
        "\\bnot\\s+(?:be\\s+)?(?:receive|get|given|offered|granted|provided\\s+with)\\s+(?:any\\s+)?(?:[a-z-]+\\s+){0,2}"
            + "(?:assistance|support|funding|sponsorship|subsidy|allowance)",
        // no travel assistance will be provided; no financial support is available
        "\\bno\\s+(?:[a-z-]+\\s+){0,2}(?:assistance|support|funding|sponsorship)\\s+(?:will\\s+be|is|can\\s+be|shall\\s+be|are)\\s+"
            + "(?:[a-z]+\\s+)?(?:provided|given|offered|available|granted)\\b",
        // will not be considered for funding
        "\\bnot\\s+(?:be\\s+)?(?:considered|accepted)\\s+for\\s+(?:[a-z-]+\\s+){0,2}(?:assistance|support|funding|sponsorship)",
        // may attend at their own expense; self-funded
        "\\bat\\s+their\\s+own\\s+(?:cost|expense)s?\\b", "\\bself[- ]funded\\b", "\\bself[- ]financ",
    ].joined(separator: "|"))

    /// "Only applicants from the countries listed above are eligible for support": the others are not.
    static let onlyListed = NoticePattern.regex(
        "\\bonly\\b.*\\b(?:listed|named|mentioned|above|below|these|the\\s+following)\\b.*\\b(?:eligible|supported|funded|sponsored)\\b")

    /// Words that send a participant to the organisers.
    static let contact = NoticePattern.regex("\\b(?:contact|consult|enquire|inquire|write\\s+to|get\\s+in\\s+touch)\\b|\\bcase[- ]by[- ]case\\b")

    /// Words that a sentence is about points of departure other than the table's.
    static let elsewhere = NoticePattern.regex([
        "\\bother\\s+(?:points?|countries|country|locations?|places?|cities|regions?|departure|origins?|nationalities|member\\s+states)\\b",
        "\\belsewhere\\b",
        "\\b(?:not|un)\\s*(?:listed|named|mentioned|included|shown)\\s+(?:above|below|in\\s+the\\s+(?:table|list))",
        "\\boutside\\s+(?:the|these|this|those)\\s+(?:[a-z-]+\\s+){0,2}(?:countries|regions?|list|table)\\b",
        "\\bany\\s+other\\s+(?:country|countries|point|points|location|place|city)\\b",
        "\\bother\\s+than\\s+(?:those|the\\s+ones?|the\\s+countries|the\\s+points)\\b",
    ].joined(separator: "|"))

    /// The rule words say, if they say one.
    static func rule(of words: String) -> OtherPointsRule? {
        if NoticePattern.groups(notFunded, in: words) != nil || NoticePattern.groups(onlyListed, in: words) != nil { return .notFunded }
        if NoticePattern.groups(contact, in: words) != nil { return .contactOrganisers }
        return nil
    }

    /// The notice's statements of the rule, in the order of its lines: the cap table's "Other points of departure …" line
    /// (a sentence of it that says a rule, else the line itself, unrecognised), then every sentence elsewhere that speaks
    /// of other points of departure and says a rule.
    static func statements(_ lines: [NoticeLine], tableLine: NoticeQuote?) -> [Statement] {
        var out: [Statement] = []
        let tableNumber = tableLine?.lines.first
        for line in lines where !line.isBlank {
            let sentences = NoticeOtherPoints.sentences(line.text)
            if line.number == tableNumber {
                if let (sentence, rule) = sentences.lazy.compactMap({ s in NoticeOtherPoints.rule(of: s).map { (s, $0) } }).first {
                    out.append(Statement(rule: rule, quote: NoticeQuote(lines: [line.number], pieces: [sentence]), recognised: true))
                } else {
                    out.append(Statement(rule: .contactOrganisers, quote: NoticeQuote(lines: [line.number], pieces: [line.text]),
                                         recognised: false))
                }
                continue
            }
            for sentence in sentences {
                let about = NoticePattern.groups(elsewhere, in: sentence) != nil || NoticePattern.groups(onlyListed, in: sentence) != nil
                guard about, let rule = rule(of: sentence) else { continue }
                out.append(Statement(rule: rule, quote: NoticeQuote(lines: [line.number], pieces: [sentence]), recognised: true))
            }
        }
        return out
    }

    private static let sentenceEnd = NoticePattern.regex("(?<=[.!?;])\\s+(?=[A-Z\"“(*])")

    /// A line's sentences, each a piece of the line as it is.
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var from = text.startIndex
        for m in NoticePattern.matches(sentenceEnd, in: text) {
            out.append(String(text[from..<m.range.lowerBound]))
            from = m.range.upperBound
        }
        out.append(String(text[from...]))
        return out.filter { !$0.isEmpty }
    }
}

extension AnnouncementDraft {
    /// The rule for points of departure the cap table does not name: the notice's (its first statement, the table's line
    /// first), or the default, `contact-organisers`, listed among the checks; statements that disagree are listed too.
    mutating func readOtherPoints(_ lines: [NoticeLine], tableLine: NoticeQuote?) {
        let said = NoticeOtherPoints.statements(lines, tableLine: tableLine)
        let chosen = said.first { $0.quote.lines == tableLine?.lines && tableLine != nil } ?? said.first
        guard let chosen else {
            otherPoints = nil
            otherPointsRule = .contactOrganisers
            var check = "The announcement says nothing of points of departure that its cap table does not name: the draft writes "
                + "other_points_of_departure = \"contact-organisers\", the default, not the notice's. Ask the organisers, and write "
                + "their rule (\"not-funded\" if they fund no other) with other_points_source quoting it."
            if let open = openTo {
                check += " The notice lists the countries the event is open to (\(open.quote.lineReference)): if it funds no other, that line is the source."
            }
            checks.append(check)
            return
        }
        otherPoints = chosen.quote
        otherPointsRule = chosen.rule
        otherPointsRuleInferred = !chosen.recognised
        if !chosen.recognised {
            checks.append("\(chosen.quote.lineReference.capitalizedFirst) speaks of other points of departure without saying whether they are funded: "
                          + "the draft reads it as \"contact-organisers\" (an inference); check it.")
        }
        for other in said where other.rule != chosen.rule {
            checks.append("\(other.quote.lineReference.capitalizedFirst) says \"\(other.quote.text)\", which reads as \"\(other.rule.rawValue)\"; "
                          + "the draft keeps \"\(chosen.rule.rawValue)\" (\(chosen.quote.lineReference)): check which applies.")
        }
    }
}

extension String {
    /// With its first letter in capitals: "line 12" → "Line 12".
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
