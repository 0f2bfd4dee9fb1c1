import WangchaoCore

extension IntakeSubmission: StrictBody {
    /// The fields of an intake body are its coding keys; the server's own placement (area by
    /// point, address check) is never read from a body.
    static let knownFields = Set(CodingKeys.allCases.map(\.rawValue))
}
