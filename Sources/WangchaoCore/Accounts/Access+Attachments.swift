extension Access {
    /// Whether `user` may see `attachment`: its uploader may, and so may whoever can see one of
    /// the cases that reference it. Evidence is as private as the cases it documents; outside
    /// one's sight an attachment does not exist (404).
    ///
    /// - Parameter referencingCases: the cases whose intake or history names the attachment.
    public static func canSee(_ attachment: Attachment, viewer: Viewer, referencingCases: [Case]) -> Bool {
        if viewer.reach == .nothing { return false }
        if attachment.uploadedBy == viewer.username { return true }
        return referencingCases.contains { viewer.sees($0) }
    }
}
