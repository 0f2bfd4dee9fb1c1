/// A line chart of daily values (the 30-day trend), drawn as SVG: one polyline per series, the
/// first and last day labelled, a `<title>` per point for the exact figure.
struct LineChart {
    struct Series {
        let name: String
        let colour: String
        let values: [Double]
    }

    let title: String
    /// One label per x position (e.g. `11-24`).
    let labels: [String]
    let series: [Series]
    var width: Double = 640
    var height: Double = 240

    func svg() -> String {
        let left = 48.0, right = 12.0, top = 28.0, bottom = 30.0
        let plotW = width - left - right, plotH = height - top - bottom
        let maxValue = max(1, series.flatMap(\.values).max() ?? 1)
        let n = max(labels.count, 1)
        func x(_ i: Int) -> Double { left + (n == 1 ? plotW / 2 : plotW * Double(i) / Double(n - 1)) }
        func y(_ v: Double) -> Double { top + plotH - plotH * v / maxValue }
        let t = SVGText.escape(title)
        var out = ##"<svg class="chart line-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(SVGText.number(width)) \##(SVGText.number(height))" role="img" aria-labelledby="lc-\##(t.hashValueString)"><title id="lc-\##(t.hashValueString)">\##(t)</title>"##
        // Axes and grid lines at 0, ½ and the maximum.
        for fraction in [0.0, 0.5, 1.0] {
            let value = maxValue * fraction
            let yy = SVGText.number(y(value))
            out += ##"<line class="grid" x1="\##(SVGText.number(left))" x2="\##(SVGText.number(width - right))" y1="\##(yy)" y2="\##(yy)" stroke="#cfd8dc" stroke-width="1"/>"##
            out += ##"<text x="\##(SVGText.number(left - 6))" y="\##(yy)" text-anchor="end" dominant-baseline="middle" font-size="12" fill="currentColor">\##(SVGText.count(value))</text>"##
        }
        if let first = labels.first, let last = labels.last {
            out += ##"<text x="\##(SVGText.number(x(0)))" y="\##(SVGText.number(height - 8))" font-size="12" fill="currentColor">\##(SVGText.escape(first))</text>"##
            out += ##"<text x="\##(SVGText.number(x(n - 1)))" y="\##(SVGText.number(height - 8))" text-anchor="end" font-size="12" fill="currentColor">\##(SVGText.escape(last))</text>"##
        }
        for (index, s) in series.enumerated() {
            let points = s.values.enumerated().map { "\(SVGText.number(x($0.offset))),\(SVGText.number(y($0.element)))" }
            out += ##"<polyline class="series" fill="none" stroke="\##(s.colour)" stroke-width="2.5" points="\##(points.joined(separator: " "))"><title>\##(SVGText.escape(s.name))</title></polyline>"##
            for (i, v) in s.values.enumerated() {
                let label = i < labels.count ? labels[i] : ""
                out += ##"<circle cx="\##(SVGText.number(x(i)))" cy="\##(SVGText.number(y(v)))" r="3" fill="\##(s.colour)"><title>\##(SVGText.escape(label)) \##(SVGText.escape(s.name))：\##(SVGText.count(v)) 件</title></circle>"##
            }
            // Legend along the top.
            let lx = left + Double(index) * 140
            out += ##"<rect x="\##(SVGText.number(lx))" y="8" width="14" height="4" fill="\##(s.colour)"/><text x="\##(SVGText.number(lx + 18))" y="14" font-size="12" fill="currentColor">\##(SVGText.escape(s.name))</text>"##
        }
        return out + "</svg>"
    }
}

extension String {
    /// A short stable id fragment for `aria-labelledby` (FNV-1a of the text).
    var hashValueString: String {
        var hash: UInt32 = 2_166_136_261
        for byte in utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return String(hash, radix: 36)
    }
}
