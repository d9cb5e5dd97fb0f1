import ExampleDistrictPack
import KaoheCLI
import KaoheCommon

// The district's executable: every command of `kaohe`, with the shared packs and its own.
KaoheMain.run(packs: [CommonPack.pack, ExampleDistrictPack.pack])
