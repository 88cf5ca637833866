package org.editio.pdf;

import java.util.ArrayDeque;
import java.util.Deque;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Watches the XSL-FO on its way to FOP for right-to-left text that FOP would set wrongly.
 *
 * <p>FOP applies the Unicode bidirectional algorithm within a line, so a Hebrew phrase in an
 * English paragraph reads right (checked on the page and in the PDF's text). But editio's
 * paragraphs are all set left to right: a paragraph whose text is right to left (UAX #9's rule
 * P2: its first strong character) would be aligned left with its final full stop at the wrong
 * end. And the bundled fonts give Arabic letters but FOP does not join them: they would print
 * apart. What is watched is the FO as printed (what the page shows, the header's unprinted parts
 * not), each {@code fo:block}'s own text, nested blocks apart.
 */
final class Directions extends XMLFilterImpl {

  private static final String FO = "http://www.w3.org/1999/XSL/Format";

  /** What FOP would set wrongly: a right-to-left paragraph, or Arabic letters. */
  enum Fault { PARAGRAPH, ARABIC }

  /**
   * The first fault found: its first character, and the text it is found by in the source (a
   * paragraph's beginning, up to a few characters after its first strong one; else that character).
   */
  record Finding(Fault fault, int codePoint, String text) {}

  private final Deque<StringBuilder> blocks = new ArrayDeque<>();
  private Finding paragraph;
  private Finding arabic;

  Directions(ContentHandler fop) {
    setContentHandler(fop);
  }

  /** The first Arabic letter if any (the worse fault), else the first right-to-left paragraph's first character; null if neither. */
  Finding finding() {
    return arabic != null ? arabic : paragraph;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
    if (FO.equals(uri) && "block".equals(localName)) {
      blocks.push(new StringBuilder());
    }
    super.startElement(uri, localName, qName, atts);
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    if (FO.equals(uri) && "block".equals(localName) && !blocks.isEmpty()) {
      check(blocks.pop());
    }
    super.endElement(uri, localName, qName);
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    if (!blocks.isEmpty() && (paragraph == null || arabic == null)) {
      blocks.peek().append(ch, start, length);
    }
    super.characters(ch, start, length);
  }

  private void check(CharSequence text) {
    boolean strongSeen = false;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      byte bidi = Character.getDirectionality(cp);
      if (bidi == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC && Character.isLetter(cp) && arabic == null) {
        arabic = new Finding(Fault.ARABIC, cp, new String(Character.toChars(cp)));
      }
      if (!strongSeen && (bidi == Character.DIRECTIONALITY_LEFT_TO_RIGHT || bidi == Character.DIRECTIONALITY_RIGHT_TO_LEFT
          || bidi == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC)) {
        strongSeen = true;
        if (bidi != Character.DIRECTIONALITY_LEFT_TO_RIGHT && paragraph == null) {
          String start = text.toString().stripLeading();
          int end = Math.min(start.length(), start.indexOf(new String(Character.toChars(cp))) + 8);
          paragraph = new Finding(Fault.PARAGRAPH, cp, start.substring(0, end).strip());
        }
      }
    }
  }
}
