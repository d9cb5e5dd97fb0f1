import ArgumentParser
import KaoheCore

/// A number on the command line (`--fail-below 85.5`), read exactly.
extension Rational: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(parsing: argument)
    }

    public var defaultValueDescription: String { DecimalMath.format(self) }
}
