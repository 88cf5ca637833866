package org.editio.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.editio.xml.Xml;
import org.junit.jupiter.api.Test;

/**
 * xml:lang values as sources write them become the lang the web reads (BCP 47, the shortest
 * code), or none when they are no language tag: f:language-tag in xslt/common/languages.xsl.
 */
class LanguageTagTest {

  @Test
  void sourcesLanguageCodesBecomeBcp47Tags() throws Exception {
    Xml xml = new Xml();
    Xslt30Transformer t = Xml.transformer(xml.stylesheet("common/functions.xsl"));
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("de", "de");            // already a tag
    expected.put("en-GB", "en-GB");
    expected.put("lat", "la");           // ISO 639-2 where ISO 639-1 has a code
    expected.put("deu", "de");
    expected.put("ger", "de");           // the bibliographic code
    expected.put("heb", "he");           // not the JDK's legacy 'iw'
    expected.put("deu-AT", "de-AT");     // the rest of the tag as written
    expected.put(" eng ", "en");
    expected.put("grc", "grc");          // no two-letter code: kept
    expected.put("x-private", "x-private");
    expected.put("german", "");          // no tag at all
    expected.put("MP", "");              // two letters that are no language
    expected.put("", "");
    expected.put("de_AT", "");           // not the syntax of a tag
    Map<String, String> actual = new LinkedHashMap<>();
    for (String value : expected.keySet()) {
      XdmValue tag = t.callFunction(new QName("http://editio.org/ns/function", "language-tag"),
          new XdmValue[] {new XdmAtomicValue(value)});
      actual.put(value, tag.size() == 0 ? "" : tag.itemAt(0).getStringValue());
    }
    assertEquals(expected, actual);
  }

  /** The direction a language is written in (f:direction): HTML needs dir beside lang for right-to-left text. */
  @Test
  void rightToLeftLanguagesAndScripts() throws Exception {
    Xml xml = new Xml();
    Xslt30Transformer t = Xml.transformer(xml.stylesheet("common/functions.xsl"));
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("ar", "rtl");
    expected.put("he", "rtl");
    expected.put("fa-IR", "rtl");
    expected.put("yi", "rtl");
    expected.put("syr", "rtl");
    expected.put("ar-Latn", "ltr");      // a script subtag wins: Arabic in Latin letters
    expected.put("az-Arab", "rtl");      // Azerbaijani in Arabic letters
    expected.put("ur-Arab-PK", "rtl");
    expected.put("en", "ltr");
    expected.put("ru", "ltr");
    expected.put("grc", "ltr");
    expected.put("", "ltr");
    expected.put("x-ar", "ltr");         // private use: no language known
    expected.put("en-x-Arab", "ltr");    // a private-use part is no script
    Map<String, String> actual = new LinkedHashMap<>();
    for (String tag : expected.keySet()) {
      XdmValue dir = t.callFunction(new QName("http://editio.org/ns/function", "direction"), new XdmValue[] {new XdmAtomicValue(tag)});
      actual.put(tag, dir.itemAt(0).getStringValue());
    }
    assertEquals(expected, actual);
  }
}
