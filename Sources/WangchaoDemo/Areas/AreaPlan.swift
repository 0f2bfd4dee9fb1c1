import WangchaoCore

/// An area of the demo district before it has a boundary: what it is called and what it holds.
struct AreaPlan {
    var code: String
    var name: String
    var level: AreaLevel
    var children: [AreaPlan] = []

    /// How many micro-grids the area holds (1 for a micro-grid): the room it needs on the map.
    var microGridCount: Int {
        children.isEmpty ? 1 : children.reduce(0) { $0 + $1.microGridCount }
    }

    /// This area and everything below it, parents before children (breadth first).
    var levelOrder: [AreaPlan] {
        var ordered = [self]
        var next = 0
        while next < ordered.count {
            ordered += ordered[next].children
            next += 1
        }
        return ordered
    }

    /// The code of the child numbered `number` (from 1): the parent's code plus three digits.
    func childCode(_ number: Int) -> String {
        precondition((1...999).contains(number), "an area has at most 999 children")
        let digits = String(number)
        return code + String(repeating: "0", count: 3 - digits.count) + digits
    }
}
