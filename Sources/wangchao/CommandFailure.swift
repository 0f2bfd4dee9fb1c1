/// A command that ran but could not do its job (a refused file, an unreadable input): printed as
/// `Error: …` without the usage text that `ValidationError` adds, since the arguments were fine.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
