package org.editio.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.editio.Chromium;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.epub.EpubCheckRun;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * An edition's own fonts ({@code EDITION/fonts/}) on the web and in the e-book, as in its PDFs:
 * the Genji chapter of the test corpus with IPA Mincho and, for the one character IPA Mincho
 * lacks (〱 U+3031), Hanazono Mincho A, beside a document in English. The fonts are Debian's
 * (installed by .ci/run), copied into the test's edition, never committed (see EditionFontsTest).
 * In a real browser the chapter's characters are drawn with the edition's files, not with the
 * machine's fonts, and the English page fetches neither: each font is declared for the
 * characters it has.
 */
@Tag("slow")
class EditionWebFontsTest {

  static final Path IPA_MINCHO = Path.of("/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf");
  static final Path HANAZONO = Path.of("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf");
  static final Path GENJI = TestFiles.ROOT.resolve("src/test/resources/corpus/scripts/27.xml");

  @TempDir static Path dir;
  static Path edition;
  static Builder.Result result;
  static ChromeDriver browser;

  @BeforeAll
  static void build() throws Exception {
    for (Path font : List.of(IPA_MINCHO, HANAZONO)) {
      assertTrue(Files.isRegularFile(font), font + " is missing: install the Debian packages fonts-ipafont-mincho and"
          + " fonts-hanazono (.ci/run does)");
    }
    edition = Files.createDirectories(dir.resolve("genji"));
    Files.copy(GENJI, edition.resolve("27.xml"));
    // two documents in English, dated before the chapter: the first one's page shows no Japanese (its neighbour is the second)
    for (int n = 1; n <= 2; n++) {
      Files.writeString(edition.resolve("english-" + n + ".xml"), """
          <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="english-%d" xml:lang="en">
            <teiHeader><fileDesc><titleStmt><title>A note in English, %d</title></titleStmt>
              <publicationStmt><p>Test fixture of editio.</p></publicationStmt><sourceDesc><p>Written for the test.</p></sourceDesc></fileDesc>
              <profileDesc><creation><date when="1900-01-0%d"/></creation></profileDesc></teiHeader>
            <text><body><p>Only Latin letters here.</p></body></text>
          </TEI>
          """.formatted(n, n, n));
    }
    Path fonts = Files.createDirectories(edition.resolve("fonts"));
    Files.copy(IPA_MINCHO, fonts.resolve("1 ipam.ttf"));
    Files.copy(HANAZONO, fonts.resolve("2-hanazono.TTF"));
    result = new Builder().build(edition, dir.resolve("out"), "html", "epub");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  static Path out(String path) {
    return result.out().resolve(path);
  }

  /** The ranges of a unicode-range value, as [first, last] code points. */
  static List<int[]> ranges(String unicodeRange) {
    List<int[]> ranges = new ArrayList<>();
    for (String r : unicodeRange.split(",\\s*")) {
      String[] ends = r.trim().substring(2).split("-");
      ranges.add(new int[] {Integer.parseInt(ends[0], 16), Integer.parseInt(ends[ends.length - 1], 16)});
    }
    return ranges;
  }

  static boolean covers(List<int[]> ranges, int c) {
    return ranges.stream().anyMatch(r -> r[0] <= c && c <= r[1]);
  }

  @Test
  void theSiteCarriesTheFontsAndDeclaresEachForTheCharactersItHas() throws Exception {
    // the files as they are, under names safe in a URL
    assertArrayEquals(Files.readAllBytes(IPA_MINCHO), Files.readAllBytes(out(result.layout().font("1_ipam.ttf"))));
    assertArrayEquals(Files.readAllBytes(HANAZONO), Files.readAllBytes(out(result.layout().font("2-hanazono.ttf"))));

    String css = Files.readString(out(result.layout().fontFaces()));
    assertTrue(css.contains(":root { --edition-fonts: \"IPAMincho\", \"HanaMinA\"; }"), css);
    Matcher face = Pattern.compile("@font-face \\{ font-family: \"([^\"]+)\"; src: url\\(\"([^\"]+)\"\\) format\\(\"truetype\"\\);"
        + " font-style: normal; font-weight: (\\d+); font-display: swap; unicode-range: ([^;]+); }").matcher(css);
    Map<String, List<int[]>> declared = new TreeMap<>();
    Map<String, String> urls = new TreeMap<>();
    Map<String, String> weights = new TreeMap<>();
    while (face.find()) {
      declared.put(face.group(1), ranges(face.group(4)));
      weights.put(face.group(1), face.group(3));
      urls.put(face.group(1), face.group(2));
    }
    assertEquals(Map.of("IPAMincho", "fonts/1_ipam.ttf", "HanaMinA", "fonts/2-hanazono.ttf"), urls);
    assertEquals(Map.of("IPAMincho", "400", "HanaMinA", "500"), weights, "the weight classes of the fonts' OS/2 tables");
    List<int[]> ipa = declared.get("IPAMincho");
    assertTrue(covers(ipa, 'の') && covers(ipa, '源') && covers(ipa, 'A'), "IPA Mincho has kana, kanji and Latin");
    // (IPA Mincho lacks U+3031, but it lies in a gap of its map short enough to be joined: the browser
    // finds no glyph there and goes on to Hanazono, as the browser test shows)
    assertTrue(covers(declared.get("HanaMinA"), 0x3031));
    assertFalse(covers(ipa, 0x0915) || covers(ipa, 0x0627), "neither Devanagari nor Arabic is IPA Mincho's");

    // every page links the fonts' CSS after editio's (the text's font list names the fonts: editio.css)
    int pages = 0;
    try (Stream<Path> walk = Files.walk(out("html"))) {
      for (Path html : walk.filter(p -> p.toString().endsWith(".html")).toList()) {
        Document page = Jsoup.parse(html.toFile());
        List<String> links = page.select("link[rel=stylesheet]").eachAttr("href").stream()
            .map(href -> html.getParent().resolve(href).normalize().toString()).toList();
        assertEquals(List.of(out(result.layout().asset("editio.css")).toString(), out(result.layout().fontFaces()).toString()),
            links, html.toString());
        pages++;
      }
    }
    assertTrue(pages >= 6, pages + " pages");
  }

  /** Which fonts Chromium drew the text of the elements matching {@code selector} with: family name to custom (web font) or not. */
  @SuppressWarnings("unchecked")
  static Map<String, Boolean> fontsDrawn(String selector) {
    browser.executeCdpCommand("DOM.enable", Map.of());
    browser.executeCdpCommand("CSS.enable", Map.of());
    Map<String, Object> root = (Map<String, Object>) browser.executeCdpCommand("DOM.getDocument", Map.of("depth", 0)).get("root");
    List<Number> nodes = (List<Number>) browser.executeCdpCommand("DOM.querySelectorAll",
        Map.of("nodeId", root.get("nodeId"), "selector", selector)).get("nodeIds");
    assertFalse(nodes.isEmpty(), selector);
    Map<String, Boolean> drawn = new TreeMap<>();
    for (Number node : nodes) {
      for (Map<String, Object> font : (List<Map<String, Object>>) browser.executeCdpCommand("CSS.getPlatformFontsForNode",
          Map.of("nodeId", node)).get("fonts")) {
        drawn.merge((String) font.get("familyName"), (Boolean) font.get("isCustomFont"), Boolean::logicalOr);
      }
    }
    return drawn;
  }

  /** The status of each of the page's web fonts once the page has loaded its fonts ("loaded", "unloaded"). */
  static Map<String, String> fontStatus() {
    Object status = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + " document.fonts.ready.then(() => { const s = {};"
        + " document.fonts.forEach(f => { s[f.family.replace(/\"/g, '')] = f.status; }); done(s); });");
    @SuppressWarnings("unchecked")
    Map<String, String> map = new TreeMap<>((Map<String, String>) status);
    return map;
  }

  @Test
  void aBrowserDrawsTheChapterWithTheEditionsFontsAndFetchesThemOnlyWhereNeeded() throws Exception {
    browser = Chromium.start(1000, 900);
    // the English page: Latin letters come from the reader's fonts, before the edition's in the list; nothing fetched
    browser.get(out(result.layout().documentPage("english-1")).toUri().toString());
    assertEquals(Map.of("HanaMinA", "unloaded", "IPAMincho", "unloaded"), fontStatus());

    // the chapter: its kana and kanji in the edition's IPA Mincho (a web font, read from the site's file
    // even though the machine has a font of that name), the one character it lacks in Hanazono
    browser.get(out(result.layout().documentPage("27")).toUri().toString());
    assertEquals(Map.of("HanaMinA", "loaded", "IPAMincho", "loaded"), fontStatus());
    Map<String, Boolean> drawn = fontsDrawn("main .tei-seg");
    assertEquals(Boolean.TRUE, drawn.get("IPAMincho"), drawn.toString());
    assertEquals(Boolean.TRUE, drawn.get("HanaMinA"), drawn.toString());
    assertEquals(2, drawn.size(), "no other font draws the chapter's lines: " + drawn);
  }

  @Test
  void theEBookCarriesTheFontsAfterDejaVuAndEpubcheckAgrees() throws Exception {
    Path epub = out(result.layout().epub());
    EpubCheckRun check = EpubCheckRun.of(epub);
    assertTrue(check.clean(), check.messages());
    try (ZipFile zip = new ZipFile(epub.toFile())) {
      assertArrayEquals(Files.readAllBytes(IPA_MINCHO), zip.getInputStream(zip.getEntry("EPUB/fonts/edition-1_ipam.ttf")).readAllBytes());
      assertArrayEquals(Files.readAllBytes(HANAZONO), zip.getInputStream(zip.getEntry("EPUB/fonts/edition-2-hanazono.ttf")).readAllBytes());
      Document opf = Jsoup.parse(new String(zip.getInputStream(zip.getEntry("EPUB/package.opf")).readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8), "", org.jsoup.parser.Parser.xmlParser());
      Element item = opf.selectFirst("manifest > item[href=fonts/edition-1_ipam.ttf]");
      assertEquals("font/ttf", item.attr("media-type"));
      String css = new String(zip.getInputStream(zip.getEntry("EPUB/css/epub.css")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(css.contains("@font-face { font-family: \"IPAMincho\"; src: url(\"../fonts/edition-1_ipam.ttf\")"), css);
      assertTrue(css.endsWith("body { font-family: \"DejaVu Serif\", serif, \"IPAMincho\", \"HanaMinA\"; }\n"), css);
    }
  }
}
