import KaoheCommon
import KaoheCore
import KaoheLeshanShizhong
import KaoheMaonan

/// Every pack this repository ships, in one list: what `kaohe`, the rules tool, the fuzz
/// targets, the benchmarks and the tests link. A district's own executable names its packs
/// itself (see examples/district-pack).
public enum BundledPacks {
    /// Common, Leshan Shizhong and Maonan.
    public static let all: [Pack] = [CommonPack.pack, LeshanShizhongPack.pack, MaonanPack.pack]
}
