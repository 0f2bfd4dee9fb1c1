import Foundation
import WangchaoCore

/// Generates the demo's cases, in creation order, each with the history the real state machine
/// produced for it.
///
/// Cases are made one at a time, so memory stays bounded whatever the count (repeat detection
/// remembers at most 100,000 recent cases, see ``RepeatIndex``); iterate the
/// generator directly, or in batches for progress display and batched inserts:
///
/// ```swift
/// let generator = CaseGenerator(district: district, options: DemoOptions(now: Date()))
/// var done = 0
/// for batch in generator.batches(of: 1_000) {
///     try store.insert(batch)
///     done += batch.count
///     print("\(done) / \(generator.count)")
/// }
/// ```
///
/// The same district and options always give the same cases: ids, numbers, tracking codes,
/// times and texts included.
public struct CaseGenerator: Sequence, IteratorProtocol, Sendable {
    /// How many cases the generator yields in all.
    public let count: Int
    private let options: DemoOptions
    private let index: DistrictIndex
    private let sampler: IntakeSampler
    private let times: [Date]
    private var position = 0
    private var numbering = CaseNumbering()
    private var mergeCandidates = MergeCandidates()
    private var repeats = RepeatIndex()
    private var rng: SeededGenerator
    /// Places repeat reports next to the case they repeat; a stream of its own, so the other
    /// cases come out as they would without it.
    private var repeatPlaces: SeededGenerator

    /// A generator of `options.cases` cases in `district`, spread over the `options.days` days
    /// before `options.now`, using the categories shipped with WangchaoCore.
    public init(district: DemoDistrict, options: DemoOptions) {
        precondition(options.cases >= 0 && options.days >= 1, "cases must be ≥ 0 and days ≥ 1")
        self.options = options
        count = options.cases
        index = DistrictIndex(district)
        sampler = IntakeSampler(index: index, catalog: CategoryCatalog.bundled)
        var schedule = SeededGenerator(seed: options.seed, stream: "case-times")
        times = CaseSchedule.times(count: count, days: options.days, now: options.now, using: &schedule)
        rng = SeededGenerator(seed: options.seed, stream: "cases")
        repeatPlaces = SeededGenerator(seed: options.seed, stream: "repeat-places")
    }

    /// The next case, or `nil` after the last.
    public mutating func next() -> GeneratedCase? {
        guard position < times.count else { return nil }
        let createdAt = times[position]
        position += 1

        let place = sampler.place(using: &rng)
        let category = sampler.category(using: &rng)
        let source = sampler.source(for: category, using: &rng)
        let scene = Scene.draw(community: place.community.name, communityOrdinal: place.communityOrdinal, using: &rng)
        let intake = Intake(
            category: category.code, description: DescriptionTemplates.description(of: category.code, in: scene, using: &rng),
            source: source, priority: sampler.priority(for: category, using: &rng),
            location: sampler.location(in: place, scene: scene, using: &rng),
            reporter: sampler.reporter(for: source, using: &rng), areaCode: place.microGrid.code)
        let reported = intake.makeCase(
            id: DemoIdentifier.uuid(using: &rng), number: numbering.next(at: createdAt),
            trackingCode: TrackingCode.generate(using: &rng), areaCode: place.microGrid.code, category: category,
            at: createdAt)

        let mergeTarget = mergeCandidates.target(category: category.code, communityCode: place.community.code, before: createdAt)
        let units = index.unitsById
        let context = TransitionContext(
            unit: { units[$0] }, visibleCase: { $0 == mergeTarget?.id ? mergeTarget : nil }, category: category)
        let reporter = source == .gridPatrol ? index.gridWorkers[place.gridCode] : nil
        var script = CaseScript(
            walk: CaseWalk(intake: reported, by: reporter, now: options.now, context: context), rng: rng, index: index,
            place: place, category: category, scene: scene, mergeTarget: mergeTarget)
        if let target = script.mergeTarget {
            // A report the dispatcher will merge is about the same spot: a point near the target's.
            let (location, areaCode) = nearby(target, address: intake.location.address)
            script.relocate(to: location, areaCode: areaCode)
        }
        var probe = intake
        probe.location = script.walk.current.location
        let candidates = repeats.candidates(for: probe, at: createdAt)
        script.play()
        rng = script.rng

        var final = script.walk.current
        final.repeatCandidates = candidates
        final.likelyRepeat = RepeatPolicy.isLikelyRepeat(candidates)
        mergeCandidates.record(final, communityCode: place.community.code)
        let generated = GeneratedCase(case: final, history: script.walk.history)
        repeats.record(generated)
        return generated
    }

    /// A point 5–60 m from `target`'s inside its micro-grid (its own point when none is found),
    /// with the address as reported, and that micro-grid.
    private mutating func nearby(_ target: Case, address: String) -> (Location, String) {
        let place = index.places[index.placeByMicroGrid[target.areaCode]!]
        let metresPerDegree = GreatCircle.earthRadius * Double.pi / 180
        for _ in 0..<20 {
            let distance = repeatPlaces.double(in: 5...60), bearing = repeatPlaces.double(in: 0...(2 * Double.pi))
            let lat = target.location.lat + distance * cos(bearing) / metresPerDegree
            let lng = target.location.lng + distance * sin(bearing) / (metresPerDegree * cos(target.location.lat * Double.pi / 180))
            if RingGeometry.contains(place.ring, lng: lng, lat: lat) {
                return (Location(lat: lat, lng: lng, address: address), target.areaCode)
            }
        }
        return (Location(lat: target.location.lat, lng: target.location.lng, address: address), target.areaCode)
    }

    /// The remaining cases in arrays of `size` (the last may be shorter).
    public func batches(of size: Int) -> some Sequence<[GeneratedCase]> {
        precondition(size > 0, "batch size must be positive")
        return sequence(state: self) { generator -> [GeneratedCase]? in
            var batch: [GeneratedCase] = []
            batch.reserveCapacity(size)
            while batch.count < size, let next = generator.next() { batch.append(next) }
            return batch.isEmpty ? nil : batch
        }
    }
}
