import KaoheBundledPacks
import KaoheCore

/// Every pack this repository ships, as the bundled `kaohe` links them.
enum AllPacks {
    static let packs = BundledPacks.all

    static func registry() throws -> Registry { try Registry(packs: packs) }
}
