package org.editio.pdf;

import java.util.ArrayDeque;
import java.util.Deque;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Keeps FOP from setting the f-ligatures (ff, fi, fl, ffi, ffl) of the fonts' {@code liga}
 * feature, which it writes into the PDF's text as the ligature's own code point: pdftotext read
 * "Aﬀairs" and "Tevﬁk" (U+FB00, U+FB01), so a search for "Affairs" missed them (FOP ligates where
 * no hyphenation point splits the pair: contents, index, lists, "ﬁnd"). FOP 2.11 has no setting
 * to leave out one OpenType feature (its default script processor asks every font for ccmp, liga
 * and locl). A WORD JOINER (U+2060) between an f and the f, i or l after it stops the ligature
 * (the lookup sees a glyph between the two) and adds no break; FOP draws nothing for it and leaves
 * it out of the PDF's text (a ZERO WIDTH NON-JOINER, the usual means, was kept in the text by FOP).
 * DejaVu's f-ligatures are drawn as the two letters, so the page looks the same. Only the text FOP lays out on pages is touched (not the bookmarks,
 * not the metadata of fo:declarations).
 */
final class Ligatures extends XMLFilterImpl {

  private static final String FO = "http://www.w3.org/1999/XSL/Format";

  /** Open elements: whether each is laid-out text (inside a page-sequence: bookmarks and declarations stand outside). */
  private final Deque<Boolean> laidOut = new ArrayDeque<>();
  private char last;

  Ligatures(ContentHandler fop) {
    setContentHandler(fop);
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
    boolean parent = !laidOut.isEmpty() && laidOut.peek();
    laidOut.push(parent || FO.equals(uri) && "page-sequence".equals(localName));
    last = 0;
    super.startElement(uri, localName, qName, atts);
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    laidOut.poll();
    last = 0;
    super.endElement(uri, localName, qName);
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    if (laidOut.isEmpty() || !laidOut.peek()) {
      super.characters(ch, start, length);
      return;
    }
    StringBuilder out = null;
    for (int i = start; i < start + length; i++) {
      char c = ch[i];
      char before = i > start ? ch[i - 1] : last;
      if (before == 'f' && (c == 'f' || c == 'i' || c == 'l')) {
        if (out == null) {
          out = new StringBuilder(length + 8).append(ch, start, i - start);
        }
        out.append('\u2060');
      }
      if (out != null) {
        out.append(c);
      }
    }
    if (length > 0) {
      last = ch[start + length - 1];
    }
    if (out == null) {
      super.characters(ch, start, length);
    } else {
      char[] chars = out.toString().toCharArray();
      super.characters(chars, 0, chars.length);
    }
  }
}
