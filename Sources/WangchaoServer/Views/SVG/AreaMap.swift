import Foundation
import WangchaoCore

/// The map of an area's children: their polygons projected into the viewBox, shaded by open or
/// overdue cases (with a legend), each a link to drill down, open cases as markers.
///
/// Longitude is scaled by cos(latitude) around the middle of the map (an equirectangular
/// projection): at a district's size the distortion is far below a pixel.
struct AreaMap {
    struct Region {
        let code: String
        let name: String
        let boundary: Boundary?
        let open: Int
        let overdue: Int
        /// Where a click goes (the child's map, or for a grid its detail); `nil`: no link.
        let href: String?
    }

    struct Marker {
        let lat: Double
        let lng: Double
        let title: String
        let href: String?
        let overdue: Bool
    }

    enum Shading: String {
        case open
        case overdue

        var chineseName: String { self == .open ? "在办" : "超期" }
    }

    let title: String
    let regions: [Region]
    let markers: [Marker]
    /// How many open cases there are in all (markers show at most ``markerCap``, the newest).
    let openTotal: Int
    var shading: Shading = .open
    var width: Double = 1000

    static let markerCap = 500

    func svg() -> String {
        let positions = regions.compactMap(\.boundary).flatMap { $0.polygons.flatMap { $0.flatMap { $0 } } }
        let points: [(lng: Double, lat: Double)] =
            positions.isEmpty ? markers.map { ($0.lng, $0.lat) } : positions.map { ($0.lng, $0.lat) }
        let t = SVGText.escape(title)
        guard let minLng = points.map(\.lng).min(), let maxLng = points.map(\.lng).max(),
            let minLat = points.map(\.lat).min(), let maxLat = points.map(\.lat).max()
        else {
            return ##"<svg class="area-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(SVGText.number(width)) 200" role="img" aria-label="\##(t)"><title>\##(t)</title><text x="\##(SVGText.number(width / 2))" y="100" text-anchor="middle" font-size="16" fill="currentColor">该区域没有边界数据</text></svg>"##
        }
        let k = cos((minLat + maxLat) / 2 * Double.pi / 180)
        let spanX = max((maxLng - minLng) * k, 1e-9), spanY = max(maxLat - minLat, 1e-9)
        let pad = 12.0, legendH = 56.0
        let scale = (width - 2 * pad) / spanX
        let mapH = max(200, spanY * scale)
        let scaleY = min(scale, (mapH) / spanY)
        let height = mapH + 2 * pad + legendH
        func x(_ lng: Double) -> Double { pad + (lng - minLng) * k * scaleY + ((width - 2 * pad) - spanX * scaleY) / 2 }
        func y(_ lat: Double) -> Double { pad + (maxLat - lat) * scaleY }

        let values = regions.map { shading == .open ? $0.open : $0.overdue }
        let maxValue = values.max() ?? 0
        let shades = shading == .open ? SVGPalette.shades : SVGPalette.overdueShades
        func shadeClass(_ v: Int) -> Int {
            guard v > 0, maxValue > 0 else { return 0 }
            return min(4, 1 + Int(Double(v) * 4 / Double(maxValue + 1)))
        }

        var out = ##"<svg class="area-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \##(SVGText.number(width)) \##(SVGText.number(height))" role="img" aria-labelledby="map-title"><title id="map-title">\##(t)</title>"##
        out += ##"<g class="regions">"##
        for (region, value) in zip(regions, values) {
            guard let boundary = region.boundary else { continue }
            var d = ""
            for polygon in boundary.polygons {
                for ring in polygon where !ring.isEmpty {
                    d += "M" + ring.map { "\(SVGText.number(x($0.lng))),\(SVGText.number(y($0.lat)))" }.joined(separator: "L") + "Z"
                }
            }
            let tip = SVGText.escape("\(region.name)：在办 \(region.open) 件，超期 \(region.overdue) 件")
            let path = ##"<path class="region" data-code="\##(SVGText.escape(region.code))" d="\##(d)" fill="\##(shades[shadeClass(value)])" fill-rule="evenodd" stroke="#37474f" stroke-width="1"><title>\##(tip)</title></path>"##
            if let href = region.href {
                out += ##"<a href="\##(SVGText.escape(href))" aria-label="\##(tip)">\##(path)</a>"##
            } else {
                out += path
            }
        }
        out += "</g>"
        if regions.count <= 40 {
            out += ##"<g class="labels" pointer-events="none">"##
            for region in regions {
                guard let ring = region.boundary?.polygons.first?.first, !ring.isEmpty else { continue }
                let cx = ring.map { x($0.lng) }.reduce(0, +) / Double(ring.count)
                let cy = ring.map { y($0.lat) }.reduce(0, +) / Double(ring.count)
                out += ##"<text x="\##(SVGText.number(cx))" y="\##(SVGText.number(cy))" text-anchor="middle" font-size="13" fill="#102027" stroke="#ffffff" stroke-width="3" paint-order="stroke">\##(SVGText.escape(region.name))</text>"##
            }
            out += "</g>"
        }
        out += ##"<g class="markers">"##
        for marker in markers.prefix(Self.markerCap) {
            let circle = ##"<circle class="marker\##(marker.overdue ? " overdue" : "")" cx="\##(SVGText.number(x(marker.lng)))" cy="\##(SVGText.number(y(marker.lat)))" r="\##(marker.overdue ? 4 : 3)" fill="\##(marker.overdue ? "#c62828" : "#0d47a1")" stroke="#ffffff" stroke-width="1"><title>\##(SVGText.escape(marker.title))</title></circle>"##
            if let href = marker.href {
                out += ##"<a href="\##(SVGText.escape(href))">\##(circle)</a>"##
            } else {
                out += circle
            }
        }
        out += "</g>"
        // Legend: five shade classes, then the marker note.
        let ly = mapH + 2 * pad + 8
        out += ##"<g class="legend" font-size="13" fill="currentColor"><text x="\##(SVGText.number(pad))" y="\##(SVGText.number(ly + 12))">\##(shading.chineseName)事件：</text>"##
        for index in 0..<5 {
            let lx = pad + 80 + Double(index) * 90
            let low = index == 0 ? 0 : (index - 1) * (maxValue + 1) / 4 + 1
            let high = index == 0 ? 0 : max(low, index * (maxValue + 1) / 4)
            let text = index == 0 ? "0" : (index == 4 ? "≥\(low)" : "\(low)–\(high)")
            out += ##"<rect x="\##(SVGText.number(lx))" y="\##(SVGText.number(ly))" width="18" height="14" fill="\##(shades[index])" stroke="#37474f" stroke-width="0.5"/><text x="\##(SVGText.number(lx + 24))" y="\##(SVGText.number(ly + 12))">\##(text)</text>"##
        }
        let shown = min(markers.count, Self.markerCap)
        let note = openTotal > shown ? "圆点：最新 \(shown) 件在办事件（共 \(openTotal) 件），红色为超期" : "圆点：在办事件 \(shown) 件，红色为超期"
        out += ##"<text x="\##(SVGText.number(pad))" y="\##(SVGText.number(ly + 36))">\##(SVGText.escape(note))</text></g>"##
        return out + "</svg>"
    }
}
