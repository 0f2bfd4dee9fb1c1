import Foundation
import WangchaoAddress

/// One parser (and gazetteer) for every test: loading it is the slow part.
enum Fixture {
    static func parser() throws -> AddressParser { try AddressParser() }

    static func parse(_ text: String) throws -> ParsedAddress { try parser().parse(text) }
}
