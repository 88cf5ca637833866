package org.editio.pdf;

import java.util.ArrayDeque;
import java.util.Deque;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Sets letter-spaced text (the source's "gesperrt" print: {@code hi rend="spaced"}, a rendition
 * with {@code letter-spacing}) so that FOP lays it out as wide as it draws it. FOP 2.11, with the
 * TrueType fonts it shapes (DejaVu), draws the letter spaces of an fo:inline's {@code
 * letter-spacing} but lays out the line as if they were not there: the text after the inline
 * starts where it would without them, so "K a i s e r" overprinted the next word ("K a i s e
 * rkam"; measured with 1 em: "kam" at the unspaced word's place, five letter spaces short). Here
 * the property is taken off the inline and each letter (with its combining marks) becomes an
 * inline of its own with the spacing as {@code padding-end}, which FOP counts. Letters stay
 * together on the line (no break opportunity between inlines), the PDF's text holds the same
 * characters as before.
 */
final class LetterSpacing extends XMLFilterImpl {

  private static final String FO = "http://www.w3.org/1999/XSL/Format";

  /** The letter spacing in force in each open element ("" where there is none). */
  private final Deque<String> spacing = new ArrayDeque<>();

  LetterSpacing(ContentHandler fop) {
    setContentHandler(fop);
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
    String inherited = spacing.isEmpty() ? "" : spacing.peek();
    int at = atts.getIndex("", "letter-spacing");
    if (FO.equals(uri) && "inline".equals(localName) && at >= 0) {
      String value = atts.getValue(at).trim();
      AttributesImpl without = new AttributesImpl(atts);
      without.removeAttribute(at);
      spacing.push(value.equals("normal") || value.matches("0+(\\.0*)?[a-z]*") ? "" : value);
      super.startElement(uri, localName, qName, without);
      return;
    }
    // a block inside (a footnote's body) sets its own letters
    boolean block = FO.equals(uri) && !"inline".equals(localName) && !"basic-link".equals(localName) && !"wrapper".equals(localName);
    spacing.push(block ? "" : inherited);
    super.startElement(uri, localName, qName, atts);
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    spacing.poll();
    super.endElement(uri, localName, qName);
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    String value = spacing.isEmpty() ? "" : spacing.peek();
    if (value.isEmpty()) {
      super.characters(ch, start, length);
      return;
    }
    int limit = start + length;
    int i = start;
    while (i < limit) {
      int cp = Character.codePointAt(ch, i, limit);
      int end = i + Character.charCount(cp);
      if (Character.isWhitespace(cp)) {
        super.characters(ch, i, end - i);
        i = end;
        continue;
      }
      // the letter with the marks and joiners after it
      while (end < limit) {
        int next = Character.codePointAt(ch, end, limit);
        int type = Character.getType(next);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK
            || type == Character.FORMAT) {
          end += Character.charCount(next);
        } else {
          break;
        }
      }
      AttributesImpl padding = new AttributesImpl();
      padding.addAttribute("", "padding-end", "padding-end", "CDATA", value);
      super.startElement(FO, "inline", "fo:inline", padding);
      super.characters(ch, i, end - i);
      super.endElement(FO, "inline", "fo:inline");
      i = end;
    }
  }
}
