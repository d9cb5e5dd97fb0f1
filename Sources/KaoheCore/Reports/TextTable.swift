/// A plain-text table whose columns align by display width (Chinese text takes two columns).
package struct TextTable: Sendable {
    package var headers: [String]
    package var rows: [[String]] = []
    /// Columns aligned right (numbers).
    package var rightAligned: Set<Int> = []

    package init(headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    package mutating func add(_ row: [String]) { rows.append(row) }

    package func render(indent: String = "") -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { DisplayWidth.of($0.indices.contains(column) ? $0[column] : "") }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = headers.indices.map { column in
                DisplayWidth.pad(cells.indices.contains(column) ? cells[column] : "", to: widths[column], right: rightAligned.contains(column))
            }
            var text = indent + padded.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        let rule = indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        return line(headers) + rule + rows.map(line).joined()
    }
}
