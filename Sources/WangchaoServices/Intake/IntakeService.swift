import Foundation
import WangchaoCore
import WangchaoGeo
import WangchaoStore

/// The one intake path: every channel (JSON API, web form, Open311, connected systems) hands its
/// ``IntakeSubmission`` here and files what comes back. Cheap checks come first (every field but
/// the point, against the taxonomy and the limits, without touching the store); then an address
/// without a point is placed through the standard address base, and a point without an area is
/// filed in the micro-grid that holds it.
public struct IntakeService: Sendable {
    public let store: any CaseStore
    public let settings: DomainSettings
    /// Point → area; `nil`: an intake without `areaCode` goes to the district.
    public let locator: AreaLocator?

    public init(store: any CaseStore, settings: DomainSettings, locator: AreaLocator?) {
        self.store = store
        self.settings = settings
        self.locator = locator
    }

    /// The intake a submission becomes, with the digest that identifies the submission itself.
    ///
    /// - Throws: ``DomainError`` `invalid` naming the first bad field; `location.address` when
    ///   an address-only submission cannot be placed.
    public func prepare(_ submission: IntakeSubmission) async throws -> PreparedIntake {
        let placing = submission.needsPlacement
        // Every field but the point first: a refusal costs no look-up.
        var intake = submission.intake(at: placing ? (0, 0) : try submission.submittedPoint())
        try settings.check(intake)
        if placing {
            let address = submission.location.address.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let placed = try await AddressPlacement(store: store).place(address) else {
                throw DomainError.invalid(field: "location.address", "无法确定这个地址的位置，请提供坐标（location.lat、location.lng）")
            }
            intake.location.lat = placed.lat
            intake.location.lng = placed.lng
            if intake.areaCode == nil { intake.areaCode = placed.areaCode }
            intake.addressCheck = placed.check
        }
        if intake.areaCode == nil, let locator {
            let resolution = locator.locate(latitude: intake.location.lat, longitude: intake.location.lng)
            intake.areaCode = resolution.area?.code
            intake.placementNote = "按坐标定位：\(resolution.reason)"
        }
        return PreparedIntake(intake: intake, requestHash: try RequestDigest.of(submission))
    }
}

/// An intake ready to file, and the digest of the submission it came from (what an idempotency
/// key or a connected system's record is compared by).
public struct PreparedIntake: Sendable {
    public var intake: Intake
    public var requestHash: String

    public init(intake: Intake, requestHash: String) {
        self.intake = intake
        self.requestHash = requestHash
    }

    /// An intake that is its own submission (it came with its point and area).
    public init(_ intake: Intake) throws {
        self.init(intake: intake, requestHash: try RequestDigest.of(IntakeSubmission(intake)))
    }
}
