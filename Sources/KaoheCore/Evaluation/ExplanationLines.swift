/// The explanation lines of one item as it is scored — or none at all, when the output has no
/// use for them (`--brief`): a line is built only when it is kept, so a result without
/// explanations costs no string work.
struct ExplanationLines {
    let keeping: Bool
    private(set) var lines: [ExplanationLine] = []

    init(keeping: Bool) {
        self.keeping = keeping
        if keeping { lines.reserveCapacity(4) }
    }

    mutating func add(_ line: @autoclosure () -> String) {
        if keeping { lines.append(.text(line())) }
    }

    mutating func add(line: @autoclosure () -> ExplanationLine) {
        if keeping { lines.append(line()) }
    }

    mutating func add(contentsOf more: @autoclosure () -> [ExplanationLine]) {
        if keeping { lines += more() }
    }

    /// Adds `line` unless it is there already.
    mutating func add(new line: @autoclosure () -> ExplanationLine) {
        guard keeping else { return }
        let line = line()
        if !lines.contains(line) { lines.append(line) }
    }

    var last: ExplanationLine? { lines.last }

    mutating func replaceLast(with line: ExplanationLine) {
        if !lines.isEmpty { lines[lines.count - 1] = line }
    }
}
