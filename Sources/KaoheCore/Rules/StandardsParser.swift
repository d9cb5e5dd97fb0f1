import Foundation

struct StandardsParser {
    let sources: SourceStore

    func parse(_ node: YAMLNode, diagnostics: inout Diagnostics) -> StandardsDocument? {
        let r = MappingReader(node, what: "a standards document",
                              allowed: ["kaohe", "kind", "id", "title", "project_categories", "fields", "standards", "outcome", "description"],
                              required: ["id", "title", "fields", "standards"], diagnostics: &diagnostics)
        guard let id = Scalars.identifier(r["id"], "the standards id", &diagnostics) else { return nil }
        var categories: [Category] = []
        for element in Scalars.sequence(r["project_categories"], "project_categories", &diagnostics) ?? [] {
            let c = MappingReader(element, what: "a project category", allowed: ["id", "title"], required: ["id", "title"], diagnostics: &diagnostics)
            if let cid = Scalars.identifier(c["id"], "a category id", &diagnostics) {
                categories.append(Category(id: cid, title: Scalars.string(c["title"], "title", &diagnostics) ?? cid.value))
            }
        }
        var standards: [StandardsDocument.Standard] = []
        for element in Scalars.sequence(r["standards"], "standards", &diagnostics) ?? [] {
            let s = MappingReader(element, what: "a standard", allowed: ["id", "title", "require", "check"],
                                  required: ["id", "title", "require"], diagnostics: &diagnostics)
            guard let sid = Scalars.identifier(s["id"], "a standard id", &diagnostics),
                  let require = Scalars.expression(s["require"], "require", sources, &diagnostics) else { continue }
            standards.append(.init(id: sid, title: Scalars.string(s["title"], "title", &diagnostics) ?? sid.value,
                                   require: require, check: Scalars.identifier(s["check"], "a check id", &diagnostics)))
        }
        var outcome = StandardsDocument.Outcome()
        if let o = r["outcome"] {
            let m = MappingReader(o, what: "outcome", allowed: ["all", "most", "else"], diagnostics: &diagnostics)
            if let v = Scalars.string(m["all"], "outcome.all", &diagnostics) { outcome.all = v }
            if let v = Scalars.string(m["most"], "outcome.most", &diagnostics) { outcome.most = v }
            if let v = Scalars.string(m["else"], "outcome.else", &diagnostics) { outcome.otherwise = v }
        }
        return StandardsDocument(id: id, title: Scalars.string(r["title"], "title", &diagnostics) ?? id.value,
                                 projectCategories: categories,
                                 fields: FactParser().parse(r["fields"], diagnostics: &diagnostics),
                                 standards: standards, outcome: outcome)
    }
}
