import KaoheCommon
import KaoheCore
import KaoheLeshanShizhong
import KaoheMaonan

/// Every pack this repository ships, as the bundled `kaohe` links them.
enum AllPacks {
    static let packs = [CommonPack.pack, LeshanShizhongPack.pack, MaonanPack.pack]

    static func registry() throws -> Registry { try Registry(packs: packs) }
}
