import Foundation

/// Resolves checklists: applies each overlay's `extends` chain and `modify` list to its base,
/// reporting cycles (the whole cycle), dangling ids and conflicting declarations.
struct OverlayResolver {
    let documents: [String: ChecklistDocument]
    let parser: ChecklistParser
    private var resolved: [String: Checklist] = [:]
    private var failed = Set<String>()

    init(documents: [String: ChecklistDocument], parser: ChecklistParser) {
        self.documents = documents
        self.parser = parser
    }

    mutating func resolveAll(diagnostics: inout Diagnostics) -> [String: Checklist] {
        for id in documents.keys.sorted() {
            _ = resolve(id, path: [], diagnostics: &diagnostics)
        }
        return resolved
    }

    mutating func resolve(_ id: String, path: [String], diagnostics: inout Diagnostics) -> Checklist? {
        if let done = resolved[id] { return done }
        if failed.contains(id) { return nil }
        guard let doc = documents[id] else { return nil }
        if let start = path.firstIndex(of: id) {
            let cycle = path[start...] + [id]
            diagnostics.error(doc.extends?.location ?? doc.id.location,
                              "extends forms a cycle: \(cycle.joined(separator: " → "))",
                              help: "a checklist cannot extend itself, directly or through others")
            failed.formUnion(cycle)
            return nil
        }
        var checklist: Checklist
        if let parent = doc.extends {
            guard documents[parent.value] != nil else {
                diagnostics.error(parent.location, "extends unknown checklist '\(parent.value)'",
                                  help: Suggestion.didYouMean(parent.value, in: documents.keys) ?? "no checklist with that id is in the rules folder")
                failed.insert(id)
                return nil
            }
            guard let base = resolve(parent.value, path: path + [id], diagnostics: &diagnostics) else {
                failed.insert(id)
                return nil
            }
            checklist = overlay(doc, on: base, diagnostics: &diagnostics)
        } else {
            checklist = Checklist(
                id: id, version: doc.version ?? "", title: doc.title ?? id, locale: doc.locale ?? "zh-Hans",
                packs: doc.packs.map(\.value), standards: doc.standards, period: doc.period, facts: doc.facts, categories: doc.categories,
                weights: doc.weights, grades: doc.grades ?? [], sections: doc.sections, penalties: doc.penalties,
                vetoes: doc.vetoes, bonusCap: doc.bonusCap, bonuses: doc.bonuses, lineage: [id], location: doc.location)
        }
        checkUniqueIDs(checklist, diagnostics: &diagnostics)
        resolved[id] = checklist
        return checklist
    }

    func overlay(_ doc: ChecklistDocument, on base: Checklist, diagnostics: inout Diagnostics) -> Checklist {
        var c = base
        c.id = doc.id.value
        c.lineage = [doc.id.value] + base.lineage
        c.location = doc.location
        if let title = doc.title { c.title = title }
        if let version = doc.version { c.version = version }
        if let locale = doc.locale { c.locale = locale }
        if let period = doc.period { c.period = period }
        if let standards = doc.standards { c.standards = standards }
        for pack in doc.packs where !c.packs.contains(pack.value) { c.packs.append(pack.value) }
        for fact in doc.facts {
            if let existing = c.facts.first(where: { $0.name == fact.name }) {
                if !existing.sameDeclaration(as: fact) {
                    diagnostics.error(fact.location, "fact '\(fact.name)' is already declared by '\(base.id)' with another type or range",
                                      help: "give the overlay's fact another name, or declare it exactly as the base does",
                                      notes: [.init(location: existing.location, message: "declared here")])
                }
                continue
            }
            c.facts.append(fact)
        }
        for category in doc.categories {
            if let index = c.categories.firstIndex(where: { $0.id.value == category.id.value }) {
                c.categories[index] = category
            } else {
                c.categories.append(category)
            }
        }
        for row in doc.weights {
            if let index = c.weights.firstIndex(where: { $0.category.value == row.category.value }) {
                c.weights[index] = row
            } else {
                c.weights.append(row)
            }
        }
        if let grades = doc.grades { c.grades = grades }
        for section in doc.sections {
            if let existing = c.sections.first(where: { $0.id.value == section.id.value }) {
                diagnostics.error(section.id.location, "section '\(section.id.value)' already exists in '\(base.id)'",
                                  help: "change it with modify: [{section: \(section.id.value), set: {…}}], or choose a new id",
                                  notes: [.init(location: existing.id.location, message: "defined here")])
                continue
            }
            c.sections.append(section)
        }
        c.penalties += doc.penalties
        c.vetoes += doc.vetoes
        c.bonuses += doc.bonuses
        if let cap = doc.bonusCap { c.bonusCap = cap }
        let modifier = Origin.Modifier(checklist: doc.id.value, location: doc.location)
        for modification in doc.modifications {
            apply(modification, to: &c, base: base.id, modifier: modifier, diagnostics: &diagnostics)
        }
        return c
    }

    func apply(_ modification: Modification, to c: inout Checklist, base: String, modifier: Origin.Modifier,
               diagnostics: inout Diagnostics) {
        var modifier = modifier
        switch modification {
        case .set(let target, let isSection, let fields, let location):
            modifier.location = location
            if isSection {
                guard let s = c.sections.firstIndex(where: { $0.id.value == target.value }) else {
                    unknown(target, "section", in: c, base: base, &diagnostics)
                    return
                }
                let reader = MappingReader(fields, what: "a section change", allowed: ["title"], diagnostics: &diagnostics)
                if let title = Scalars.string(reader["title"], "title", &diagnostics) { c.sections[s].title = title }
                c.sections[s].origin.modifiedBy.append(modifier)
                return
            }
            guard let (s, i) = itemIndex(target.value, in: c) else {
                unknown(target, "item", in: c, base: base, &diagnostics)
                return
            }
            let allowed = ChecklistParser.itemKeys.filter { $0 != "id" }
            let reader = MappingReader(fields, what: "an item change", allowed: allowed, diagnostics: &diagnostics)
            parser.apply(reader, to: &c.sections[s].items[i], &diagnostics)
            c.sections[s].items[i].origin.modifiedBy.append(modifier)
        case .remove(let target, _):
            if let (s, i) = itemIndex(target.value, in: c) {
                c.sections[s].items.remove(at: i)
            } else if let s = c.sections.firstIndex(where: { $0.id.value == target.value }) {
                c.sections.remove(at: s)
                c.weights = c.weights.map { row in
                    var row = row
                    row.weights.removeAll { $0.section.value == target.value }
                    return row
                }
            } else if let p = c.penalties.firstIndex(where: { $0.id.value == target.value }) {
                c.penalties.remove(at: p)
            } else if let s = c.sections.firstIndex(where: { $0.penalties.contains { $0.id.value == target.value } }) {
                c.sections[s].penalties.removeAll { $0.id.value == target.value }
            } else if let b = c.bonuses.firstIndex(where: { $0.id.value == target.value }) {
                c.bonuses.remove(at: b)
            } else if let v = c.vetoes.firstIndex(where: { $0.id.value == target.value }) {
                c.vetoes.remove(at: v)
            } else {
                unknown(target, "item, section, penalty, bonus or veto", in: c, base: base, &diagnostics)
            }
        case .addTo(let section, let items, let penalties, _):
            guard let s = c.sections.firstIndex(where: { $0.id.value == section.value }) else {
                unknown(section, "section", in: c, base: base, &diagnostics)
                return
            }
            for item in items {
                if let (es, ei) = itemIndex(item.id.value, in: c) {
                    diagnostics.error(item.id.location, "item '\(item.id.value)' already exists in '\(base)'",
                                      help: "to change it use {item: \(item.id.value), set: {…}}; to add a new item choose a new id",
                                      notes: [.init(location: c.sections[es].items[ei].id.location, message: "defined here")])
                    continue
                }
                c.sections[s].items.append(item)
            }
            c.sections[s].penalties += penalties
        }
    }

    func itemIndex(_ id: String, in c: Checklist) -> (Int, Int)? {
        for (s, section) in c.sections.enumerated() {
            if let i = section.items.firstIndex(where: { $0.id.value == id }) { return (s, i) }
        }
        return nil
    }

    func unknown(_ target: Located<String>, _ what: String, in c: Checklist, base: String, _ diagnostics: inout Diagnostics) {
        let ids: [String]
        switch what {
        case "item": ids = c.sections.flatMap { $0.items.map(\.id.value) }
        case "section": ids = c.sections.map(\.id.value)
        default:
            ids = c.sections.flatMap { [$0.id.value] + $0.items.map(\.id.value) + $0.penalties.map(\.id.value) }
                + c.penalties.map(\.id.value) + c.bonuses.map(\.id.value) + c.vetoes.map(\.id.value)
        }
        diagnostics.error(target.location, "no \(what) '\(target.value)' in '\(base)' to modify",
                          help: Suggestion.didYouMean(target.value, in: ids) ?? "`kaohe show --checklist \(base)` lists its ids")
    }

    /// Section, item, penalty, bonus and veto ids are unique within a resolved checklist.
    func checkUniqueIDs(_ c: Checklist, diagnostics: inout Diagnostics) {
        var seen: [String: SourceLocation] = [:]
        func visit(_ id: Located<String>) {
            if let first = seen[id.value] {
                if first != id.location {
                    diagnostics.error(id.location, "duplicate id '\(id.value)' in checklist '\(c.id)'",
                                      help: "ids of sections, items, penalties, bonuses and vetoes must be unique",
                                      notes: [.init(location: first, message: "'\(id.value)' first used here")])
                }
                return
            }
            seen[id.value] = id.location
        }
        for section in c.sections {
            visit(section.id)
            section.items.forEach { visit($0.id) }
            section.penalties.forEach { visit($0.id) }
        }
        c.penalties.forEach { visit($0.id) }
        c.bonuses.forEach { visit($0.id) }
        c.vetoes.forEach { visit($0.id) }
    }
}
