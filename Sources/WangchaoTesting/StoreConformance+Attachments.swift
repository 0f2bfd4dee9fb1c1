import Foundation
import WangchaoCore
import WangchaoStore

extension StoreConformance {
    /// The checks on attachment metadata, links and visibility.
    static let attachmentChecks: [Check] = [
        Check("attachmentRoundTrip") { try await $0.attachmentRoundTrip() },
        Check("attachmentVisibility") { try await $0.attachmentVisibility() },
        Check("attachmentsLinkToTheirCase") { try await $0.attachmentsLinkToTheirCase() },
        Check("intakeWithUnknownAttachmentChangesNothing") { try await $0.intakeWithUnknownAttachmentChangesNothing() },
        Check("transitionWithUnknownAttachmentChangesNothing") {
            try await $0.transitionWithUnknownAttachmentChangesNothing()
        },
        Check("othersPrivateAttachmentCannotBeNamed") { try await $0.othersPrivateAttachmentCannotBeNamed() },
    ]

    // MARK: - Attachments

    /// Saved metadata comes back equal; an unknown id is absent.
    public func attachmentRoundTrip() async throws {
        let store = try await makeStore()
        let saved = Attachment(
            id: "a-1", sha256: String(repeating: "ab", count: 32), contentType: .pdf, size: 12_345,
            uploadedBy: Fixtures.gridWorker.username, createdAt: Fixtures.now)
        try await store.saveAttachment(saved)
        try expectEqual(try await store.attachment(id: "a-1"), saved, "attachment(id:)")
        try expectEqual(try await store.attachment(id: "nope"), nil, "attachment(id:) of an unknown id")
        try expectEqual(
            try await store.visibleAttachment(id: "a-1", to: Fixtures.gridWorker.viewer), saved, "visible to its uploader")
        try expectEqual(try await store.caseAttachmentIds(caseId: "no-such-case"), [], "links of an unknown case")
    }

    /// The uploader sees an attachment; nobody else does until a case they can see names it, and
    /// then only those who can see that case (the district commander included; the other town not).
    public func attachmentVisibility() async throws {
        let store = try await makeStore()
        try await store.saveFixtureAttachments(["photo-1"], by: Fixtures.gridWorker)
        for viewer in [Fixtures.dispatcher, Fixtures.otherDispatcher, Fixtures.otherGridWorker, Fixtures.commander] {
            try expectEqual(
                try await store.visibleAttachment(id: "photo-1", to: viewer.viewer)?.id, nil,
                "\(viewer.username) before any case names the attachment")
        }
        try expectEqual(
            try await store.visibleAttachment(id: "photo-1", to: Fixtures.disabled.viewer)?.id, nil, "a disabled user")
        var intake = Fixtures.intake()
        intake.attachments = ["photo-1"]
        try await store.fileCase(intake, by: Fixtures.gridWorker)
        for viewer in [Fixtures.gridWorker, Fixtures.dispatcher, Fixtures.communityStaff, Fixtures.commander] {
            try expectEqual(
                try await store.visibleAttachment(id: "photo-1", to: viewer.viewer)?.id, "photo-1",
                "\(viewer.username) once a case they see names the attachment")
        }
        for viewer in [Fixtures.otherDispatcher, Fixtures.otherGridWorker, Fixtures.handler] {
            try expectEqual(
                try await store.visibleAttachment(id: "photo-1", to: viewer.viewer)?.id, nil,
                "\(viewer.username), who cannot see the case")
        }
        try expectEqual(
            try await store.visibleAttachment(id: "nope", to: Fixtures.commander.viewer), nil, "an unknown id")
    }

    /// Intake and transitions link what they name; the case's links gather both.
    public func attachmentsLinkToTheirCase() async throws {
        let store = try await makeStore()
        try await store.saveFixtureAttachments(["a-before"], by: Fixtures.gridWorker)
        try await store.saveFixtureAttachments(["b-after", "c-note"], by: Fixtures.dispatcher)
        var intake = Fixtures.intake()
        intake.attachments = ["a-before"]
        let filed = try await store.fileCase(intake, by: Fixtures.gridWorker)
        try expectEqual(try await store.caseAttachmentIds(caseId: filed.id), ["a-before"], "links after intake")
        let accepted = try await store.applyTransition(
            caseId: filed.id, TransitionInput(command: .accept, expectedVersion: 1, attachments: ["c-note", "b-after"]),
            by: Fixtures.dispatcher, at: Fixtures.now + 60)
        try expectEqual(accepted.version, 2, "version after accept with evidence")
        try expectEqual(
            try await store.history(caseId: filed.id).last?.attachments, ["c-note", "b-after"],
            "the history row keeps the order given")
        try expectEqual(
            try await store.caseAttachmentIds(caseId: filed.id), ["a-before", "b-after", "c-note"],
            "links after intake and a transition")
    }

    /// Naming an attachment that does not exist refuses the intake with the index of the bad
    /// id; no case is made and no number used up.
    public func intakeWithUnknownAttachmentChangesNothing() async throws {
        let store = try await makeStore()
        try await store.saveFixtureAttachments(["photo-1"])
        var intake = Fixtures.intake()
        intake.attachments = ["photo-1", "no-such-attachment"]
        try await expectError(.invalid, field: "attachments[1]", "intake naming an unknown attachment") {
            try await store.fileCase(intake)
        }
        try expectEqual(try await allCaseIds(store), [], "cases after the refused intake")
        let first = try await store.fileCase()
        try expectEqual(first.number, "XS-20261124-000001", "the refused intake must not use up a number")
        try expectEqual(try await store.caseAttachmentIds(caseId: first.id), [], "links of a case without evidence")
    }

    /// Naming an attachment that does not exist refuses the transition and changes nothing.
    public func transitionWithUnknownAttachmentChangesNothing() async throws {
        let store = try await makeStore()
        let filed = try await store.fileCase()
        let before = try await snapshot(store, filed.id)
        try await expectError(.invalid, field: "attachments[0]", "a transition naming an unknown attachment") {
            try await store.applyTransition(
                caseId: filed.id, TransitionInput(command: .accept, expectedVersion: 1, attachments: ["nope"]),
                by: Fixtures.dispatcher, at: Fixtures.now + 60)
        }
        try expectEqual(try await snapshot(store, filed.id), before, "case and history after the refused transition")
        try expectEqual(try await store.caseAttachmentIds(caseId: filed.id), [], "links after the refused transition")
    }

    /// An attachment one cannot see does not exist for one: naming another user's unlinked
    /// upload is refused like an unknown id, so nobody gains sight of it by naming its id.
    public func othersPrivateAttachmentCannotBeNamed() async throws {
        let store = try await makeStore()
        try await store.saveFixtureAttachments(["private-1"], by: Fixtures.gridWorker)
        var intake = Fixtures.intake(areaCode: Fixtures.otherGrid)
        intake.attachments = ["private-1"]
        try await expectError(.invalid, field: "attachments[0]", "naming another user's private upload") {
            try await store.fileCase(intake, by: Fixtures.otherGridWorker)
        }
        try expectEqual(
            try await store.visibleAttachment(id: "private-1", to: Fixtures.otherGridWorker.viewer), nil,
            "the other town's grid worker after the refused intake")
        try expectEqual(try await allCaseIds(store), [], "cases after the refused intake")
    }
}
