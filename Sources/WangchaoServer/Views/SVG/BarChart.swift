/// A horizontal bar chart (by town, source, category): one bar per row, the value written at
/// its end, the row a link when it has one.
struct BarChart {
    struct Bar {
        let label: String
        let value: Double
        var href: String? = nil
        var colour: String = "#1f5f9e"
    }

    let title: String
    let bars: [Bar]
    var unit = "件"
    var width: Double = 640

    func svg() -> String {
        let rowH = 26.0, labelW = 150.0, valueW = 70.0, top = 8.0
        let height = top * 2 + rowH * Double(max(bars.count, 1))
        let maxValue = max(1, bars.map(\.value).max() ?? 1)
        let plotW = width - labelW - valueW
        let t = SVGText.escape(title)
        var out = ##"<svg class="chart bar-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(SVGText.number(width)) \##(SVGText.number(height))" role="img" aria-labelledby="bc-\##(t.hashValueString)"><title id="bc-\##(t.hashValueString)">\##(t)</title>"##
        if bars.isEmpty {
            out += ##"<text x="\##(SVGText.number(width / 2))" y="\##(SVGText.number(height / 2))" text-anchor="middle" font-size="14" fill="currentColor">暂无数据</text>"##
        }
        for (index, bar) in bars.enumerated() {
            let y = top + rowH * Double(index)
            let w = max(1, plotW * bar.value / maxValue)
            let label = SVGText.escape(bar.label)
            var row = ##"<g class="bar"><title>\##(label)：\##(SVGText.count(bar.value)) \##(SVGText.escape(unit))</title>"##
            row += ##"<text x="\##(SVGText.number(labelW - 8))" y="\##(SVGText.number(y + rowH / 2))" text-anchor="end" dominant-baseline="middle" font-size="13" fill="currentColor">\##(label)</text>"##
            row += ##"<rect x="\##(SVGText.number(labelW))" y="\##(SVGText.number(y + 4))" width="\##(SVGText.number(w))" height="\##(SVGText.number(rowH - 8))" fill="\##(bar.colour)"/>"##
            row += ##"<text x="\##(SVGText.number(labelW + w + 6))" y="\##(SVGText.number(y + rowH / 2))" dominant-baseline="middle" font-size="13" fill="currentColor">\##(SVGText.count(bar.value))</text></g>"##
            if let href = bar.href {
                out += ##"<a href="\##(SVGText.escape(href))">\##(row)</a>"##
            } else {
                out += row
            }
        }
        return out + "</svg>"
    }
}
