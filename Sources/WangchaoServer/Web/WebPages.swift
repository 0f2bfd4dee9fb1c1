import Foundation
import Hummingbird
import WangchaoCore
import WangchaoGeo
import WangchaoServices
import WangchaoStore

/// The web workbench's pages for people (server-rendered HTML): `/` → 工作台, the 工作台, the
/// case page with its action forms, and the intake form. Each is a ``Route`` marked
/// ``Route/page()``: without a session the browser goes to the sign-in form.
struct WebPages {
    let store: any CaseStore
    let intakes: IntakeService
    let cases: CaseService
    let clock: any WangchaoClock
    let categories: CategoryCatalog
    let kinds: CaseKindCatalog
    let sla: SLASettings
    let repeatPolicy: RepeatPolicy
    let attachmentFiles: AttachmentFiles
    let streamSettings: InboxStreamSettings

    var routes: [Route] {
        let workbench = self.workbench
        return [
            Route(.get, "/", .anyRole, home).page(),
            Route(.get, "/workbench", .anyRole, workbench.show).page().readingPersonalData(),
            Route(.get, "/workbench/stream", .anyRole, workbench.stream),
            Route(.get, "/cases/{id}", .anyRole, casePage.show).page().readingPersonalData(),
            Route(.post, "/cases/{id}/transitions", .writers, casePage.transition).page(),
            Route(.get, "/intake", .signedIn(Intake.allowedRoles), intakePage.show).page(),
            Route(.post, "/intake", .signedIn(Intake.allowedRoles), intakePage.submit).page(),
        ]
    }

    var workbench: WorkbenchPage {
        WorkbenchPage(
            store: store, clock: clock, categories: categories, kinds: kinds, streamSettings: streamSettings, units: UnitNames(store: store))
    }

    var casePage: CasePage {
        CasePage(
            store: store, cases: cases, clock: clock, categories: categories, kinds: kinds, sla: sla,
            attachments: AttachmentKeeper(store: store, files: attachmentFiles, clock: clock))
    }

    var intakePage: IntakePage {
        IntakePage(store: store, intakes: intakes, cases: cases, clock: clock, categories: categories, repeatPolicy: repeatPolicy)
    }

    @Sendable func home(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        Response(status: .seeOther, headers: [.location: LoginPage.homePath])
    }
}
