import Foundation

/// The one door every front end uses (the `kaohe` command line, the web service, a district's
/// own tool): it loads rules, evaluates, explains, runs rule tests and competitions, and answers
/// with values — results to render, or an ``EngineFailure`` holding every diagnostic.
///
/// ```swift
/// let engine = Engine(registry: try Registry(packs: [CommonPack.pack]))
/// let rules = try engine.rules(at: ["rules"])
/// let run = try engine.evaluate(rules, inputs: ["examples/leshan-shizhong"])
/// print(TableReport.render(run.batch, plan: run.plan))
/// ```
public struct Engine: Sendable {
    /// The packs linked in, with their checks and functions.
    public let registry: Registry
    /// Rules compiled into the executable, used when no rules folder is given or found.
    public let bundledRules: [BundledFile]

    /// An engine with the packs of `registry`, and the rules to use when none are given.
    public init(registry: Registry, bundledRules: [BundledFile] = []) {
        self.registry = registry
        self.bundledRules = bundledRules
    }

    /// An engine with `packs`; fails when two packs declare the same check or function.
    public init(packs: [Pack], bundledRules: [BundledFile] = []) throws(EngineFailure) {
        do {
            self.init(registry: try Registry(packs: packs), bundledRules: bundledRules)
        } catch {
            throw EngineFailure(message: "kaohe: \(error)")
        }
    }

    /// Every rules file at `paths`, parsed, resolved and compiled, with every diagnostic as a
    /// value (errors and warnings). With no paths: ./rules if it exists, else the bundled rules.
    public func loadRules(at paths: [String]) -> LoadResult {
        let loader = RulesLoader(registry: registry)
        if !paths.isEmpty { return loader.load(paths: paths) }
        if FileManager.default.fileExists(atPath: "rules") || bundledRules.isEmpty { return loader.load(paths: ["rules"]) }
        return loader.load(texts: bundledRules.map { ($0.path, $0.text) })
    }

    /// The rules at `paths` (see ``loadRules(at:)``), refused when they have any error or a
    /// folder does not exist; warnings stay in the result's diagnostics for the caller to show.
    public func rules(at paths: [String]) throws(EngineFailure) -> LoadResult {
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw EngineFailure(message: "kaohe: rules folder '\(path)' not found; run kaohe from the folder that holds it, or pass --rules DIR")
        }
        let loaded = loadRules(at: paths)
        if loaded.diagnostics.hasErrors { throw EngineFailure(loaded.diagnostics, sources: loaded.sources) }
        return loaded
    }
}

/// A rules file compiled into the executable (see the EmbedRules build plugin).
public struct BundledFile: Sendable {
    public var path: String
    public var text: String

    /// A file's path (as diagnostics name it) and text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
