/// "Bedoelde u …?": the nearest known word to a misspelt one.
enum Spelling {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo:
    /// the same word in other case, or at most a third of its letters different.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let lower = word.lowercased()
        if let sameCase = candidates.first(where: { $0.lowercased() == lower }) { return sameCase }
        var best: (String, Int)? = nil
        let length = lower.count
        for candidate in candidates {
            // The distance is at least the difference in length: a long key is no typo of a short one.
            guard abs(candidate.count - length) <= max(2, candidate.count / 3) else { continue }
            let d = distance(lower, candidate.lowercased())
            if d <= max(2, candidate.count / 3), d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// Levenshtein distance over characters; inputs are short keys and names.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(
                    previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
