/// Dense ranking, the rule seed 004's incidentie table follows: equal values share a place
/// and the next value takes the next place (2,31 (1), 2,79 (2), 2,79 (2), 3,32 (3)), so the
/// places run 1, 2, 3 … without gaps.
enum DenseRank {
    static func ranks(_ values: [Double], lowestFirst: Bool) -> [Int] {
        let distinct = Array(Set(values)).sorted(by: lowestFirst ? (<) : (>))
        var place: [Double: Int] = [:]
        for (i, v) in distinct.enumerated() { place[v] = i + 1 }
        return values.map { place[$0]! }
    }
}
