import Foundation
import KaoheBundledPacks
import KaoheCore

/// The bundled rules of this repository, loaded once: the checklists inputs are decoded against.
struct FuzzWorld: Sendable {
    let registry: Registry
    let rules: RuleSet

    static let shared = FuzzWorld()

    /// The repository root, found from this file's path (fuzzing runs from a checkout).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init() {
        let registry = (try? Registry(packs: BundledPacks.all)) ?? .empty
        self.registry = registry
        let loaded = RulesLoader(registry: registry).load(paths: [Self.root.appendingPathComponent("rules").path,
                                                                  Self.root.appendingPathComponent("bench/rules").path])
        self.rules = loaded.rules
    }

    /// The plans an input is tried against, in a fixed order.
    var plans: [ChecklistPlan] { rules.plans.keys.sorted().compactMap { rules.plans[$0] } }
}
