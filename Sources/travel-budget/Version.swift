/// The version of travel-budget, in one place: `travel-budget --version` prints it.
enum Version {
    static let current = "0.13.0"
}
