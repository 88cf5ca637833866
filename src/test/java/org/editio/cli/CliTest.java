package org.editio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.editio.TestFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract: exit codes 0/1/2, located messages, no stack traces. */
@Tag("slow")
class CliTest {

  record Run(int code, String out, String err) {}

  static Run editio(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  static Path fixture(String name) {
    return TestFiles.FIXTURES.resolve(name);
  }

  /** A TEI file of a one-line header and, on its second line, a text whose body is {@code body}. */
  static Path teiFile(Path file, String body) throws java.io.IOException {
    return Files.writeString(file, "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>"
        + "<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>\n"
        + "<text><body>" + body + "</body></text></TEI>\n");
  }

  @Test
  void validFileValidates() {
    Run r = editio("validate", TestFiles.SEED.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("1 file, 0 errors, 0 warnings"), r.err());
  }

  /**
   * A file that declares no schema is checked for well-formedness and editio's rules, and the
   * summary says so ("0 errors" read as "valid TEI" misled a reviewer in session 9); {@code
   * --schema tei_all} checks it against TEI P5's tei_all, bundled, and finds what is not TEI.
   */
  @Test
  void aFileWithoutASchemaIsSaidSoAndTeiAllIsAtHand(@TempDir Path dir) throws Exception {
    Path file = teiFile(dir.resolve("a.xml"), "<p>Text <bogus>x</bogus>.</p>");
    Run plain = editio("validate", file.toString());
    assertEquals(0, plain.code(), plain.err());
    assertTrue(plain.err().contains("1 file, 0 errors, 0 warnings\nnote: the file declares no schema (<?xml-model?>): checked for"
        + " well-formedness and editio's rules, not against a schema; editio validate --schema tei_all checks it against TEI P5"
        + " (bundled)"), plain.err());
    Run teiAll = editio("validate", "--schema", "tei_all", file.toString());
    assertEquals(1, teiAll.code(), teiAll.err());
    assertTrue(teiAll.err().contains(file + ":2:28: error: element \"bogus\" not allowed anywhere"), teiAll.err());
    // a file that declares one: no note
    Run seed = editio("validate", TestFiles.SEED.toString());
    assertFalse(seed.err().contains("note:"), seed.err());
  }

  /**
   * C1 control characters (valid XML; in converted legacy files, Windows-1252 read as Latin-1) are
   * a warning at their element, naming the character a browser would show instead (review 9c: the
   * page showed "–" for U+0096 without a word). (TextFidelityTest checks the build's warnings.)
   */
  @Test
  void controlCharactersOfAConvertedFileAreAWarning(@TempDir Path dir) throws Exception {
    Path file = teiFile(dir.resolve("c1.xml"), "<p>1914\u00961918, \u0080 5</p>");
    Run r = editio("validate", file.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains(file + ":2:16: warning: control character U+0096 (probably '–'), U+0080 (probably '€') in the"
        + " text"), r.err());
    assertTrue(r.err().contains("[control-character]") && r.err().contains("1 file, 0 errors, 1 warning"), r.err());
  }

  /** TEI without edition.xml is titled after its folder unless given --title; an edition.xml's title is the only one. */
  @Test
  void titleNamesLooseTeiAndIsRefusedBesideEditionXml(@TempDir Path dir) throws Exception {
    Path letters = TestFiles.copyTree(TestFiles.ROOT.resolve("src/test/resources/corpus/letters"), dir.resolve("documents"));
    Run titled = editio("html", letters.toString(), "-o", dir.resolve("out").toString(), "--title", "Letters of 1520 and after");
    assertEquals(0, titled.code(), titled.err());
    assertTrue(titled.out().contains("of Letters of 1520 and after in"), titled.out());
    String home = Files.readString(dir.resolve("out/html/index.html"));
    assertTrue(home.contains("<h1>Letters of 1520 and after</h1>"), home);
    assertFalse(home.contains(">documents<"), "the folder's name is not the title");
    // the book is named after the title, not the folder (review 9b: documents.pdf beside documents/)
    Run book = editio("epub", letters.toString(), "-o", dir.resolve("book").toString(), "--title", "Letters of 1520 and after");
    assertEquals(0, book.code(), book.err());
    Path epub = dir.resolve("book/epub/letters-of-1520-and-after.epub");
    assertTrue(book.out().contains(epub.toString()), book.out());
    byte[] zip = Files.readAllBytes(epub);
    assertEquals("PK", new String(zip, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1), "an e-book (a zip)");
    assertFalse(Files.exists(dir.resolve("book/epub/documents.epub")));

    Run refused = editio("html", TestFiles.EDITION.toString(), "-o", dir.resolve("sample").toString(), "--title", "Another");
    assertEquals(2, refused.code(), refused.err());
    assertTrue(refused.err().contains("error: --title: the edition's title is edition.xml's"), refused.err());
    assertFalse(Files.exists(dir.resolve("sample")), "nothing published");
    assertEquals(2, editio("html", letters.toString(), "-o", dir.resolve("blank").toString(), "--title", " ").code());
    Run blankServe = editio("serve", letters.toString(), "-o", dir.resolve("served").toString(), "-p", "0", "--title", "");
    assertEquals(2, blankServe.code(), "serve refuses a blank title before it serves anything: " + blankServe.err());
    assertTrue(blankServe.err().contains("--title: the title is empty"), blankServe.err());
  }

  @Test
  void malformedFileGivesLineAndColumnAndExitCode1() {
    Run r = editio("validate", fixture("hostile/malformed.xml").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().matches("(?s).*malformed\\.xml:4:\\d+: error: not well-formed XML: .*"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
  }

  @Test
  void missingPathIsExitCode2() {
    Run r = editio("validate", "no/such/edition");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no/such/edition:0:0: error: no such file or directory")
        || r.err().contains("no such file or directory"), r.err());
    assertEquals(2, editio("build", "no/such/edition").code());
  }

  @Test
  void unknownOptionIsExitCode2() {
    assertEquals(2, editio("build", "--no-such-option").code());
    assertEquals(2, editio("build", "--page-size", "a0").code());
    assertEquals(2, editio().code());
  }

  /** Issue 16: only the commands that publish PDFs offer PDF options; html refuses them. */
  @Test
  void onlyPdfCommandsShowPdfOptions() {
    for (String command : new String[] {"html", "epub", "cmif"}) {
      Run help = editio(command, "--help");
      assertEquals(0, help.code(), command);
      assertFalse(help.out().contains("--page-size") || help.out().contains("--print"), command + ": " + help.out());
      assertEquals(2, editio(command, "--page-size", "a4").code(), command);
    }
    for (String command : new String[] {"pdf", "build"}) {
      Run help = editio(command, "--help");
      assertTrue(help.out().contains("--page-size") && help.out().contains("--print"), command + ": " + help.out());
    }
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"build", "validate", "html", "pdf", "epub", "cmif", "import"}) {
      Run r = editio(command, "--help");
      assertEquals(0, r.code(), command);
      assertTrue(r.out().contains("Usage: editio " + command), r.out());
    }
  }

  @Test
  void externalEntitiesAreRefusedNotExpanded() {
    Run r = editio("validate", fixture("hostile/external-entity.xml").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("external-entity.xml:7:"), r.err());
    assertTrue(r.err().contains("file:///etc/passwd") && r.err().contains("refused"), r.err());
    assertFalse(r.err().contains("root:"), "the file's content never appears");
  }

  @Test
  void entityBombIsRefused() {
    Run r = editio("validate", fixture("hostile/billion-laughs.xml").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("billion-laughs.xml:") && r.err().contains("entity expansion"), r.err());
  }

  @Test
  void allBadFilesOfADirectoryAreReported() {
    Run r = editio("validate", fixture("hostile").toString());
    assertEquals(1, r.code());
    for (String f : new String[] {"malformed.xml", "external-entity.xml", "billion-laughs.xml", "not-tei.xml"}) {
      assertTrue(r.err().contains(f + ":"), f + " in " + r.err());
    }
    assertTrue(r.err().contains("not a TEI document: the root element is <html>"), r.err());
    // XML that is not TEI (an HTML page, TEI in no namespace) is left out with a warning (issue 12)
    assertTrue(r.err().contains("9 files, 7 errors, 2 warnings"), r.err());
  }

  @Test
  void jsonFormatForTools() {
    Run r = editio("validate", "--format", "json", fixture("hostile/malformed.xml").toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("\"severity\":\"error\"") || r.out().contains("\"severity\": \"error\""), r.out());
    assertTrue(r.out().replace(" ", "").contains("\"line\":4"), r.out());
    assertTrue(r.out().replace(" ", "").contains("\"errors\":1"), r.out());
    assertEquals(2, editio("validate", "--format", "yaml").code());
  }

  @Test
  void buildRefusesAnEditionWithErrorsAndSaysWhy(@TempDir Path dir) throws Exception {
    Path edition = dir.resolve("edition");
    Files.createDirectories(edition.resolve("documents"));
    Files.copy(TestFiles.FIXTURES.resolve("rules/edition.xml"), edition.resolve("edition.xml"));
    Files.writeString(edition.resolve("documents/d1937-05-14-a.xml"),
        Files.readString(TestFiles.FIXTURES.resolve("rules/document-template.xml"))
            .replaceAll("(?s)<correspDesc>.*</particDesc>", "")
            .replace("<date when=\"1937-05-14\">", "<date when=\"1937-05-15\">")
            .replace("<persName ref=\"../registers/persons.xml#litvinov\">", "<persName>"));
    Run r = editio("build", edition.toString(), "-o", dir.resolve("out").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("[date-text]"), r.err());
    assertTrue(r.err().contains("not published: the edition has 1 error"), r.err());
    assertFalse(Files.exists(dir.resolve("out/html")));
  }

  @Test
  void buildOfABrokenEditionWritesNothingAndKeepsTheOldOutput(@TempDir Path out) throws Exception {
    Run good = editio("html", TestFiles.SEED.toString(), "-o", out.toString());
    assertEquals(0, good.code(), good.err());
    Path page = out.resolve("html/documents/d1937-05-14-litvinov.html");
    String before = Files.readString(page);

    Run bad = editio("build", fixture("hostile").toString(), "-o", out.toString());
    assertEquals(1, bad.code());
    assertEquals(before, Files.readString(page), "the previous output is intact");
    assertFalse(Files.exists(out.resolve("pdf")), "nothing of the failed build was written");
    try (var children = Files.list(out)) {
      assertEquals(java.util.List.of(".editio-manifest.tsv", "html"),
          children.map(p -> p.getFileName().toString()).sorted().toList(),
          "no staging leftovers; the good build's manifest");
    }
  }

  @Test
  void aSecondBuildReusesEverythingAndCleanRendersAll(@TempDir Path out) {
    String seed = TestFiles.SEED.toString();
    assertEquals(0, editio("html", seed, "-o", out.toString()).code());
    Run again = editio("html", seed, "-o", out.toString());
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("0 files rendered,") && again.out().contains("unchanged"), again.out());
    Run clean = editio("html", seed, "-o", out.toString(), "--clean");
    assertEquals(0, clean.code(), clean.err());
    assertFalse(clean.out().contains("unchanged"), clean.out());
  }

  @Test
  void benchMeasuresEveryStageAndRefusesUnknownOnes() {
    Run bench = editio("bench", "--documents", "3", "--stages", "validate,html,rebuild");
    assertEquals(0, bench.code(), bench.err());
    for (String stage : new String[] {"load", "validate", "identity", "html", "rebuild"}) {
      assertTrue(bench.out().lines().anyMatch(l -> l.startsWith(stage + " ") && l.contains("wall")), stage + ": " + bench.out());
    }
    // the volume alone (the stage that writes the volume without the per-document PDFs first)
    Run volume = editio("bench", "--documents", "2", "--stages", "volume");
    assertEquals(0, volume.code(), volume.err());
    assertTrue(volume.out().lines().anyMatch(l -> l.startsWith("volume ") && l.contains("pages/s")
        && l.contains("1 layout pass")), volume.out());
    // editio build after a one-word correction: the volume laid out once more, once
    Run correction = editio("bench", "--documents", "2", "--stages", "correction");
    assertEquals(0, correction.code(), correction.err());
    assertTrue(correction.out().lines().anyMatch(l -> l.startsWith("correction ") && l.contains("wall")
        && l.contains("volume: ") && l.contains("1 layout pass")), correction.out());
    Run unknown = editio("bench", "--stages", "html,fastest");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("unknown stage 'fastest'"), unknown.err());
  }

  /** --rounds repeats the html stage and its floor in the same JVM; --work says where; bad values are usage errors. */
  @Test
  void benchRepeatsTheHtmlStageInTheFolderItIsGiven(@TempDir Path dir) throws Exception {
    Run bench = editio("bench", "--documents", "2", "--stages", "html", "--rounds", "3", "--work", dir.toString());
    assertEquals(0, bench.code(), bench.err());
    for (String stage : new String[] {"identity", "html", "identity#2", "html#2", "identity#3", "html#3"}) {
      assertEquals(1, bench.out().lines().filter(l -> l.startsWith(stage + " ") && l.contains("wall")).count(),
          stage + ": " + bench.out());
    }
    assertFalse(bench.out().contains("html#4"), bench.out());
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count(), "the work folder inside --work is removed");
    }
    Run rounds = editio("bench", "--rounds", "0");
    assertEquals(2, rounds.code());
    assertTrue(rounds.err().contains("--rounds must be at least 1"), rounds.err());
    Run work = editio("bench", "--work", dir.resolve("absent").toString());
    assertEquals(2, work.code());
    assertTrue(work.err().contains("--work: no such folder"), work.err());
  }

  /** With --verbose a build says how often it laid out the volume: once, clean or after a correction; not when nothing changed. */
  @Test
  void verbosePrintsTheVolumesLayoutPasses(@TempDir Path dir) throws Exception {
    Path edition = org.editio.build.Generator.generate(TestFiles.EDITION, 4, dir.resolve("edition"));
    String out = dir.resolve("out").toString();
    Run first = editio("pdf", edition.toString(), "-o", out, "--verbose");
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().matches("(?s).*pdf-volume: .*\\n +\\d+ pages, 1 layout pass\\n.*"), first.out());
    assertTrue(first.out().matches("(?s).*\\n +4 document PDFs laid out in [0-9.]+ s \\([0-9.]+ ms each, \\d+ cores\\)\\n.*"), first.out());
    Run unchanged = editio("pdf", edition.toString(), "-o", out, "--verbose");
    assertTrue(unchanged.out().contains("volume unchanged, not laid out"), unchanged.out());
    Path doc = edition.resolve("documents").resolve(Files.list(edition.resolve("documents")).sorted().toList().get(2).getFileName());
    String text = Files.readString(doc);
    int body = text.indexOf("<body>");
    Files.writeString(doc, text.substring(0, body) + text.substring(body).replaceFirst("<p>", "<p>Corrected. "));
    Run corrected = editio("pdf", edition.toString(), "-o", out, "--verbose");
    assertTrue(corrected.out().contains(" pages, 1 layout pass\n") && corrected.out().contains("1 document PDF laid out"), corrected.out());
    assertFalse(editio("pdf", edition.toString(), "-o", out).out().contains("layout pass"), "only with --verbose");
  }

  @Test
  void buildPublishesEveryOutput(@TempDir Path out) {
    Run r = editio("build", TestFiles.EDITION.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isRegularFile(out.resolve("html/index.html")));
    assertTrue(Files.isRegularFile(out.resolve("pdf/soviet-foreign-policy-1919-1941.pdf")));
    assertTrue(Files.isRegularFile(out.resolve("pdf/documents/d1937-05-14-litvinov.pdf")));
    assertTrue(Files.isRegularFile(out.resolve("epub/soviet-foreign-policy-1919-1941.epub")));
    assertTrue(Files.isRegularFile(out.resolve("cmif.xml")));
    assertTrue(r.out().contains("published 95 documents"), r.out());
    assertTrue(r.out().contains("epub:") && r.out().contains("cmif:"), r.out());
    // the sample edition has a base URL (issue 16): the CMIF file gives addresses, no warning about it
    assertFalse(r.err().contains("the edition has no base URL"), r.err());
    // issue 16: html/ deployed alone keeps its PDF links: the pages link the site's own copies
    Path page = out.resolve("html/documents/d1937-05-14-litvinov.html");
    String pdfLink = org.jsoup.Jsoup.parse(readString(page)).select("dl.metadata a[href$=.pdf]").attr("href");
    assertEquals("../downloads/documents/d1937-05-14-litvinov.pdf", pdfLink);
    Path copy = page.getParent().resolve(pdfLink).normalize();
    assertTrue(copy.startsWith(out.resolve("html")), copy.toString());
    assertEquals(-1L, mismatch(copy, out.resolve("pdf/documents/d1937-05-14-litvinov.pdf")), "the same PDF");
    assertEquals(-1L, mismatch(out.resolve("html/downloads/soviet-foreign-policy-1919-1941.pdf"),
        out.resolve("pdf/soviet-foreign-policy-1919-1941.pdf")), "the book in the site too");
    // and the home page offers the book and the e-book (the site's copies): no page linked them
    org.jsoup.nodes.Document home = org.jsoup.Jsoup.parse(readString(out.resolve("html/index.html")));
    assertEquals(java.util.List.of("downloads/soviet-foreign-policy-1919-1941.pdf", "downloads/soviet-foreign-policy-1919-1941.epub"),
        home.select("p.downloads a").eachAttr("href"));
    assertEquals("Downloads: the edition as a book (PDF) · as an e-book (EPUB)", home.selectFirst("p.downloads").text());
    assertEquals(-1L, mismatch(out.resolve("html/downloads/soviet-foreign-policy-1919-1941.epub"),
        out.resolve("epub/soviet-foreign-policy-1919-1941.epub")), "the e-book in the site");
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long mismatch(Path a, Path b) {
    try {
      return Files.mismatch(a, b);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void epubAndCmifPublishTheirOutputAlone(@TempDir Path out) {
    Run epub = editio("epub", TestFiles.EDITION.toString(), "-o", out.toString());
    assertEquals(0, epub.code(), epub.err());
    assertTrue(Files.isRegularFile(out.resolve("epub/soviet-foreign-policy-1919-1941.epub")));
    assertFalse(Files.exists(out.resolve("html")) || Files.exists(out.resolve("cmif.xml")));
    Run cmif = editio("cmif", TestFiles.EDITION.toString(), "-o", out.toString());
    assertEquals(0, cmif.code(), cmif.err());
    assertTrue(Files.isRegularFile(out.resolve("cmif.xml")));
    assertTrue(Files.isRegularFile(out.resolve("epub/soviet-foreign-policy-1919-1941.epub")), "the other part is kept");
  }

  /**
   * A folder of TEI published into an output folder inside it ({@code cd letters && editio html
   * .}, whose OUT is {@code ./output}): the next build does not read the output's copies of the
   * documents as documents (they came back as "letter-1-2", then "-3" …, one more set per build),
   * nor a hidden file (an import's leftover temporary file).
   */
  @Test
  void outputInsideTheFolderIsNotReadBack(@TempDir Path dir) throws Exception {
    Path letters = TestFiles.copyTree(fixture("links"), dir.resolve("letters"));
    Files.writeString(letters.resolve(".editio-1234.xml"), Files.readString(letters.resolve("letter-1.xml")));
    Path out = letters.resolve("output");
    for (int build = 1; build <= 2; build++) {
      Run r = editio("html", letters.toString(), "-o", out.toString());
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("published 3 documents"), "build " + build + ": " + r.out());
      assertFalse(r.err().contains("already used"), r.err());
    }
    assertEquals(java.util.List.of("letter-1.html", "letter-2.html", "letter-3.html"),
        Files.list(out.resolve("html/documents")).map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList());
  }

  /** The output folder may not be the folder the documents are read from, nor a file; said in words, exit 2. */
  @Test
  void outputFolderThatCannotBeIsRefusedInWords(@TempDir Path dir) throws Exception {
    Path letters = TestFiles.copyTree(fixture("links"), dir.resolve("letters"));
    Run same = editio("html", letters.toString(), "-o", letters.toString());
    assertEquals(2, same.code(), same.err());
    assertTrue(same.err().contains("error: the output folder is the folder the edition's documents are read from"), same.err());
    assertFalse(Files.exists(letters.resolve("html")), "nothing written");

    Path file = Files.writeString(dir.resolve("out"), "a file");
    Run onFile = editio("html", letters.toString(), "-o", file.toString());
    assertEquals(2, onFile.code(), onFile.err());
    assertTrue(onFile.err().contains("out:0:0: error: cannot prepare the output folder: " + file + " already exists and is in the way"),
        onFile.err());
    assertFalse(onFile.err().contains("Exception"), onFile.err());
    assertEquals("a file", Files.readString(file), "the file is left as it was");
  }

  /**
   * A document that cannot be read is an error at its place; the register entries only it
   * mentions are not called unused, which told the editor to remove good entries (Delbos, Blum:
   * only the telegram names them).
   */
  @Test
  void anUnreadableDocumentDoesNotMakeItsEntriesUnused(@TempDir Path dir) throws Exception {
    Path edition = TestFiles.copyTree(TestFiles.EDITION, dir.resolve("edition"));
    Path telegram = edition.resolve("documents/d1937-05-14-litvinov.xml");
    Files.writeString(telegram, Files.readString(telegram).replace("</closer>", "</closr>"));
    Run r = editio("validate", edition.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("d1937-05-14-litvinov.xml:") && r.err().contains("error: not well-formed XML"), r.err());
    assertFalse(r.err().contains("'delbos' is not mentioned"), r.err());
    assertFalse(r.err().contains("[register-unused]"), r.err());
  }

  /**
   * Output written where the documents are by other roads (session 8's second review): a single
   * file published into its own folder (its output's parts then lie beside the documents, and the
   * folder's next build read their TEI copies: "document id 'a' is already used"), and {@code -o}
   * through a link to the documents' folder (refused, as the folder itself is).
   */
  @Test
  void outputBesideTheDocumentsIsNotReadBack(@TempDir Path dir) throws Exception {
    Path letters = TestFiles.copyTree(fixture("links"), dir.resolve("letters"));
    Run single = editio("html", letters.resolve("letter-1.xml").toString(), "-o", letters.toString());
    assertEquals(0, single.code(), single.err());
    assertTrue(Files.isRegularFile(letters.resolve("html/documents/letter-1.xml")), "the TEI copy beside the documents");
    Run folder = editio("validate", letters.toString());
    assertTrue(folder.err().contains("3 files"), folder.err());
    assertFalse(folder.err().contains("already used"), folder.err());

    Path link = Files.createSymbolicLink(dir.resolve("link"), letters);
    Run through = editio("html", letters.toString(), "-o", link.toString());
    assertEquals(2, through.code(), through.err());
    assertTrue(through.err().contains("the output folder is the folder the edition's documents are read from"), through.err());
    // the parts an output folder holds, as editio writes them
    assertEquals(java.util.Set.of(org.editio.output.OutputLayout.HTML, org.editio.output.OutputLayout.PDF,
        org.editio.output.OutputLayout.EPUB, org.editio.output.OutputLayout.CMIF), org.editio.Folders.OUTPUT_PARTS);
  }
}
