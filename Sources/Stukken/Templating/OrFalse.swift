/// Mustache context value for an optional text: `false` when absent. An empty string
/// counts as true in a section, and a missing key is looked up in the parent context.
func orFalse(_ text: String?) -> Any {
    if let text { return text }
    return false
}
