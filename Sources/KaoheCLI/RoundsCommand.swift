import ArgumentParser
import Foundation
import KaoheCore
import KaoheServer

struct RoundsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rounds", abstract: "Assessment rounds of the web service: open, list, close.",
        subcommands: [RoundsOpen.self, RoundsList.self, RoundsClose.self])
}

struct RoundsOpen: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open a round: a checklist, an as-of date and the units taking part.")

    @OptionGroup var options: ServerOptions

    @OptionGroup var rules: RulesOptions

    @Option(help: "The round's id, e.g. 2026-annual.")
    var id: String

    @Option(help: "The checklist id.")
    var checklist: String

    @Option(help: ArgumentHelp("The assessment date of the round.", valueName: "YYYY-MM-DD"))
    var asOf: Day

    @Option(help: "A CSV of the units taking part: id,name,category (a header row optional).")
    var units: String

    func run() throws {
        guard let text = try? String(contentsOfFile: units, encoding: .utf8) else { throw EngineFailure(message: "kaohe: cannot read \(units) as UTF-8 text") }
        let list = try UnitsCSV.parse(text, path: units)
        let service = try options.service(rules: try rules.load())
        try serving { () throws(ServiceError) in try service.openRound(Round(id: id, checklist: checklist, asOf: asOf), units: list, by: "kaohe rounds") }
        Console.out("opened round \(id): \(checklist), as of \(asOf), \(list.count) units\n")
    }
}

struct RoundsList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the rounds with how far each has come.")

    @OptionGroup var options: ServerOptions

    func run() throws {
        let service = try options.service()
        var table = TextTable(headers: ["轮次", "考核清单", "考核日期", "状态", "单位", "已提交", "已受理"], rightAligned: [4, 5, 6])
        for round in try serving({ () throws(ServiceError) in try service.store.rounds() }) {
            let units = try serving { () throws(ServiceError) in try service.store.units(of: round.id) }
            table.add([round.id, round.checklist, round.asOf.description, round.state == .open ? "进行中" : "已结束", "\(units.count)",
                       "\(units.filter { $0.status.hasResult }.count)", "\(units.filter { $0.status == .accepted }.count)"])
        }
        Console.out(table.render())
    }
}

struct RoundsClose: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a round: nothing more can be saved or submitted.")

    @OptionGroup var options: ServerOptions

    @Argument(help: "The round's id.")
    var id: String

    func run() throws {
        let service = try options.service()
        try serving { () throws(ServiceError) in try service.closeRound(id, by: "kaohe rounds") }
        Console.out("closed round \(id)\n")
    }
}
