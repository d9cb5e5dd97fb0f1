import Foundation
import KaoheCore
import KaoheLedger

extension KaoheService {
    /// Ledger items: all of them for the committee and verifiers, a unit's own for its 填报员.
    package func ledgerItems(unit: String?, status: LedgerStatus?, for actor: Actor) throws(ServiceError) -> [LedgerItem] {
        let ledger = Ledger(store: ledgerStore)
        if actor.user.has(.admin) || actor.user.has(.verifier) {
            return try answer { () throws(EngineFailure) in try ledger.items(LedgerFilter(unit: unit, status: status)) }
        }
        guard actor.user.has(.unit), let own = actor.user.unit else {
            try deny(actor, "ledger.read", unit ?? "*", .forbidden("只有机关工委、核查人和本单位可以查看整改台账"))
        }
        if let unit, unit != own { try deny(actor, "ledger.read", unit, .notFound("没有这个单位的整改台账")) }
        return try answer { () throws(EngineFailure) in try ledger.items(LedgerFilter(unit: own, status: status)) }
    }

    /// One item with its history, for those who may see it (a unit: its own only; 404 otherwise).
    package func ledgerItem(_ id: Int64, for actor: Actor) throws(ServiceError) -> (item: LedgerItem, history: [HistoryEntry]) {
        let target = "ledger/\(id)"
        guard let (item, history) = try? Ledger(store: ledgerStore).item(id) else { try deny(actor, "ledger.read", target, .notFound("没有这个整改事项")) }
        guard actor.user.has(.admin) || actor.user.has(.verifier) || actor.fillsIn(item.unit) else {
            try deny(actor, "ledger.read", target, .notFound("没有这个整改事项"))
        }
        return (item, history)
    }

    /// The moves `actor` may make on `item` now: the status machine's, narrowed to the actor's role
    /// (a unit: 整改中, 已整改 on its own items; a verifier: 销号 or back to 整改中, never 销号 of
    /// an item they reported rectified themselves).
    package func moves(of item: LedgerItem, history: [HistoryEntry], for actor: Actor) -> [LedgerStatus] {
        item.status.allowedMoves.filter { roleAllows(actor, to: $0, on: item) && !closesOwnReport(actor, to: $0, history: history) }
    }

    /// The role rule of a move, the status machine aside: a unit its own items to 整改中 or
    /// 已整改; a verifier any item to 销号 or back to 整改中.
    func roleAllows(_ actor: Actor, to status: LedgerStatus, on item: LedgerItem) -> Bool {
        (actor.fillsIn(item.unit) && [.rectifying, .rectified].contains(status))
            || (actor.user.has(.verifier) && [.closed, .rectifying].contains(status))
    }

    /// 销号 of an item the actor reported rectified themselves, which nobody may do.
    func closesOwnReport(_ actor: Actor, to status: LedgerStatus, history: [HistoryEntry]) -> Bool {
        status == .closed && history.last(where: { $0.to == .rectified })?.actor == actor.user.id
    }

    /// One move of an item (§10): a unit moves its own items to 整改中 or 已整改; a verifier closes
    /// (销号) or sends back to 整改中 — never an item they reported rectified themselves.
    package func moveLedgerItem(_ id: Int64, to status: LedgerStatus, note: String?, evidence: String?, by actor: Actor) throws(ServiceError) -> LedgerItem {
        let ledger = Ledger(store: ledgerStore)
        let target = "ledger/\(id)"
        guard let (item, history) = try? ledger.item(id) else { try deny(actor, "ledger.move", target, .notFound("没有这个整改事项")) }
        guard roleAllows(actor, to: status, on: item) else {
            if actor.user.has(.unit) && !actor.fillsIn(item.unit) && !actor.user.has(.verifier) {
                try deny(actor, "ledger.move", target, .notFound("没有这个整改事项"))
            }
            try deny(actor, "ledger.move", target, .forbidden("无权将此事项改为\(status.label)"))
        }
        if closesOwnReport(actor, to: status, history: history) {
            try deny(actor, "ledger.move", target, .forbidden("不能为自己报告已整改的事项销号"))
        }
        let moved = try answer { () throws(EngineFailure) in
            try ledger.update(id, to: status, by: actor.user.id, on: clock.today(), note: note, evidence: evidence)
        }
        try record(actor.user.id, "ledger.move", target, .done, "\(item.status.rawValue) → \(status.rawValue)")
        return moved
    }

    /// The ledger in the service's database.
    var ledgerStore: any LedgerStore { store.ledger }

    func answer<T>(_ body: () throws(EngineFailure) -> T) throws(ServiceError) -> T {
        do {
            return try body()
        } catch {
            throw .conflict(error.rendered.replacingOccurrences(of: "kaohe: ", with: ""))
        }
    }
}
