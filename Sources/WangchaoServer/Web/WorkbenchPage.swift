import Foundation
import Hummingbird
import WangchaoCore
import WangchaoStore

/// `/workbench`: the signed-in user's cases, most urgent first.
struct WorkbenchPage {
    let store: any CaseStore
    let clock: any WangchaoClock
    let categories: CategoryCatalog
    let sla: SLASettings

    @Sendable func show(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        _ = try context.requireUser()
        return PageRenderer.bundled.render(
            template: "workbench", context: [:],
            frame: PageFrame(title: "工作台", mainId: "workbench", context: context, current: "/workbench"))
    }
}
