import Foundation
import KaoheCore
import KaoheLedger

extension KaoheService {
    /// Publishes the 月通报 of `month` (`YYYY-MM`, a month that has ended) under document number
    /// `number`: built from the ledger as it is now and stored as published, so it never changes
    /// afterwards (committee only).
    package func publishMonthlyReport(month: String, number: String, issuer: String, by actor: Actor) throws(ServiceError) -> PublishedReport {
        guard actor.user.has(.admin) else { try deny(actor, "reports.publish", month, .forbidden("只有机关工委可以发布月通报")) }
        let parts = month.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let m = Int(parts[1]), (2000...2100).contains(year), (1...12).contains(m), parts[1].count == 2 else {
            throw .invalid("月份应为 YYYY-MM，例如 2026-11")
        }
        let today = clock.today()
        guard let lastDay = Day(year: year, month: m, day: Day.daysIn(month: m, year: year)), lastDay < today else {
            throw .invalid("只能发布已结束月份的月通报：\(year)年\(m)月到 \(year)-\(String(format: "%02d", m))-\(Day.daysIn(month: m, year: year)) 才结束")
        }
        let number = number.trimmingCharacters(in: .whitespaces), issuer = issuer.trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty, !issuer.isEmpty else { throw .invalid("请填写发文字号和发文机关") }
        let report = try answer { () throws(EngineFailure) in try Ledger(store: ledgerStore).monthlyReport((year, m)) }
        let notice = OfficialNotice(report: report, number: number, issuer: issuer, date: today)
        var published = PublishedReport(month: month, number: number, issuer: issuer, title: notice.title, publishedBy: actor.user.id,
                                        publishedAt: clock.now(), head: report.head.description, html: notice.body,
                                        standalone: notice.standalone, csv: MonthlyReportRenderer.csv(report))
        published.id = try store.publishReport(published)
        try record(actor.user.id, "reports.publish", "reports/\(published.id)", .done, "\(month) \(number) \(report.head)")
        return published
    }

    /// The published reports, newest first: every signed-in user may read them (a 通报 is circulated).
    package func publishedReports() throws(ServiceError) -> [PublishedReport] {
        try store.reports()
    }

    package func publishedReport(_ id: Int64) throws(ServiceError) -> PublishedReport {
        guard let report = try store.report(id) else { throw .notFound("没有这份月通报") }
        return report
    }
}
