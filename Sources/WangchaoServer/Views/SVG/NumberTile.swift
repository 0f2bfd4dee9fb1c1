/// A number tile: the indicator's name, its value as text and a ring gauge for rates, coloured
/// by its light, with the light also written in words (colour is never the only signal).
struct NumberTile {
    let name: String
    let display: String
    /// 0…1 for rates (drawn as a ring), `nil` for counts.
    let fraction: Double?
    /// `green`, `yellow`, `red` or `nil`.
    let light: String?
    let lightName: String?

    func svg() -> String {
        let colour = SVGPalette.light(light)
        let label = SVGText.escape("\(name)：\(display)\(lightName.map { "（\($0)）" } ?? "")")
        var out = ##"<svg class="tile-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 120" role="img" aria-label="\##(label)"><title>\##(label)</title>"##
        if let fraction, fraction.isFinite {
            let f = min(max(fraction, 0), 1)
            let radius = 40.0, circumference = 2 * Double.pi * radius
            out += ##"<circle cx="60" cy="60" r="40" fill="none" stroke="#cfd8dc" stroke-width="12"/>"##
            out += ##"<circle class="gauge" cx="60" cy="60" r="40" fill="none" stroke="\##(colour)" stroke-width="12" stroke-dasharray="\##(SVGText.number(circumference * f)) \##(SVGText.number(circumference))" transform="rotate(-90 60 60)"/>"##
            out += ##"<text x="60" y="66" text-anchor="middle" font-size="18" font-weight="bold" fill="currentColor">\##(SVGText.escape(display))</text>"##
        } else {
            out += ##"<text x="100" y="72" text-anchor="middle" font-size="34" font-weight="bold" fill="\##(colour)">\##(SVGText.escape(display))</text>"##
        }
        return out + "</svg>"
    }
}
