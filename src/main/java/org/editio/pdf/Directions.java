package org.editio.pdf;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Watches the XSL-FO on its way to FOP for right-to-left text that FOP would set wrongly.
 *
 * <p>FOP applies the Unicode bidirectional algorithm within a line, so a Hebrew phrase in an
 * English paragraph, title or citation reads right (checked on the page and in the PDF's text).
 * But editio sets every paragraph left to right: a paragraph in a language written right to left
 * would be aligned left with its final full stop at the wrong end. The print stylesheet marks such
 * a block ({@code fo/text.xsl}, {@code f:fo-element}: its language by {@code f:direction}, as the
 * web pages' {@code dir}); the mark is taken away here, before FOP sees it. And FOP does not join
 * the letters of the joining scripts (Arabic, Syriac, N'Ko ...): they would print apart, wherever
 * they stand; nor does it shape the Brahmic scripts of South Asia (Devanagari ...), which an edition
 * can now bring fonts for; nor does it place the points of pointed Hebrew in a left-to-right
 * paragraph (it prints them on the wrong letters). What is watched is the FO as printed (the header's unprinted parts are not), each
 * {@code fo:block}'s own text, nested blocks apart.
 */
final class Directions extends XMLFilterImpl {

  private static final String FO = "http://www.w3.org/1999/XSL/Format";
  /** The namespace of the print stylesheet's mark (an attribute {@code direction="rtl"}). */
  static final String CHECK = "http://editio.org/ns/fo-check";

  /** Scripts whose letters join: printed apart, they are not the text as written. */
  private static final Set<Character.UnicodeScript> JOINING = Set.of(Character.UnicodeScript.ARABIC,
      Character.UnicodeScript.SYRIAC, Character.UnicodeScript.NKO, Character.UnicodeScript.MANDAIC,
      Character.UnicodeScript.ADLAM, Character.UnicodeScript.HANIFI_ROHINGYA);

  /**
   * Brahmic scripts of South Asia, whose consonants form conjuncts and whose vowel signs may stand
   * before the consonant they follow in the text. DejaVu has none of their letters, so they were
   * refused as missing glyphs; with a font of the edition's own (EDITION/fonts/) FOP 2.11 prints
   * them, but measured with Lohit Devanagari: no conjuncts (every virama shown), and the PDF's text
   * reads a vowel sign before its consonant ("िहन्दी" for "हिन्दी"), so the text is not the text.
   */
  private static final Set<Character.UnicodeScript> SHAPING = Set.of(Character.UnicodeScript.DEVANAGARI,
      Character.UnicodeScript.BENGALI, Character.UnicodeScript.GURMUKHI, Character.UnicodeScript.GUJARATI,
      Character.UnicodeScript.ORIYA, Character.UnicodeScript.TAMIL, Character.UnicodeScript.TELUGU,
      Character.UnicodeScript.KANNADA, Character.UnicodeScript.MALAYALAM, Character.UnicodeScript.SINHALA);

  /** Whether FOP cannot set letters of the character's script whatever the font (a joining script, or one it cannot shape). */
  static boolean unsettable(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return JOINING.contains(script) || SHAPING.contains(script);
  }

  /**
   * Whether the character is a Hebrew point or accent (niqqud, dagesh, cantillation: the
   * non-spacing marks U+0591 to U+05C7). In a left-to-right paragraph FOP 2.11 reorders a Hebrew
   * phrase's marks apart from their letters and does not position them: measured with DejaVu,
   * "בְּרֵאשִׁית" printed both sheva and tsere under the bet, every later mark one letter off, and a
   * dagesh over the next Latin word; the PDF's text reads them out of place too.
   */
  static boolean hebrewPoint(int codePoint) {
    return codePoint >= 0x0591 && codePoint <= 0x05C7 && Character.getType(codePoint) == Character.NON_SPACING_MARK;
  }

  /** What FOP would set wrongly: a right-to-left paragraph, letters of a joining script, or of a script it cannot shape, Hebrew points. */
  enum Fault { PARAGRAPH, JOINING, SHAPING, POINTED }

  /**
   * The first fault found: its first character, and the text it is found by in the source (from
   * that character on, at most 24 characters).
   */
  record Finding(Fault fault, int codePoint, String text) {}

  /** An open fo:block: its own text, and whether the stylesheet marked it right to left. */
  private record Block(StringBuilder text, boolean rightToLeft) {}

  private final Deque<Block> blocks = new ArrayDeque<>();
  private Finding paragraph;
  private Finding joining;
  private Finding shaping;
  private Finding pointed;

  Directions(ContentHandler fop) {
    setContentHandler(fop);
  }

  /**
   * The first letters of a joining script if any (the worse fault), else of a script FOP cannot
   * shape, else the first right-to-left paragraph's; null if none.
   */
  Finding finding() {
    return joining != null ? joining : shaping != null ? shaping : paragraph != null ? paragraph : pointed;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
    int mark = atts.getIndex(CHECK, "direction");
    if (FO.equals(uri) && "block".equals(localName)) {
      blocks.push(new Block(new StringBuilder(), mark >= 0 && "rtl".equals(atts.getValue(mark))));
    }
    if (mark >= 0) {
      AttributesImpl without = new AttributesImpl(atts);
      without.removeAttribute(mark);
      atts = without;
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
    if (!blocks.isEmpty() && (paragraph == null || joining == null || shaping == null || pointed == null)) {
      blocks.peek().text().append(ch, start, length);
    }
    super.characters(ch, start, length);
  }

  /** The prefixes bound to the mark's namespace, in scope now (their mappings are not passed on). */
  private final Deque<String> markPrefixes = new ArrayDeque<>();

  @Override
  public void startPrefixMapping(String prefix, String uri) throws SAXException {
    if (CHECK.equals(uri)) {
      markPrefixes.push(prefix);
    } else {
      super.startPrefixMapping(prefix, uri);
    }
  }

  @Override
  public void endPrefixMapping(String prefix) throws SAXException {
    if (!markPrefixes.isEmpty() && markPrefixes.peek().equals(prefix)) {
      markPrefixes.pop();
    } else {
      super.endPrefixMapping(prefix);
    }
  }

  private void check(Block block) {
    CharSequence text = block.text();
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      byte bidi = Character.getDirectionality(cp);
      boolean rightToLeft = bidi == Character.DIRECTIONALITY_RIGHT_TO_LEFT || bidi == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
      if (joining == null && Character.isLetter(cp) && JOINING.contains(Character.UnicodeScript.of(cp))) {
        joining = new Finding(Fault.JOINING, cp, from(text, i));
      }
      if (shaping == null && Character.isLetter(cp) && SHAPING.contains(Character.UnicodeScript.of(cp))) {
        shaping = new Finding(Fault.SHAPING, cp, from(text, i));
      }
      if (pointed == null && hebrewPoint(cp)) {
        // the text is found by the word the mark stands in: from its letter on
        int letter = i;
        while (letter > 0 && !Character.isWhitespace(text.charAt(letter - 1))) {
          letter--;
        }
        pointed = new Finding(Fault.POINTED, cp, from(text, letter));
      }
      if (paragraph == null && block.rightToLeft() && rightToLeft && Character.isLetter(cp)) {
        paragraph = new Finding(Fault.PARAGRAPH, cp, from(text, i));
      }
      i += Character.charCount(cp);
    }
  }

  /** The text from {@code start}, at most 24 characters. */
  private static String from(CharSequence text, int start) {
    int end = Math.min(text.length(), start + 24);
    if (end < text.length() && Character.isLowSurrogate(text.charAt(end)) && end > start) {
      end--;
    }
    return text.subSequence(start, end).toString();
  }
}
