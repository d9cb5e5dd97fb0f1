/// The fingerprint of a compiled checklist: a hash of everything that decides its results
/// (the resolved checklist without file places, and the packs with their checks), so two
/// results with the same fingerprint and inputs are identical.
package enum Fingerprint {
    package static let engineVersion = "kaohe-format-1"

    /// Computed once, when the plan is compiled (the scorer only copies it into each result).
    static func of(_ checklist: Checklist, registry: Registry) -> String {
        var text = engineVersion + "\n" + ChecklistText.render(checklist, origins: false)
        for pack in registry.packs where checklist.packs.contains(pack.id) {
            text += "pack \(pack.id): " + pack.checks.map { $0.description.id }.sorted().joined(separator: ", ") + "\n"
        }
        return "sha256:" + SHA256.hex(Array(text.utf8))
    }
}
