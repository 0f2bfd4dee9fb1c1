extension Access {
    /// Whether `user` may see `attachment`: its uploader may, and so may whoever can see one of
    /// the cases that reference it. Evidence is as private as the cases it documents; outside
    /// one's sight an attachment does not exist (404).
    ///
    /// - Parameter referencingCases: the cases whose intake or history names the attachment.
    public static func canSee(_ attachment: Attachment, user: User, referencingCases: [Case]) -> Bool {
        if user.disabled { return false }
        if attachment.uploadedBy == user.username { return true }
        return referencingCases.contains { canSee($0, user: user) }
    }
}
