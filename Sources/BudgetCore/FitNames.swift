extension FitRequest {
    /// The event's regions in cap-table order, then the countries table's other planning regions by name.
    var knownRegions: [String] {
        let planning = Set(countries.countries.map(\.region)).subtracting(event.regionOrder).sorted()
        return event.regionOrder + planning
    }

    /// The region or country a typed name means: a region's name in any case, or a country's name, alias or code, else
    /// an unambiguous short form of a region's name (`Pacific`).
    func target(named text: String) -> FitTarget? {
        let key = CountryDirectory.key(text)
        if let region = knownRegions.first(where: { CountryDirectory.key($0) == key }) { return .region(region) }
        if let country = countries.country(named: text) { return .country(country) }
        return RegionName.region(named: text, among: knownRegions).map { .region($0) }
    }

    /// The bounds by region or country; unknown names and a side given twice with different counts are refused.
    func resolvedBounds() throws(FitRefusal) -> [FitTarget: (minimum: Int?, maximum: Int?)] {
        var resolved: [FitTarget: (minimum: Int?, maximum: Int?)] = [:]
        var problems: [String] = []
        for bound in bounds {
            guard let target = target(named: bound.name) else {
                problems.append(unknownName(bound))
                continue
            }
            var entry = resolved[target] ?? (nil, nil)
            let earlier = bound.side == .minimum ? entry.minimum : entry.maximum
            if let earlier, earlier != bound.count {
                problems.append("--\(bound.side.rawValue) is given twice for \(target.name) (\(earlier) and \(bound.count)): "
                                + "keep one")
                continue
            }
            if bound.side == .minimum { entry.minimum = bound.count } else { entry.maximum = bound.count }
            resolved[target] = entry
        }
        if !problems.isEmpty { throw .badRequest(problems) }
        return resolved
    }

    /// The message for a name that is no region or country, with the closest names.
    private func unknownName(_ bound: FitBound) -> String {
        let key = CountryDirectory.key(bound.name)
        let regions = knownRegions.filter { region in
            let other = CountryDirectory.key(region)
            return editDistance(key, other) <= max(2, key.count / 3) || (key.count >= 3 && other.hasPrefix(key))
        }
        let close = (regions + countries.suggestions(for: bound.name)).prefix(3).map { "`\($0)`" }
        let hint = close.isEmpty ? "." : "; did you mean \(close.joined(separator: " or "))?"
        return "--\(bound.side.rawValue) \(bound.name)=\(bound.count): no region or country is called `\(bound.name)`\(hint) "
            + "The regions of \(event.id) are \(event.regionOrder.joined(separator: ", ")); a country is named as in the "
            + "countries table (name, alias or ISO code)."
    }
}
