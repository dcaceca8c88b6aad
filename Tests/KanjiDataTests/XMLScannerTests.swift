import Testing

@testable import KanjiData

@Suite struct XMLScannerTests {
  func tokens(_ xml: String) throws -> [String] {
    var scanner = XMLScanner(bytes: Array(xml.utf8))
    var out: [String] = []
    while let token = try scanner.next() {
      switch token {
      case .start(let name, let attributes, let selfClosing):
        let a = attributes.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
        out.append("<\(name)\(a.isEmpty ? "" : " " + a)\(selfClosing ? "/" : "")>")
      case .end(let name): out.append("</\(name)>")
      case .text(let text): out.append(text)
      }
    }
    return out
  }

  @Test func skipsDoctypeCommentsAndDecodesEntities() throws {
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.0//EN" "http://example.invalid/svg.dtd" [
      <!-- a comment with ] and > inside -->
      <!ATTLIST g kvg:element CDATA #IMPLIED >
      ]>
      <svg><g kvg:element='&#x5B66;' id="a&amp;b"><path d="M1,2"/></g><t>&lt;x&gt; &#23398;</t></svg>
      """
    #expect(
      try tokens(xml) == [
        "<svg>", "<g kvg:element=学,id=a&b>", "<path d=M1,2/>", "</g>", "<t>", "<x> 学", "</t>",
        "</svg>",
      ])
  }

  @Test(arguments: [
    ("<a><b></a>", "line 1: </a> where </b> was expected"),
    ("<a>\n<b>\n</b>", "line 3: the document ends before </a> (truncated?)"),
    ("<a x=1/>", "is not quoted"),
    ("<a>&bogus;</a>", "unknown entity &bogus;"),
    ("<a/><b/>", "a second root element"),
    ("", "no root element"),
    ("<a><!-- open", "comment is not closed"),
  ])
  func reportsMalformedInputWithItsLine(xml: String, message: String) {
    #expect {
      try tokens(xml)
    } throws: { error in
      "\(error)".contains(message)
    }
  }
}
