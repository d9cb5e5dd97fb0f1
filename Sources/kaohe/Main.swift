import KaoheCLI
import KaoheCommon

/// The bundled `kaohe`: the engine with every pack this repository ships.
@main
enum Main {
    static func main() {
        KaoheMain.run(packs: [CommonPack.pack])
    }
}
