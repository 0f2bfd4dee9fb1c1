import Foundation

/// Escaping and number formatting for SVG written by hand: every text and attribute value that
/// comes from data goes through ``escape(_:)``.
enum SVGText {
    /// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in double-quoted attributes.
    static func escape(_ text: String) -> String { HTMLEscape.text(text) }

    /// A coordinate with at most one decimal: small output, enough for a screen.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// A count with thousands separators (`12,345`).
    static func count(_ value: Double) -> String {
        let n = Int(value.rounded())
        let digits = String(abs(n))
        var out = ""
        for (index, ch) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }
}

/// The colours of lights and shades: one place, chosen for contrast on white and dark screens.
enum SVGPalette {
    static func light(_ light: String?) -> String {
        switch light {
        case "green": "#1a7f37"
        case "yellow": "#b7791f"
        case "red": "#c62828"
        default: "#455a64"
        }
    }

    /// Shades from light to dark for choropleth classes 0…4.
    static let shades = ["#eef4fb", "#c6dbef", "#8fb8de", "#4f8fc6", "#1f5f9e"]
    /// Shades for overdue counts (warm).
    static let overdueShades = ["#fff5eb", "#fdd0a2", "#fd9a4f", "#e6550d", "#a63603"]
}
