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
        var out = ##"<svg class="tile-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" role="img" aria-label="\##(label)"><title>\##(label)</title>"##
        if let fraction, fraction.isFinite {
            // A ring: the share of the circle is the rate; the value itself is written beside it.
            let f = min(max(fraction, 0), 1)
            let radius = 46.0, circumference = 2 * Double.pi * radius
            out += ##"<circle cx="60" cy="60" r="46" fill="none" stroke="#cfd8dc" stroke-width="16"/>"##
            out += ##"<circle class="gauge" cx="60" cy="60" r="46" fill="none" stroke="\##(colour)" stroke-width="16" stroke-dasharray="\##(SVGText.number(circumference * f)) \##(SVGText.number(circumference))" transform="rotate(-90 60 60)"/>"##
        } else {
            // A count: a bar in the light's colour (the number is written beside it).
            out += ##"<rect x="20" y="20" width="80" height="80" rx="12" fill="\##(colour)" opacity="0.18"/><rect x="36" y="56" width="12" height="30" fill="\##(colour)"/><rect x="54" y="40" width="12" height="46" fill="\##(colour)"/><rect x="72" y="28" width="12" height="58" fill="\##(colour)"/>"##
        }
        return out + "</svg>"
    }
}
