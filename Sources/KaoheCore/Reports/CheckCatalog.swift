import Foundation

/// The listing of `kaohe checks`: every pack's checks with parameters, facts read and examples.
public enum CheckCatalog {
    /// The version of `kaohe checks --format json`'s shape.
    public static let schemaVersion = 1

    /// Every pack's checks, project checks and functions, for people.
    public static func text(_ registry: Registry) -> String {
        var out = ""
        for pack in registry.packs {
            out += "pack \(pack.id) — \(pack.title)\n"
            for check in pack.checks.sorted(by: { $0.description.id < $1.description.id }) {
                let d = check.description
                out += "\n  \(d.id)  \(d.title)\n"
                out += d.rationale.split(separator: "\n").map { "    \($0)\n" }.joined()
                for p in d.parameters {
                    out += "    with \(p.name): \(p.type)" + (p.defaultValue.map { " = \($0.literal)" } ?? " (required)") + " — \(p.summary)\n"
                }
                if !d.reads.isEmpty { out += "    reads " + d.reads.map { "\($0.name): \($0.type)" }.joined(separator: ", ") + "\n" }
                for e in d.examples {
                    let facts = e.facts.keys.sorted().map { "\($0) = \(e.facts[$0]?.literal ?? "")" }.joined(separator: ", ")
                    out += "    e.g. \(facts), as_of \(e.asOf) → \(e.fraction.shareText) of the points"
                        + (e.messages.isEmpty ? "" : "; " + e.messages.joined(separator: "; ")) + "\n"
                }
            }
            for check in pack.projectChecks.sorted(by: { $0.description.id < $1.description.id }) {
                let d = check.description
                out += "\n  \(d.id)  \(d.title)  (project check: screens brand projects against each other)\n"
                out += d.rationale.split(separator: "\n").map { "    \($0)\n" }.joined()
                if !d.reads.isEmpty { out += "    reads " + d.reads.map { "\($0.name): \($0.type)" }.joined(separator: ", ") + "\n" }
                for e in d.examples {
                    let name = e.project.fields["name"]?.display ?? e.project.id
                    out += "    e.g. \(name) among \(e.among.count) other project\(e.among.count == 1 ? "" : "s") → \(e.met ? "met" : "not met")"
                        + (e.reasons.isEmpty ? "" : "; " + e.reasons.joined(separator: "; ")) + "\n"
                }
            }
            for f in pack.functions {
                out += "\n  function \(f.name)(" + f.parameters.map(\.description).joined(separator: ", ") + ") → \(f.result)  \(f.summary)\n"
            }
            out += "\n"
        }
        return out
    }

    /// The same as JSON, for tools.
    public static func json(_ registry: Registry) -> String {
        var root = JSONObject()
        root.add("schema", raw: String(schemaVersion))
        root.add("packs", array: registry.packs.map { pack in
            var p = JSONObject()
            p.add("id", pack.id)
            p.add("title", pack.title)
            p.add("checks", array: pack.checks.sorted(by: { $0.description.id < $1.description.id }).map { check in
                let d = check.description
                return entry(id: d.id, title: d.title, rationale: d.rationale, parameters: d.parameters, reads: d.reads, examples: d.examples.count)
            })
            p.add("project_checks", array: pack.projectChecks.sorted(by: { $0.description.id < $1.description.id }).map { check in
                let d = check.description
                return entry(id: d.id, title: d.title, rationale: d.rationale, parameters: nil, reads: d.reads, examples: d.examples.count)
            })
            p.add("functions", strings: pack.functions.map(\.name))
            return p.text
        })
        return root.text + "\n"
    }

    /// One check of the JSON listing; a project check has no parameters.
    static func entry(id: String, title: String, rationale: String, parameters: [CheckParameter]?, reads: [CheckFact], examples: Int) -> String {
        var c = JSONObject()
        c.add("id", id)
        c.add("title", title)
        c.add("rationale", rationale)
        if let parameters {
            c.add("parameters", array: parameters.map { param in
                var x = JSONObject()
                x.add("name", param.name)
                x.add("type", param.type.description)
                x.add("default", raw: param.defaultValue?.json ?? "null")
                x.add("summary", param.summary)
                return x.text
            })
        }
        c.add("reads", array: reads.map { r in
            var x = JSONObject()
            x.add("name", r.name)
            x.add("type", r.type.description)
            return x.text
        })
        c.add("examples", raw: String(examples))
        return c.text
    }
}
