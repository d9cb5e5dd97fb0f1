import Foundation

/// `kaohe test` output for people: each failure with expected against actual, untested
/// items, then `N passed, N failed`.
public enum RuleTestText {
    /// The report for people: each failing case with its mismatches, then the tally.
    public static func render(_ report: RuleTestRunner.Report) -> String {
        var out = ""
        for c in report.cases {
            if c.passed {
                out += "PASS  \(c.name)\n"
            } else {
                out += "FAIL  \(c.name)  (\(c.location))\n" + c.failures.map { "      \($0)\n" }.joined()
            }
        }
        for (checklist, items) in report.untouched.sorted(by: { $0.key < $1.key }) {
            out += "note: no test case checks these items of \(checklist): \(items.joined(separator: ", "))\n"
        }
        return out + "\(report.passed) passed, \(report.failed) failed\n"
    }
}

/// JUnit XML, for CI systems.
public enum JUnitReport {
    /// The report as JUnit XML, for CI systems.
    public static func render(_ report: RuleTestRunner.Report) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites tests=\"\(report.cases.count)\" failures=\"\(report.failed)\">\n"
        let byFile = Dictionary(grouping: report.cases, by: \.file)
        for file in byFile.keys.sorted() {
            let cases = byFile[file] ?? []
            out += "  <testsuite name=\"\(HTMLReport.escape(file))\" tests=\"\(cases.count)\" failures=\"\(cases.filter { !$0.passed }.count)\">\n"
            for c in cases {
                out += "    <testcase name=\"\(HTMLReport.escape(c.name))\" classname=\"\(HTMLReport.escape(file))\""
                if c.passed {
                    out += "/>\n"
                } else {
                    out += ">\n      <failure message=\"\(HTMLReport.escape(c.failures.first ?? ""))\">"
                        + HTMLReport.escape(c.failures.joined(separator: "\n")) + "</failure>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }
}
