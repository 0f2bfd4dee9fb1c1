import Foundation

extension WorkCalendar {
    /// The file format of `work-calendar.json`: per year, holiday ranges and make-up working days.
    struct File: Decodable {
        struct Year: Decodable {
            var year: Int
            var holidays: [Holiday]
            var workdays: [Workday]?
        }
        struct Holiday: Decodable {
            var name: String
            var from: String
            var to: String?
        }
        struct Workday: Decodable {
            var name: String
            var date: String
        }
        var timeZone: String?
        var years: [Year]
    }

    /// Reads and checks a calendar file.
    ///
    /// - Throws: ``DomainError/invalid(field:_:)`` naming the entry (e.g. `years[1].holidays[2].from`)
    ///   for a date that does not exist, a range that ends before it starts, a year given twice,
    ///   or a day that is both a holiday and a make-up working day.
    public init(json: Data) throws(DomainError) {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: json)
        } catch let error as DecodingError {
            throw DomainError.invalid(field: error.fieldPath, "工作日历格式错误：\(error.plainReason)")
        } catch {
            throw DomainError.invalid(field: "calendar", "工作日历不是有效的 JSON")
        }
        if let zone = file.timeZone, zone != "Asia/Shanghai" {
            throw DomainError.invalid(field: "timeZone", "工作日历只支持 Asia/Shanghai（北京时间），不支持 \(zone)")
        }
        var holidays: [ChinaDay: String] = [:]
        var workdays: [ChinaDay: String] = [:]
        var years: [Int] = []
        for (y, entry) in file.years.enumerated() {
            let path = "years[\(y)]"
            guard (2000...2100).contains(entry.year) else { throw .invalid(field: "\(path).year", "年份 \(entry.year) 无效") }
            guard !years.contains(entry.year) else { throw .invalid(field: "\(path).year", "\(entry.year) 年重复出现") }
            years.append(entry.year)
            for (h, holiday) in entry.holidays.enumerated() {
                let field = "\(path).holidays[\(h)]"
                let first = try Self.day(holiday.from, field: "\(field).from", name: holiday.name)
                var last = first
                if let to = holiday.to { last = try Self.day(to, field: "\(field).to", name: holiday.name) }
                guard first <= last, last.index - first.index < 31 else {
                    throw .invalid(field: "\(field).to", "「\(holiday.name)」的结束日期须在开始日期之后、31 天以内")
                }
                for index in first.index...last.index {
                    let day = ChinaDay(index: index)
                    if let other = holidays[day] {
                        throw .invalid(field: field, "\(day) 重复列为假日（「\(other)」与「\(holiday.name)」）")
                    }
                    holidays[day] = holiday.name
                }
            }
            for (w, workday) in (entry.workdays ?? []).enumerated() {
                let field = "\(path).workdays[\(w)]"
                let day = try Self.day(workday.date, field: "\(field).date", name: workday.name)
                guard workdays[day] == nil else { throw .invalid(field: "\(field).date", "\(day) 重复列为调休上班日") }
                workdays[day] = workday.name
            }
        }
        for (day, name) in workdays {
            if let holiday = holidays[day] {
                let field = Self.workdayField(of: day, in: file) ?? "workdays"
                throw .invalid(field: field, "\(day) 既是假日「\(holiday)」又是调休上班日「\(name)」")
            }
        }
        self.init(uncheckedHolidays: holidays, workdays: workdays, years: years.sorted())
    }

    /// The calendar shipped with Wangchao (`work-calendar.json`).
    public static let bundled: WorkCalendar = {
        guard let url = Bundle.module.url(forResource: "work-calendar", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { fatalError("work-calendar.json is missing from the WangchaoCore bundle") }
        do {
            return try WorkCalendar(json: data)
        } catch {
            fatalError("work-calendar.json is invalid: \(error)")
        }
    }()

    private static func day(_ text: String, field: String, name: String) throws(DomainError) -> ChinaDay {
        guard let day = ChinaDay(iso: text) else {
            throw .invalid(field: field, "「\(name)」的日期 \(text) 无效，须为存在的 YYYY-MM-DD")
        }
        return day
    }

    private static func workdayField(of day: ChinaDay, in file: File) -> String? {
        for (y, entry) in file.years.enumerated() {
            for (w, workday) in (entry.workdays ?? []).enumerated() where ChinaDay(iso: workday.date) == day {
                return "years[\(y)].workdays[\(w)].date"
            }
        }
        return nil
    }
}

extension DecodingError {
    /// The JSON path of the value that failed, e.g. `years[0].holidays[1].from`.
    var fieldPath: String {
        let context: Context
        var keys: [any CodingKey] = []
        switch self {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            context = c
        case .keyNotFound(let key, let c):
            context = c
            keys = [key]
        @unknown default:
            return "$"
        }
        var path = ""
        for key in context.codingPath + keys {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return path.isEmpty ? "$" : path
    }

    /// A short Chinese reason.
    var plainReason: String {
        switch self {
        case .typeMismatch: "类型不对"
        case .valueNotFound: "缺少值"
        case .keyNotFound: "缺少字段"
        case .dataCorrupted: "不是有效的 JSON"
        @unknown default: "无法解析"
        }
    }
}
