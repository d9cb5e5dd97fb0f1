import ArgumentParser
import KaoheLedger

struct LedgerImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Record the findings of evaluation results; a later evaluation marks gone findings rectified (回头看).")

    @OptionGroup var options: LedgerOptions

    @Option(help: "Who imports (recorded in the history).")
    var by: String = "kaohe"

    @Argument(help: "Result files from `kaohe evaluate --format json|jsonl -o FILE`.")
    var results: [String]

    func validate() throws {
        if results.isEmpty { throw ValidationError("give at least one result file") }
    }

    func run() throws {
        let imported = try options.open().importResults(files: results, by: by)
        Console.out(LedgerText.imported(results: imported.results, imported.summary))
    }
}
