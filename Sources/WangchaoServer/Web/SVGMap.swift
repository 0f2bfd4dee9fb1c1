import Foundation
import WangchaoCore

/// A small map drawn by the server as SVG: area polygons, optionally a marker, no tiles.
///
/// The projection is equirectangular around the window's middle latitude (x scaled by its
/// cosine), good enough for a few kilometres. The `<svg>` carries its window in degrees
/// (`data-west/east/north/south`) so that app.js can turn a click back into a point.
struct SVGMap {
    struct Window {
        var west: Double, south: Double, east: Double, north: Double

        /// The box around `positions`, grown by `margin` of its size on each side (at least `minimum` degrees wide).
        static func around(_ positions: [Boundary.Position], margin: Double = 0.1, minimum: Double = 0.002) -> Window? {
            guard let first = positions.first else { return nil }
            var box = Window(west: first.lng, south: first.lat, east: first.lng, north: first.lat)
            for p in positions {
                box.west = min(box.west, p.lng); box.east = max(box.east, p.lng)
                box.south = min(box.south, p.lat); box.north = max(box.north, p.lat)
            }
            let width = max(box.east - box.west, minimum), height = max(box.north - box.south, minimum)
            let midLng = (box.west + box.east) / 2, midLat = (box.south + box.north) / 2
            return Window(
                west: midLng - width * (0.5 + margin), south: midLat - height * (0.5 + margin),
                east: midLng + width * (0.5 + margin), north: midLat + height * (0.5 + margin))
        }

        func intersects(_ other: Window) -> Bool {
            west <= other.east && other.west <= east && south <= other.north && other.south <= north
        }
    }

    struct Shape {
        var code: String
        var name: String
        var boundary: Boundary
        /// Highlighted (the case's own area).
        var home = false
    }

    var window: Window
    var shapes: [Shape]
    var marker: (lat: Double, lng: Double)?
    /// The accessible name of the map.
    var label: String
    /// For the intake form: a click sets the inputs with these ids.
    var pick: (latInput: String, lngInput: String)?

    static let width = 400.0

    var height: Double {
        let midLat = (window.north + window.south) / 2 * .pi / 180
        let ratio = (window.north - window.south) / max((window.east - window.west) * cos(midLat), 1e-9)
        return min(max(Self.width * ratio, 120), 600)
    }

    func x(_ lng: Double) -> Double { (lng - window.west) / (window.east - window.west) * Self.width }
    func y(_ lat: Double) -> Double { (window.north - lat) / (window.north - window.south) * height }

    /// Bounding window of a boundary.
    static func window(of boundary: Boundary) -> Window? {
        around(boundary.polygons.flatMap { $0.first ?? [] }, margin: 0)
    }

    static func around(_ positions: [Boundary.Position], margin: Double) -> Window? {
        Window.around(positions, margin: margin, minimum: 0)
    }

    var svg: String {
        let h = height
        var out = #"<svg class="\#(pick == nil ? "minimap" : "areamap")" viewBox="0 0 \#(Int(Self.width)) \#(Int(h.rounded()))" role="img" aria-label="\#(HTMLEscape.text(label))""#
        out += String(
            format: #" data-west="%.6f" data-east="%.6f" data-north="%.6f" data-south="%.6f""#, window.west, window.east,
            window.north, window.south)
        if let pick {
            out += #" data-pick="1" data-lat="\#(pick.latInput)" data-lng="\#(pick.lngInput)""#
        }
        out += ">"
        out += "<title>\(HTMLEscape.text(label))</title>"
        for shape in shapes {
            var path = ""
            for polygon in shape.boundary.polygons {
                for ring in polygon where !ring.isEmpty {
                    path += ring.enumerated().map { index, p in
                        (index == 0 ? "M" : "L") + String(format: "%.1f %.1f", x(p.lng), y(p.lat))
                    }.joined(separator: " ") + " Z "
                }
            }
            out += #"<path class="cell\#(shape.home ? " home" : "")" d="\#(path)" data-code="\#(HTMLEscape.text(shape.code))"><title>\#(HTMLEscape.text(shape.name))</title></path>"#
        }
        for shape in shapes where shape.home {
            if let box = Self.window(of: shape.boundary) {
                let cx = x((box.west + box.east) / 2), cy = y((box.south + box.north) / 2)
                out += String(format: #"<text x="%.1f" y="%.1f" text-anchor="middle">"#, cx, cy + 18)
                    + HTMLEscape.text(shape.name) + "</text>"
            }
        }
        if let marker {
            out += String(format: #"<circle class="marker" cx="%.1f" cy="%.1f" r="7"><title>案件位置</title></circle>"#, x(marker.lng), y(marker.lat))
        }
        if pick != nil {
            let visible = marker == nil
            out += #"<circle class="marker pick-marker" cx="-20" cy="-20" r="7"\#(visible ? "" : " hidden")></circle>"#
        }
        out += "</svg>"
        return out
    }
}
