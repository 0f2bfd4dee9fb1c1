import ArgumentParser
import Foundation
import WangchaoCore

/// `--calendar FILE`: the working-day calendar, for every command that times deadlines.
struct SLAOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A working-day calendar (JSON, the format of work-calendar.json) instead of the bundled one.",
            discussion: "China's holidays and make-up working days change every year; add each year as the State Council announces it.",
            valueName: "file"))
    var calendar: String?

    /// The bundled policies with the chosen calendar; a bad file fails naming the entry.
    func settings() throws -> SLASettings {
        guard let calendar else { return .bundled }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: calendar))
        } catch {
            throw CommandFailure("无法读取工作日历 \(calendar)：\(error.localizedDescription)")
        }
        do {
            return SLASettings(policies: .bundled, calendar: try WorkCalendar(json: data))
        } catch {
            throw CommandFailure("工作日历 \(calendar) 无效：\(error.field ?? "") \(error.message)")
        }
    }
}
