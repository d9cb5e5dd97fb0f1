import KaoheBundledPacks
import KaoheBundledRules
import KaoheCLI
import KaoheCore

/// The bundled `kaohe`: the engine with every pack this repository ships, and its rules/ folder
/// compiled in (used when no --rules is given and there is no rules/ folder here).
@main
enum Main {
    static func main() {
        KaoheMain.run(packs: BundledPacks.all,
                      bundledRules: BundledRules.files.map { BundledFile(path: $0.key, text: $0.value) })
    }
}
