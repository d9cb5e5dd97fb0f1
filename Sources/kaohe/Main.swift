import KaoheCLI
import KaoheCommon
import KaoheLeshanShizhong
import KaoheMaonan

/// The bundled `kaohe`: the engine with every pack this repository ships.
@main
enum Main {
    static func main() {
        KaoheMain.run(packs: [CommonPack.pack, LeshanShizhongPack.pack, MaonanPack.pack])
    }
}
