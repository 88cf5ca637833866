package org.editio.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.editio.Digest;
import org.editio.EditioException;
import org.editio.Problem;
import org.editio.TestFiles;
import org.editio.build.Builder;
import org.editio.cli.Main;
import org.editio.edition.TeiDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edition's own fonts for print ({@code EDITION/fonts/}): after DejaVu in every PDF, so that a
 * Japanese chapter prints; embedded as subsets; damaged files refused at their place; part of
 * the PDFs' recipes. The fonts are Debian's (installed by .ci/run), copied into the test's edition,
 * never committed: IPA Mincho (IPA Font License v1.0: use in printed matter and documents with
 * the font embedded allowed, copies unmodified allowed) and Hanazono Mincho A (Hanazono Font
 * License or SIL OFL 1.1), which has the one character of the Genji chapter IPA Mincho lacks, and
 * Lohit Devanagari (SIL OFL 1.1).
 */
@Tag("slow")
class EditionFontsTest {

  static final Path IPA_MINCHO = Path.of("/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf");
  static final Path IPA_P_MINCHO = Path.of("/usr/share/fonts/opentype/ipafont-mincho/ipamp.ttf");
  static final Path HANAZONO = Path.of("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf");
  static final Path LOHIT_DEVANAGARI = Path.of("/usr/share/fonts/truetype/lohit-devanagari/Lohit-Devanagari.ttf");

  /** Chapter 27 of the Kōi Genji monogatari (CC0), as its project publishes it: Japanese, no xml:lang. */
  static final Path GENJI = TestFiles.ROOT.resolve("src/test/resources/corpus/scripts/27.xml");

  static Path font(Path font) {
    assertTrue(Files.isRegularFile(font), font + " is missing: install the Debian packages fonts-ipafont-mincho,"
        + " fonts-hanazono and fonts-lohit-deva (.ci/run does)");
    return font;
  }

  /** An edition folder holding the Genji chapter and the given fonts (file name to font). */
  static Path genji(Path dir, Map<String, Path> fonts) throws IOException {
    Path edition = Files.createDirectories(dir.resolve("genji"));
    Files.copy(GENJI, edition.resolve("27.xml"));
    for (Map.Entry<String, Path> f : fonts.entrySet()) {
      Files.createDirectories(edition.resolve("fonts"));
      Files.copy(font(f.getValue()), edition.resolve("fonts").resolve(f.getKey()));
    }
    return edition;
  }

  @Test
  void theGenjiChapterPrintsWithTheEditionsFontsEveryCharacterInOrder(@TempDir Path dir) throws Exception {
    // IPA Mincho first (file names in order), Hanazono for what it lacks: the VERTICAL KANA REPEAT MARK
    Path edition = genji(dir, new TreeMap<>(Map.of("1-ipam.ttf", IPA_MINCHO, "2-hanazono.ttf", HANAZONO)));
    Builder.Result result = new Builder().build(edition, dir.resolve("out"), "pdf");
    TeiDocument doc = result.edition().documents().get(0);
    Path documentPdf = result.out().resolve(result.layout().documentPdf(doc.id()));
    Path volume = result.out().resolve(result.layout().volume());

    // nothing lost: every run of text of the chapter (a printed line each), in order, in the document's PDF and the volume
    List<String> words = TestFiles.teiWords(doc.tree());
    assertTrue(words.size() > 50 && words.stream().mapToInt(String::length).sum() > 1400, "the chapter's text: " + words);
    assertEquals(List.of(), missingInOrder(words, SeedPdfTest.pdfText(documentPdf)));
    assertEquals(List.of(), missingInOrder(words, SeedPdfTest.pdfText(volume)));
    assertTrue(SeedPdfTest.pdfText(volume).contains("setinDejaVuSerifandDejaVuSans,andinIPAMincho,HanaMinA."),
        "the imprint names the edition's fonts");

    // the kana and kanji are set in IPA Mincho, the one character it lacks in Hanazono, the Latin in DejaVu
    Map<String, String> fontOf = fontsOfCharacters(documentPdf);
    assertEquals("IPAMincho", fontOf.get("源"));
    assertEquals("IPAMincho", fontOf.get("の"));
    assertEquals("HanaMinA", fontOf.get("〱"));
    assertEquals("DejaVuSerif", fontOf.get("|"), "the source's page numbers (|855|): in DejaVu, first in the list");

    // embedded, as subsets: a few kilobytes of glyphs of fonts of megabytes
    for (Path pdf : List.of(documentPdf, volume)) {
      Map<String, Integer> embedded = embeddedFonts(pdf);
      assertEquals(List.of(), SeedPdfTest.fontProblems(pdf));
      assertTrue(embedded.keySet().stream().anyMatch(n -> n.matches("[A-Z]{6}\\+IPAMincho")), embedded.toString());
      assertTrue(embedded.keySet().stream().anyMatch(n -> n.matches("[A-Z]{6}\\+HanaMinA")), embedded.toString());
      embedded.forEach((name, bytes) -> assertTrue(bytes < 600_000, name + ": " + bytes + " bytes embedded"));
    }

    // still archival: PDF/A-2b for veraPDF, with the edition's fonts in it
    org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
    for (Path pdf : List.of(documentPdf, volume)) {
      try (java.io.InputStream in = Files.newInputStream(pdf);
          org.verapdf.pdfa.PDFAParser parser = org.verapdf.pdfa.Foundries.defaultInstance().createParser(in)) {
        var validation = org.verapdf.pdfa.Foundries.defaultInstance().createValidator(parser.getFlavour(), false).validate(parser);
        assertTrue(validation.isCompliant(), pdf.getFileName() + ": " + validation.getTestAssertions().stream()
            .filter(a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED).limit(5).toList());
      }
    }
  }

  @Test
  void aCharacterNoFontHasIsRefusedAndTheMessageSaysWhereFontsGo(@TempDir Path dir) throws Exception {
    // without fonts: refused as before, the message now says where a font would go
    Path bare = genji(dir.resolve("bare"), Map.of());
    EditioException none = assertThrows(EditioException.class, () -> new Builder().build(bare, dir.resolve("out1"), "pdf"));
    assertEquals(EditioException.INPUT, none.exitCode());
    assertTrue(none.problems().stream().anyMatch(p -> p.message().contains("27.pdf: the PDF cannot print characters of the"
        + " Unicode block HIRAGANA")), none.problems().toString());
    for (Problem p : none.problems()) {
      assertTrue(p.message().matches("(?s).*to print (it|them), add a TrueType font \\(\\.ttf\\) that has (it|them) to "
          + java.util.regex.Pattern.quote(Problem.displayPath(bare.resolve("fonts"))) + "/, the edition's fonts for print"), p.message());
    }

    // with IPA Mincho alone: the one character it lacks too, at its line
    Path ipa = genji(dir.resolve("ipa"), Map.of("ipam.ttf", IPA_MINCHO));
    EditioException lacking = assertThrows(EditioException.class, () -> new Builder().build(ipa, dir.resolve("out2"), "pdf"));
    List<Problem> problems = lacking.problems().stream().filter(p -> p.message().contains("27.pdf:")).toList();
    assertEquals(1, problems.size(), lacking.problems().toString());
    assertEquals(ipa.resolve("27.xml"), problems.get(0).file());
    assertEquals(86, problems.get(0).line());
    assertTrue(problems.get(0).message().contains("the PDF cannot print \"〱\" (U+3031 VERTICAL KANA REPEAT MARK): the embedded"
        + " fonts lack it"), problems.get(0).message());
    assertTrue(problems.get(0).message().contains("add a TrueType font (.ttf) that has it to "), problems.get(0).message());
    assertFalse(Files.exists(dir.resolve("out2/pdf")), "nothing published");
  }

  /**
   * Devanagari, which DejaVu lacks, stays refused with a font of the edition that has it: FOP 2.11
   * forms no conjuncts and its PDF text reads "िहन्दी" for "हिन्दी" (measured with Lohit Devanagari).
   */
  @Test
  void devanagariStaysRefusedWithAFontThatHasIt(@TempDir Path dir) throws Exception {
    Path edition = Files.createDirectories(dir.resolve("sanskrit"));
    Files.writeString(edition.resolve("sa.xml"), """
        <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="sa">
          <teiHeader><fileDesc><titleStmt><title>Sanskrit</title></titleStmt><publicationStmt><p>Fixture.</p></publicationStmt>
            <sourceDesc><p>Written for the tests.</p></sourceDesc></fileDesc></teiHeader>
          <text><body>
            <p>In Latin first.</p>
            <p>Then संस्कृतम् and हिन्दी.</p>
          </body></text>
        </TEI>
        """);
    // without a font: the characters are missing, and no font is suggested, since none would do
    EditioException bare = assertThrows(EditioException.class, () -> new Builder().build(edition, dir.resolve("out1"), "pdf"));
    assertTrue(bare.problems().stream().anyMatch(p -> p.message().contains("cannot print characters of the Unicode block"
        + " DEVANAGARI")), bare.problems().toString());
    assertTrue(bare.problems().stream().noneMatch(p -> p.message().contains("add a TrueType font")), bare.problems().toString());

    Files.copy(font(LOHIT_DEVANAGARI), Files.createDirectories(edition.resolve("fonts")).resolve("lohit.ttf"));
    EditioException e = assertThrows(EditioException.class, () -> new Builder().build(edition, dir.resolve("out2"), "pdf"));
    assertEquals(1, e.problems().size(), e.problems().toString());
    Problem p = e.problems().get(0);
    assertEquals(edition.resolve("sa.xml"), p.file());
    assertEquals(6, p.line());
    assertTrue(p.message().contains("sa.pdf: the PDF cannot set Devanagari text, first \"स\" (U+0938 DEVANAGARI LETTER SA)"
        + " (DEVANAGARI): its conjuncts would print as separate letters"), p.message());
    assertFalse(Files.exists(dir.resolve("out2/pdf")), "nothing published");
  }

  /** A short document with Latin, bold and italic kana: what IPA Mincho alone prints. */
  static Path kana(Path dir) throws IOException {
    Path edition = Files.createDirectories(dir.resolve("kana"));
    Files.writeString(edition.resolve("kana.xml"), FontCoverageTest.KANA);
    return edition;
  }

  static String[] cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void aFileThatIsNoUsableFontIsALocatedErrorAndThePreviousOutputStays(@TempDir Path dir) throws Exception {
    Path edition = kana(dir);
    Path fonts = Files.createDirectories(edition.resolve("fonts"));
    Files.copy(font(IPA_MINCHO), fonts.resolve("ipam.ttf"));
    // a licence beside the font is no font, and left alone; so is a hidden file (macOS's "._" copy of a font's metadata)
    Files.writeString(fonts.resolve("LICENSE.txt"), "IPA Font License Agreement v1.0");
    Files.write(fonts.resolve("._ipam.ttf"), new byte[] {0, 5, 22, 7, 0, 2, 0, 0});
    Path out = dir.resolve("out");
    String[] built = cli("build", edition.toString(), "-o", out.toString(), "--verbose");
    assertEquals("0", built[0], built[2]);
    assertTrue(built[1].contains("the edition's fonts, after DejaVu: IPAMincho (ipam.ttf)"), built[1]);
    Map<String, String> before = tree(out);

    byte[] ipa = Files.readAllBytes(IPA_MINCHO);
    Map<String, byte[]> broken = new java.util.LinkedHashMap<>();
    broken.put("notes.ttf", "These are not glyphs.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    broken.put("head.ttf", java.util.Arrays.copyOf(ipa, 100_000));
    broken.put("tail.ttf", java.util.Arrays.copyOf(ipa, ipa.length - 40_000));
    broken.put("z-copy.otf", ipa);
    // DejaVu (editio's own, from the class path) may not come again
    try (java.io.InputStream dejavu = EditionFontsTest.class.getClassLoader()
        .getResourceAsStream("net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf")) {
      broken.put("dejavu.ttf", dejavu.readAllBytes());
    }
    // IPA Mincho with its OS/2 table saying "restricted licence embedding" (fsType 2)
    byte[] restricted = ipa.clone();
    java.nio.ByteBuffer table = java.nio.ByteBuffer.wrap(restricted);
    for (int i = 0, n = table.getShort(4); i < n; i++) {
      if (new String(restricted, 12 + 16 * i, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("OS/2")) {
        table.putShort(table.getInt(12 + 16 * i + 8) + 8, (short) 2);
      }
    }
    broken.put("restricted.ttf", restricted);
    // IPA Mincho whose family names begin with U+0001 (a name XML cannot hold: FOP's configuration failed to parse)
    byte[] control = ipa.clone();
    java.nio.ByteBuffer tables = java.nio.ByteBuffer.wrap(control);
    for (int i = 0, n = tables.getShort(4); i < n; i++) {
      if (new String(control, 12 + 16 * i, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("name")) {
        int name = tables.getInt(12 + 16 * i + 8);
        int records = tables.getShort(name + 2);
        int strings = name + tables.getShort(name + 4);
        for (int r = 0; r < records; r++) {
          int record = name + 6 + 12 * r;
          if (tables.getShort(record + 6) == 1) { // nameID 1: the family
            int at = strings + tables.getShort(record + 10);
            if (tables.getShort(record) == 3) { // Windows: UTF-16BE
              control[at] = 0;
              control[at + 1] = 1;
            } else {
              control[at] = 1;
            }
          }
        }
      }
    }
    broken.put("control.ttf", control);
    Map<String, String> expected = Map.of(
        "notes.ttf", "error: not a font: its first bytes are not those of a TrueType or OpenType font",
        "head.ttf", "error: the font ends before its tables do",
        "tail.ttf", "error: the font ends before its tables do (its table 'vmtx' would end at byte ",
        "z-copy.otf", "error: the same face (IPAMincho, normal, weight 400) as " + Problem.displayPath(fonts.resolve("ipam.ttf")),
        "dejavu.ttf", "error: the font's family 'DejaVu Sans' is one of editio's own fonts",
        "restricted.ttf", "error: the font's licence does not allow embedding it",
        "control.ttf", "error: the font's family name has a control character (U+0001), which the print stylesheets cannot name, and it has no other");
    for (Map.Entry<String, byte[]> bad : broken.entrySet()) {
      Path file = fonts.resolve(bad.getKey());
      Files.write(file, bad.getValue());
      String[] refused = cli("build", edition.toString(), "-o", out.toString(), "-q");
      assertEquals("1", refused[0], bad.getKey() + ": " + refused[2]);
      assertTrue(refused[2].contains(Problem.displayPath(file) + ":1:1: " + expected.get(bad.getKey())), refused[2]);
      assertFalse(refused[2].contains("Exception") || refused[2].contains("\tat "), "no stack trace: " + refused[2]);
      assertEquals(before, tree(out), bad.getKey() + ": the previous output stays as it was");
      Files.delete(file);
    }
  }

  /** A single file takes the fonts beside it. */
  @Test
  void aSingleFileTakesTheFontsFolderBesideIt(@TempDir Path dir) throws Exception {
    Path file = kana(dir).resolve("kana.xml");
    Files.copy(font(IPA_MINCHO), Files.createDirectories(file.resolveSibling("fonts")).resolve("ipam.ttf"));
    Builder.Result result = new Builder().build(file, dir.resolve("out"), "pdf");
    Path pdf = result.out().resolve(result.layout().documentPdf("kana"));
    assertEquals("IPAMincho", fontsOfCharacters(pdf).get("ひ"));
    assertTrue(SeedPdfTest.pdfText(pdf).contains("Thenひらがなandかな."), SeedPdfTest.pdfText(pdf));
  }

  @Test
  void aFontLeadingOutOfTheEditionIsRefused(@TempDir Path dir) throws Exception {
    Path edition = kana(dir);
    Path link = Files.createDirectories(edition.resolve("fonts")).resolve("ipam.ttf");
    Files.createSymbolicLink(link, font(IPA_MINCHO));
    EditioException e = assertThrows(EditioException.class, () -> new Builder().build(edition, dir.resolve("out"), "pdf"));
    assertEquals(1, e.problems().size(), e.problems().toString());
    assertEquals(link, e.problems().get(0).file());
    assertTrue(e.problems().get(0).message().contains("refused: outside the edition"), e.problems().get(0).message());
  }

  @Test
  void aChangedFontRendersThePdfsAgainAndNothingElse(@TempDir Path dir) throws Exception {
    Path edition = kana(dir);
    Path fonts = Files.createDirectories(edition.resolve("fonts"));
    Files.copy(font(IPA_MINCHO), fonts.resolve("mincho.ttf"));
    Path out = dir.resolve("out");
    Builder.Result first = new Builder().build(edition, out, "html", "pdf");
    Path pdf = out.resolve(first.layout().documentPdf("kana"));
    assertTrue(embeddedFonts(pdf).keySet().stream().anyMatch(n -> n.endsWith("+IPAMincho")), embeddedFonts(pdf).toString());

    // nothing changed, or a file that is no font added: everything reused
    Files.writeString(fonts.resolve("README.txt"), "Fonts for print.");
    Builder.Result again = new Builder().build(edition, out, "html", "pdf");
    assertEquals(0, again.rendered());

    // another font under the same name: the two PDFs (document and volume) again, and the site's copy of the
    // font and the CSS that declares it (its family is another); the web pages not
    Map<String, String> unchanged = tree(out);
    Files.copy(font(IPA_P_MINCHO), fonts.resolve("mincho.ttf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Builder.Result changed = new Builder().build(edition, out, "html", "pdf");
    assertEquals(4, changed.rendered(), changed.rendered() + " rendered");
    Map<String, String> after = tree(out);
    assertEquals(unchanged.keySet(), after.keySet());
    var layout = first.layout();
    assertEquals(new java.util.TreeSet<>(List.of(layout.documentPdf("kana"), layout.volume(),
        layout.sitePdf(layout.documentPdf("kana")), layout.sitePdf(layout.volume()),
        layout.font("mincho.ttf"), layout.fontFaces(), org.editio.Folders.OUTPUT_MARK)),
        new java.util.TreeSet<>(after.keySet().stream().filter(f -> !after.get(f).equals(unchanged.get(f))).toList()));
    assertTrue(embeddedFonts(pdf).keySet().stream().anyMatch(n -> n.endsWith("+IPAPMincho")), embeddedFonts(pdf).toString());

    // a clean build of the same gives the same bytes (the incremental build is the clean one)
    new Builder().clean(true).build(edition, dir.resolve("clean"), "html", "pdf");
    assertEquals(tree(dir.resolve("clean")).get("pdf/documents/kana.pdf"), tree(out).get("pdf/documents/kana.pdf"));

    // the font removed: the kana cannot be printed, and the last output stays
    Map<String, String> before = tree(out);
    Files.delete(fonts.resolve("mincho.ttf"));
    EditioException e = assertThrows(EditioException.class, () -> new Builder().build(edition, out, "html", "pdf"));
    assertTrue(e.problems().get(0).message().contains("cannot print characters of the Unicode block HIRAGANA"), e.getMessage());
    assertEquals(before, tree(out));
  }

  @Test
  void anEditionsStylesheetCanSetTheBookInItsOwnFont(@TempDir Path dir) throws Exception {
    Path edition = kana(dir);
    Files.writeString(edition.resolve("edition.xml"), """
        <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="kana-edition">
          <teiHeader><fileDesc><titleStmt><title>Kana</title></titleStmt><publicationStmt><p>Fixture.</p></publicationStmt>
            <sourceDesc><p>Written for the tests.</p></sourceDesc></fileDesc></teiHeader>
          <text><body><p>An edition.</p></body></text>
        </TEI>
        """);
    Files.createDirectories(edition.resolve("documents"));
    Files.move(edition.resolve("kana.xml"), edition.resolve("documents/kana.xml"));
    Files.copy(font(IPA_MINCHO), Files.createDirectories(edition.resolve("fonts")).resolve("ipam.ttf"));
    Files.createDirectories(edition.resolve("xslt"));
    Files.writeString(edition.resolve("xslt/fo.xsl"), """
        <xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
            xmlns:f="http://editio.org/ns/function">
          <xsl:import href="editio:fo.xsl"/>
          <xsl:variable name="f:body-font" select="string-join(($edition-fonts, 'DejaVu Serif', 'DejaVu Sans'), ', ')"/>
        </xsl:stylesheet>
        """);
    Builder.Result result = new Builder().build(edition, dir.resolve("out"), "pdf");
    Path pdf = result.out().resolve(result.layout().documentPdf("kana"));
    Map<String, String> fontOf = fontsOfCharacters(pdf);
    assertEquals("IPAMincho", fontOf.get("P"), "the body's Latin in the edition's font: " + fontOf);
    assertEquals("IPAMincho", fontOf.get("ひ"));
    assertEquals("DejaVuSans-Bold", fontOf.get("K"), "the title keeps the heading font");
  }

  /** The words not found in {@code text} after the previous word (each looked for from where the last one ended). */
  static List<String> missingInOrder(List<String> words, String text) {
    List<String> missing = new ArrayList<>();
    int from = 0;
    for (String w : words) {
      int at = text.indexOf(w, from);
      if (at < 0) {
        missing.add(w);
      } else {
        from = at + w.length();
      }
    }
    return missing;
  }

  /** The font (without its subset prefix) each character is first set in. */
  static Map<String, String> fontsOfCharacters(Path pdf) throws IOException {
    Map<String, String> fonts = new java.util.HashMap<>();
    PDFTextStripper stripper = new PDFTextStripper() {
      @Override
      protected void processTextPosition(TextPosition text) {
        fonts.putIfAbsent(text.getUnicode(), text.getFont().getName().replaceFirst("^[A-Z]{6}\\+", ""));
      }
    };
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      stripper.getText(doc);
    }
    return fonts;
  }

  /** Every font of the PDF's pages by name, with the bytes of its embedded font file. */
  static Map<String, Integer> embeddedFonts(Path pdf) throws IOException {
    Map<String, Integer> fonts = new TreeMap<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          var descriptor = font instanceof PDType0Font t0 ? t0.getDescendantFont().getFontDescriptor() : font.getFontDescriptor();
          var file = descriptor.getFontFile2();
          fonts.put(font.getName(), file == null ? -1 : (int) file.getCOSObject().getLength());
        }
      }
    }
    return fonts;
  }

  /** Every file below {@code dir} by its relative path, with its digest. */
  static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(f).toString(), Digest.of(Files.readAllBytes(f)));
      }
    }
    return files;
  }
}
