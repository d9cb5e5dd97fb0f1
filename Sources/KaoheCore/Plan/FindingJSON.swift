/// The JSON of an item's generated findings after the finding's id, made once per plan:
/// `, "item": "R02", "message": "支部数量：得 0 分（满分 3 分）", "deduction": 3` for one that
/// earned nothing, and for one that earned some, the same around the points earned and the
/// deduction.
struct FindingJSON: Sendable {
    /// Everything after the id of a finding that earned nothing, up to its deduction included.
    let zero: [UInt8]
    /// After the id, up to the points earned: `, "item": "R09", "message": "整改数量：得 `.
    let partialHead: [UInt8]
    /// After the points earned, up to the deduction: ` 分（满分 4 分）", "deduction": `.
    let partialTail: [UInt8]

    init(item: String, points: Rational, zero message: String, before: String, after: String) {
        var out = JSONBuffer(capacity: 128)
        out.raw(", \"item\": ")
        out.string(item)
        out.raw(", \"message\": ")
        out.string(message)
        out.raw(", \"deduction\": ")
        out.score(points)
        zero = out.bytes
        var head = JSONBuffer(capacity: 128)
        head.raw(", \"item\": ")
        head.string(item)
        head.raw(", \"message\": ")
        head.string(before)
        partialHead = head.bytes.dropLast()
        var tail = JSONBuffer(capacity: 64)
        tail.string(after)
        tail.raw(", \"deduction\": ")
        partialTail = Array(tail.bytes.dropFirst())
    }
}
