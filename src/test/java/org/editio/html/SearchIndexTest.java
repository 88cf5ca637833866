package org.editio.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.editio.TestFiles;
import org.editio.edition.Edition;
import org.editio.edition.EditionLoader;
import org.editio.edition.TeiDocument;
import org.editio.xml.Xml;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search index on the Java side: how words are normalised, what a document's entry holds,
 * that the same documents give the same bytes, that every string is data, and that real and
 * awkward TEI is indexed without error (the FRUS corpus and generated text).
 */
@Tag("slow")
class SearchIndexTest {

  private static List<String> words(String text) {
    return SearchAnalyzer.tokens(text).stream().map(SearchAnalyzer.Token::word).toList();
  }

  private static List<String> stems(String text) {
    return SearchAnalyzer.tokens(text).stream().map(SearchAnalyzer.Token::stem).toList();
  }

  @Test
  void readersSpellingsMeetTheTexts() {
    assertEquals(List.of("inonu", "inonu", "inonu", "inonu", "inonu", "inonu"), words("İnönü INÖNÜ ınönü Inonu inönü Ino\u0308nu\u0308"));
    assertEquals(List.of("saracoglu", "saracoglu"), words("Saracoğlu SARACOĞLU"));
    assertEquals(List.of("tengirsenk", "kazim"), words("Tengirşenk Kâzım"));
    assertEquals(List.of("ismet", "ismet", "ismet", "inonu", "people", "dont", "obrien"),
        words("Ismetʹs Ismet’s Ismet's Inonu’s people's don't O'Brien"));
    assertEquals(stems("treaty"), stems("treaties"));
    assertEquals(stems("conversation"), stems("conversations"));
    assertEquals(stems("talk"), stems("talked"));
    assertEquals(List.of("u", "s", "a", "mukhtar", "htm", "1", "5"), words("U.S.A. Mukhtar.htm 1.5"));
    assertEquals(List.of("strasse", "lodz", "oresund", "aesir", "σισυφοσ", "елка"), words("Straße Łódź Øresund Æsir ΣΊΣΥΦΟΣ Ёлка"));
    assertEquals(List.of(), words("😀 👍🏽 — … ____"));
    // where each word stands is where it stood in the text, for the browser to mark it
    SearchAnalyzer.Token inonu = SearchAnalyzer.tokens("at Ismet Inonu’s house").get(2);
    assertEquals("Inonu’s", "at Ismet Inonu’s house".substring(inonu.start(), inonu.end()));
  }

  /** The ASCII folding table handed to the browser is Lucene's, past what NFKD already does. */
  @Test
  void theFoldingTableIsLucenesAndComplementsNfkd() {
    Map<String, String> table = SearchAnalyzer.asciiFoldingTable();
    assertEquals("i", table.get("ı"));
    assertEquals("o", table.get("ø"));
    assertEquals("ss", table.get("ß"));
    assertEquals("l", table.get("ł"));
    assertTrue(!table.containsKey("ö") && !table.containsKey("İ"), "NFKD and mark removal handle these first");
  }

  @Test
  void aDocumentsEntryHoldsItsTextReadingsNamesAndFacets() throws Exception {
    Xml xml = new Xml();
    Edition edition = new EditionLoader(xml).load(TestFiles.EDITION);
    TeiDocument seed = edition.documents().stream().filter(d -> d.id().equals("d1937-05-14-litvinov")).findFirst().orElseThrow();
    SearchIndex.Entry entry = SearchIndex.entry(xml, edition, seed);
    List<String> stems = List.of(entry.stems());
    for (String word : List.of("breakfast", "bloom", "Blum", "İnönü", "Ismet", "Léon", "Delbos", "telegram", "embassy")) {
      assertTrue(stems.contains(SearchAnalyzer.stem(SearchAnalyzer.fold(word))), word);
    }
    // the source's reading stands where the editors' reading stands
    int[] bloom = entry.positions()[stems.indexOf("bloom")];
    int[] blum = entry.positions()[stems.indexOf("blum")];
    assertEquals(blum[0], bloom[0], "bloom at Blum's position in the text");
    // the page's reading is the text; the source's is not shown in it
    String text = String.join(" ", entry.fields().get(1));
    assertTrue(text.contains("conversations in Paris with Blum and Delbos"), text);
    // the note is a segment of its own, after the text
    assertTrue(entry.fields().get(1).get(entry.fields().get(1).size() - 1).startsWith("a copy of the telegram"));
    // the register's forms of every entry pointed to
    assertTrue(entry.fields().get(2).containsAll(List.of("Blum, Léon", "Léon Blum", "bloom", "İnönü, İsmet", "Ismet Inonu")));
    assertTrue(entry.facets().contains(new SearchIndex.Facet("person", "blum", "Blum, Léon")));
    assertTrue(entry.facets().contains(new SearchIndex.Facet("year", "1937", "1937")));
    assertTrue(entry.facets().contains(new SearchIndex.Facet("country", "country-turkey", "Turkey")));
    assertTrue(entry.facets().contains(new SearchIndex.Facet("type", "type-telegram", "telegram")));
  }

  /**
   * A name in the text that points to a register entry counts as a mention of the entry where it
   * stands: "Ismet" (five times in the telegram, and "Ismet Inonu’s" once) is six positions of
   * "inonu" in its text, one per persName pointing to İnönü, each at the name's first word, so
   * that ranking counts six mentions (before: one, the only "Inonu" written) and the page marks
   * the name; the words around it keep their positions (phrases as written).
   */
  @Test
  void aNamePointingToARegisterEntryIsAMentionOfItWhereItStands() throws Exception {
    Xml xml = new Xml();
    Edition edition = new EditionLoader(xml).load(TestFiles.EDITION);
    TeiDocument seed = edition.documents().stream().filter(d -> d.id().equals("d1937-05-14-litvinov")).findFirst().orElseThrow();
    String tei = Files.readString(seed.file());
    int pointers = tei.split("persons.xml#inonu\"", -1).length - 1;
    assertEquals(6, pointers, "the telegram's names of İnönü");
    SearchIndex.Entry entry = SearchIndex.entry(xml, edition, seed);
    List<String> stems = List.of(entry.stems());
    int[] spans = entry.spans();
    int[] inonu = java.util.Arrays.stream(entry.positions()[stems.indexOf("inonu")]).filter(p -> p >= spans[0] && p < spans[1]).toArray();
    int[] ismet = java.util.Arrays.stream(entry.positions()[stems.indexOf("ismet")]).filter(p -> p >= spans[0] && p < spans[1]).toArray();
    assertEquals(pointers, inonu.length, java.util.Arrays.toString(inonu));
    // added at the name's first word, "Ismet"; in "Ismet Inonu’s" the name has its "Inonu" already
    assertEquals(ismet.length, inonu.length);
    for (int i = 0; i < ismet.length; i++) {
      assertTrue(inonu[i] == ismet[i] || inonu[i] == ismet[i] + 1, java.util.Arrays.toString(ismet) + " " + java.util.Arrays.toString(inonu));
    }
    assertEquals(1, java.util.stream.IntStream.range(0, ismet.length).filter(i -> inonu[i] != ismet[i]).count());
    // the words as written keep their places: "Ismet defended", "breakfast at Ismet Inonu’s"
    int[] defended = entry.positions()[stems.indexOf(SearchAnalyzer.stem("defended"))];
    assertTrue(java.util.Arrays.stream(ismet).anyMatch(p -> p + 1 == defended[0]));
    int written = entry.positions()[stems.indexOf("breakfast")][0] + 3;
    assertTrue(java.util.Arrays.stream(entry.positions()[stems.indexOf("inonu")]).anyMatch(p -> p == written), "Inonu as written");
    // the text the page shows is unchanged: the forms are beside it, not in it
    assertTrue(String.join(" ", entry.fields().get(1)).contains("Ismet defended himself"));
    assertTrue(!String.join(" ", entry.fields().get(1)).contains("İnönü"), "no register form in the shown text");
  }

  /**
   * A name with @ref in the summary is a mention too: "Yusuf Kemal" pointing to Tengirşenk in a
   * calendar entry's summary is a position of "tengirsenk" there (before, only the words written).
   */
  @Test
  void aNameInTheSummaryPointingToAnEntryIsAMention(@TempDir Path dir) throws Exception {
    Path copy = TestFiles.copyTree(TestFiles.EDITION, dir.resolve("edition"));
    Path file = copy.resolve("documents/d1921-09-18-natsarenus.xml");
    String tei = Files.readString(file);
    String tagged = tei.replace("thanks Yusuf Kemal for", "thanks <persName ref=\"../registers/persons.xml#tengirsenk\">Yusuf Kemal</persName> for");
    assertTrue(!tagged.equals(tei));
    Files.writeString(file, tagged);
    Xml xml = new Xml();
    Edition edition = new EditionLoader(xml).load(copy);
    TeiDocument doc = edition.documents().stream().filter(d -> d.id().equals("d1921-09-18-natsarenus")).findFirst().orElseThrow();
    SearchIndex.Entry entry = SearchIndex.entry(xml, edition, doc);
    List<String> stems = List.of(entry.stems());
    int[] yusuf = entry.positions()[stems.indexOf("yusuf")];
    int[] tengirsenk = entry.positions()[stems.indexOf("tengirsenk")];
    // the summary is the text's first segment: its "Yusuf" is the first of the text's
    int first = java.util.Arrays.stream(yusuf).filter(p -> p >= entry.spans()[0]).min().orElseThrow();
    assertTrue(entry.fields().get(1).get(0).startsWith("Natsarenus thanks Yusuf Kemal"), entry.fields().get(1).get(0));
    assertTrue(java.util.Arrays.stream(tengirsenk).anyMatch(p -> p == first), java.util.Arrays.toString(tengirsenk) + " " + first);
  }

  /**
   * A line, column or page break separates words; one inside a word (break="no") joins its halves
   * over the whitespace around it, and a weak pc before it (the source's line-end hyphen) goes, as
   * the page reads them (review 9c): the index had "hereand", "columnbreak", "abwith" and "inter",
   * "national", "ver", "handlung" but no "here", "international" or "verhandlung". Indentation
   * inside a subst is no text ("re a e d").
   */
  @Test
  void breaksSeparateWordsUnlessTheyStandInsideOne(@TempDir Path dir) throws Exception {
    Path edition = dir.resolve("edition");
    Files.createDirectories(edition);
    Files.writeString(edition.resolve("b.xml"), "<TEI xmlns='http://www.tei-c.org/ns/1.0' xml:id='b'>"
        + "<teiHeader><fileDesc><titleStmt><title>Breaks</title></titleStmt><publicationStmt><p>x</p>"
        + "</publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>"
        + "<p>The first line ends here<lb/>and the second; a long inter<lb break='no'/>\n        national word.</p>"
        + "<p>A soft hyphen: Ver<pc force='weak'>-</pc><lb break='no'/>handlung, Verein<pb n='13' break='no'/>barung,"
        + " Column<cb n='2'/>break, re<subst>\n  <del>a</del>\n  <add>e</add>\n</subst>d.</p>"
        + "<ab>Text of an ab<lb n='2'/>with numbers.</ab></body></text></TEI>");
    Xml xml = new Xml();
    Edition loaded = new EditionLoader(xml).load(edition);
    SearchIndex.Entry entry = SearchIndex.entry(xml, loaded, loaded.documents().get(0));
    String text = String.join(" | ", entry.fields().get(1));
    assertEquals("The first line ends here and the second; a long international word. | "
        + "A soft hyphen: Verhandlung, Vereinbarung, Column break, reaed. | Text of an ab with numbers.", text);
    List<String> words = List.of(entry.words());
    for (String word : List.of("here", "and", "international", "verhandlung", "vereinbarung", "column", "break", "ab", "with", "reaed")) {
      assertTrue(words.contains(word), word + " in " + words);
    }
    for (String glued : List.of("hereand", "inter", "national", "ver", "handlung", "columnbreak", "abwith")) {
      assertFalse(words.contains(glued), glued + " in " + words);
    }
  }

  /** Two loads of the edition (registers read in another order) index it to the same bytes. */
  @Test
  void theSameDocumentsGiveTheSameBytes() throws Exception {
    Map<String, byte[]> first = index(TestFiles.EDITION, false);
    Map<String, byte[]> second = index(TestFiles.EDITION, true);
    assertEquals(first.keySet(), second.keySet());
    for (String f : first.keySet()) {
      assertArrayEquals(first.get(f), second.get(f), f);
    }
    assertTrue(first.size() > 95 + 5, "a text per document, the root, chunks: " + first.keySet().size());
  }

  private static Map<String, byte[]> index(Path editionPath, boolean reversed) throws Exception {
    Xml xml = new Xml();
    Edition edition = new EditionLoader(xml).load(editionPath);
    List<TeiDocument> docs = new ArrayList<>(edition.documents());
    List<SearchIndex.Entry> entries = new ArrayList<>();
    if (reversed) {
      java.util.Collections.reverse(docs);
    }
    for (TeiDocument d : docs) {
      entries.add(SearchIndex.entry(xml, edition, d));
    }
    if (reversed) {
      java.util.Collections.reverse(entries);
    }
    return SearchIndex.files(entries);
  }

  /** Every string from TEI is JSON data in the index's scripts: markup, quotes, line separators. */
  @Test
  void stringsFromTeiAreDataInTheScripts(@TempDir Path dir) throws Exception {
    String nasty = "</script><script>alert(\"x\")</script> \\ ' \u2028 \u2029 ${x} `y`";
    Path edition = dir.resolve("edition");
    Files.createDirectories(edition);
    Files.writeString(edition.resolve("nasty.xml"), "<TEI xmlns='http://www.tei-c.org/ns/1.0' xml:id='nasty'><teiHeader><fileDesc>"
        + "<titleStmt><title>" + escape(nasty) + "</title></titleStmt><publicationStmt><p>x</p></publicationStmt>"
        + "<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body><p>" + escape(nasty) + "</p></body></text></TEI>");
    Map<String, byte[]> files = index(edition, false);
    String fragment = new String(files.get("doc/0.js"), StandardCharsets.UTF_8);
    assertTrue(fragment.startsWith("editioSearch.doc(0,{\"id\":\"nasty\"") && fragment.endsWith(");\n"), fragment);
    List<String> strings = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(fragment.substring(fragment.indexOf(',') + 1, fragment.length() - 3))) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.VALUE_STRING) {
          strings.add(p.getText());
        }
      }
    }
    assertTrue(strings.contains(nasty), "the title comes back as it was: " + strings);
    assertTrue(fragment.contains("alert(\\\"x\\\")") && !fragment.contains("alert(\"x\")"), "quotes escaped: " + fragment);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;");
  }

  /** All of the FRUS corpus, documents and monograph, indexed without error; every word in it. */
  @Test
  void theFrusCorpusIsIndexedWholly() throws Exception {
    Path frus = TestFiles.SHARED.resolve("corpus/frus-history");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(frus), "../shared/corpus/frus-history is absent");
    Xml xml = new Xml();
    Edition corpus = new EditionLoader(xml).load(frus);
    assertEquals(64, corpus.documents().size(), "63 documents and the monograph");
    List<SearchIndex.Entry> entries = new ArrayList<>();
    for (TeiDocument d : corpus.documents()) {
      entries.add(SearchIndex.entry(xml, corpus, d));
    }
    assertEveryWordIndexed(entries, SearchIndex.files(entries));
  }

  /** Generated documents of awkward text: digits, dates, Cyrillic, Turkish, marks, symbols, scripts. */
  @Test
  void awkwardTextIsIndexedWithoutError(@TempDir Path dir) throws Exception {
    List<String> pieces = new ArrayList<>(SearchBrowserTest.AWKWARD);
    pieces.addAll(List.of("0", "00", "1937-05-14", "14/05/1937", "1,234,567.89", "-12", "+3", "10⁻³", "Ⅻ", "٣٤٥",
        "İ", "ı", "ğ", "ş", "ç", "\u0307", "\u0308", "a\u0308\u0301", "Ѐ", "й", "ё", "Ъ", "ʹ", "’", "'", "'s", "&amp;",
        "&lt;b&gt;", "\"", "«»", "„“", "…", "—", "‐", "\u00AD", "\u200D", "\uFEFF", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "𐐀𐐨", "🏳️‍🌈", "\t"));
    Random random = new Random(14);
    Path edition = dir.resolve("edition");
    Files.createDirectories(edition);
    for (int d = 0; d < 60; d++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 80; w++) {
        String piece = pieces.get(random.nextInt(pieces.size()));
        text.append(piece.startsWith("&") ? piece : escape(piece));
        text.append(random.nextInt(4) == 0 ? "" : " ");
      }
      Files.writeString(edition.resolve("f" + d + ".xml"), "<TEI xmlns='http://www.tei-c.org/ns/1.0' xml:id='f" + d + "'>"
          + "<teiHeader><fileDesc><titleStmt><title>Fuzz " + d + "</title></titleStmt><publicationStmt><p>x</p>"
          + "</publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body><p>" + text
          + "<choice><sic>" + escape(pieces.get(random.nextInt(40))) + "</sic><corr/></choice></p>"
          + "<p><note>" + text.reverse().toString().replaceAll("[<>&]", "") + "</note></p></body></text></TEI>");
    }
    Xml xml = new Xml();
    Edition loaded = new EditionLoader(xml).load(edition);
    List<SearchIndex.Entry> entries = new ArrayList<>();
    for (TeiDocument d : loaded.documents()) {
      entries.add(SearchIndex.entry(xml, loaded, d));
    }
    assertEveryWordIndexed(entries, SearchIndex.files(entries));
  }

  /** Every stem of every entry is in a stem chunk, with that document among its postings. */
  private static void assertEveryWordIndexed(List<SearchIndex.Entry> entries, Map<String, byte[]> files) throws Exception {
    Set<String> indexed = new HashSet<>();
    JsonFactory json = new JsonFactory();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      if (!f.getKey().startsWith("t-")) {
        continue;
      }
      String s = new String(f.getValue(), StandardCharsets.UTF_8);
      try (JsonParser p = json.createParser(s.substring(s.indexOf(',') + 1, s.length() - 3))) {
        assertEquals(JsonToken.START_ARRAY, p.nextToken());
        while (p.nextToken() == JsonToken.START_ARRAY) {
          p.nextToken();
          String stem = p.getText();
          p.nextToken();
          int doc = 0;
          List<Integer> flat = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            flat.add(p.getIntValue());
          }
          for (int i = 0; i < flat.size();) {
            doc += flat.get(i++);
            int n = flat.get(i++);
            i += n;
            indexed.add(stem + " " + doc);
          }
          p.nextToken();
        }
      }
    }
    long words = 0;
    for (int d = 0; d < entries.size(); d++) {
      for (String stem : entries.get(d).stems()) {
        assertTrue(indexed.contains(stem + " " + d), stem + " of " + entries.get(d).id());
        words++;
      }
      for (List<String> field : entries.get(d).fields()) {
        for (String segment : field) {
          for (SearchAnalyzer.Token t : SearchAnalyzer.tokens(segment)) {
            assertTrue(indexed.contains(t.stem() + " " + d), t.word() + " of " + entries.get(d).id());
          }
        }
      }
    }
    assertTrue(words > entries.size(), "words: " + words);
  }
}
