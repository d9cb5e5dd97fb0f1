import ArgumentParser
import KaoheCore

/// A date on the command line (`--as-of 2026-11-30`): an impossible or malformed date is a usage
/// error that names the option and the form, `The value '2026-02-30' is invalid for
/// '--as-of <YYYY-MM-DD>'`.
extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
