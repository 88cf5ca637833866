package org.editio.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.editio.TestFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental build renders only what changed, and its output is byte for byte the output of
 * a clean build of the same sources: after edits, additions, deletions and renames.
 */
@Tag("slow")
class IncrementalBuildTest {

  private static final List<String> BOTH = List.of("html", "pdf");

  private static List<Path> documents(Path edition) throws Exception {
    try (Stream<Path> s = Files.list(edition.resolve("documents"))) {
      return s.sorted().toList();
    }
  }

  private static String id(Path document) {
    return document.getFileName().toString().replaceFirst("\\.xml$", "");
  }

  /** A copy of a document under a new id (the id is in the file name and in the file). */
  private static Path copyAs(Path document, String newId) throws Exception {
    Path target = document.resolveSibling(newId + ".xml");
    Files.writeString(target, Files.readString(document).replace(id(document), newId));
    return target;
  }

  private static void assertSameAsCleanBuild(Path edition, Path out, List<String> outputs, Path clean)
      throws Exception {
    new Builder().build(edition, clean, outputs);
    List<String> expected = AtomicBuildTest.files(clean);
    assertEquals(expected, AtomicBuildTest.files(out), "the same files as a clean build");
    for (String f : expected) {
      assertArrayEquals(Files.readAllBytes(clean.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
    }
  }

  @Test
  void editsAdditionsDeletionsAndRenamesGiveTheCleanBuildsOutput(@TempDir Path dir) throws Exception {
    Path edition = Generator.generate(TestFiles.EDITION, 16, dir.resolve("edition"));
    Path out = dir.resolve("out");
    Builder.Result first = new Builder().build(edition, out, BOTH);
    int total = first.rendered();
    assertEquals(0, first.reused());

    // nothing changed: nothing is rendered, and the manifest says the same
    byte[] manifest = Files.readAllBytes(out.resolve(Manifest.FILE));
    Builder.Result again = new Builder().build(edition, out, BOTH);
    assertEquals(0, again.rendered());
    assertEquals(total, again.reused());
    assertArrayEquals(manifest, Files.readAllBytes(out.resolve(Manifest.FILE)));

    // one word of one document: its page, its source copy, its PDF, the edition's pages, the
    // search index's files holding its words and the volume are made again; every other
    // document's outputs are kept
    List<Path> docs = documents(edition);
    Path edited = docs.get(5);
    String text = Files.readString(edited);
    int body = text.indexOf("<body>");
    Files.writeString(edited, text.substring(0, body) + text.substring(body).replaceFirst("<p>", "<p>Corrected reading. "));
    byte[] pageBefore = Files.readAllBytes(out.resolve("html/documents/" + id(edited) + ".html"));
    Builder.Result one = new Builder().build(edition, out, BOTH);
    assertTrue(one.rendered() < 20 && one.reused() > total - 20, one.rendered() + " rendered, " + one.reused() + " reused");
    assertNotEquals(new String(pageBefore), Files.readString(out.resolve("html/documents/" + id(edited) + ".html")));
    assertTrue(Files.readString(out.resolve("html/documents/" + id(edited) + ".html")).contains("Corrected reading."));
    assertSameAsCleanBuild(edition, out, BOTH, dir.resolve("clean-1"));

    // an addition, a deletion, a rename and a new title (which changes its neighbours' links)
    copyAs(docs.get(3), "d1930-01-01-added");
    Files.delete(docs.get(10));
    copyAs(docs.get(7), id(docs.get(7)) + "-renamed");
    Files.delete(docs.get(7));
    Path retitled = docs.get(12);
    Files.writeString(retitled, Files.readString(retitled).replaceFirst("<title>", "<title>Retitled: "));
    // what the edition's pages show of a document: a name now pointing elsewhere, another country
    // (a name of the text: the header's sender is the correspondence's and its participant's, kept alike by corresp-participant)
    Path renamed = docs.get(13);
    String named = Files.readString(renamed);
    int textStart = named.indexOf("<text>");
    Files.writeString(renamed, named.substring(0, textStart)
        + named.substring(textStart).replaceFirst("persons.xml#[a-z-]+\"", "persons.xml#molotov\""));
    Path moved = docs.get(14);
    Files.writeString(moved, Files.readString(moved).replaceFirst("#country-[a-z-]+\"", "#country-iran\""));
    new Builder().build(edition, out, BOTH);
    assertTrue(Files.exists(out.resolve("html/documents/d1930-01-01-added.html")));
    assertTrue(Files.notExists(out.resolve("html/documents/" + id(docs.get(10)) + ".html")), "deleted");
    assertTrue(Files.notExists(out.resolve("pdf/documents/" + id(docs.get(7)) + ".pdf")), "renamed away");
    assertSameAsCleanBuild(edition, out, BOTH, dir.resolve("clean-2"));

    // an HTML-only build after an edit keeps the PDF part and its manifest rows as they were
    Files.writeString(retitled, Files.readString(retitled).replace("Retitled: ", "Retitled again: "));
    new Builder().build(edition, out, "html");
    new Builder().build(edition, out, BOTH);
    assertSameAsCleanBuild(edition, out, BOTH, dir.resolve("clean-3"));
  }

  /**
   * The search index after a one-word correction, built by the builder that built it before (as
   * editio serve does): one document is analysed again, only the index files whose bytes change
   * are written, the new word is found, and the index is the clean build's, byte for byte.
   */
  /**
   * Elements without xml:id (here the divisions of a play) get ids from Saxon's generate-id(),
   * whose document number counts the trees read before (in parallel, so in any order): the ids
   * must not carry it. A comment added after the play's root makes the builder read it again, as
   * a tree with another number; its page must not change.
   */
  @Test
  void idsMadeForElementsWithoutXmlIdDoNotDependOnTheOrderFilesAreRead(@TempDir Path dir) throws Exception {
    Path edition = dir.resolve("edition");
    Path play = Files.copy(TestFiles.ROOT.resolve("src/test/resources/corpus/drama/F-rom.xml"),
        Files.createDirectories(edition).resolve("F-rom.xml"));
    Builder builder = new Builder();
    builder.build(edition, dir.resolve("first"), List.of("html"));
    Files.writeString(play, Files.readString(play) + "\n<!-- read again -->\n");
    builder.build(edition, dir.resolve("second"), List.of("html"));
    String first = Files.readString(dir.resolve("first/html/documents/F-rom.html"));
    assertTrue(first.contains("href=\"#F-rom-div-"), "the play's divisions have ids made by editio");
    assertEquals(first, Files.readString(dir.resolve("second/html/documents/F-rom.html")));
  }

  @Test
  void aCorrectionReindexesOneDocumentAndGivesTheCleanBuildsIndex(@TempDir Path dir) throws Exception {
    Path edition = Generator.generate(TestFiles.EDITION, 300, dir.resolve("edition"));
    Path out = dir.resolve("out");
    org.editio.html.HtmlPublisher publisher = new org.editio.html.HtmlPublisher();
    Builder builder = new Builder(List.of(publisher));
    builder.build(edition, out, "html");
    assertEquals(300, publisher.indexed());
    Path search = out.resolve("html/assets/search");
    List<String> indexFiles = AtomicBuildTest.files(search);
    java.util.Map<String, Object> before = new java.util.HashMap<>();
    for (String f : indexFiles) {
      before.put(f, Files.getAttribute(search.resolve(f), "unix:ino"));
    }

    Path edited = documents(edition).get(150);
    String text = Files.readString(edited);
    int body = text.indexOf("<body>");
    Files.writeString(edited, text.substring(0, body) + text.substring(body).replaceFirst("<p>", "<p>Zeugmatic "));
    builder.build(edition, out, "html");
    assertEquals(1, publisher.indexed(), "one document analysed again");
    long rewritten = AtomicBuildTest.files(search).stream()
        .filter(f -> !java.util.Objects.equals(before.get(f), attribute(search.resolve(f)))).count();
    assertTrue(rewritten > 0 && rewritten < indexFiles.size() / 2,
        rewritten + " of " + indexFiles.size() + " index files written again");
    assertEquals(1, AtomicBuildTest.files(search.resolve("doc")).stream().filter(f -> {
      try {
        return Files.readString(search.resolve("doc").resolve(f)).contains("Zeugmatic");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).count(), "the document's text in the index");
    try (Stream<Path> chunks = Files.list(search)) {
      assertTrue(chunks.filter(p -> p.getFileName().toString().startsWith("t-")).anyMatch(p -> {
        try {
          return Files.readString(p).contains("[\"" + org.editio.html.SearchAnalyzer.stem("zeugmatic") + "\",[");
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }), "the stem of the new word is in the index");
    }
    assertSameAsCleanBuild(edition, out, List.of("html"), dir.resolve("clean"));
  }

  /**
   * A warm builder (editio serve) keeps each file's pointers between builds, but resolves them
   * every time: a broken pointer written in a correction is found, and so is an unchanged
   * document's pointer whose register entry was renamed.
   */
  @Test
  void aWarmBuilderChecksPointersAfterEveryCorrection(@TempDir Path dir) throws Exception {
    Path edition = Generator.generate(TestFiles.EDITION, 6, dir.resolve("edition"));
    Path out = dir.resolve("out");
    Builder builder = new Builder(List.of(new org.editio.html.HtmlPublisher()));
    builder.build(edition, out, "html");

    Path corrected = documents(edition).get(2);
    String text = Files.readString(corrected);
    int body = text.indexOf("<body>");
    Files.writeString(corrected, text.substring(0, body)
        + text.substring(body).replaceFirst("<p>", "<p><persName ref=\"../registers/persons.xml#nobody-such\">X</persName> "));
    org.editio.EditioException broken = org.junit.jupiter.api.Assertions.assertThrows(org.editio.EditioException.class,
        () -> builder.build(edition, out, "html"));
    assertTrue(broken.problems().stream().anyMatch(p -> p.file().endsWith(corrected.getFileName())
        && p.message().contains("has no xml:id 'nobody-such'")), broken.problems().toString());
    Files.writeString(corrected, text);
    builder.build(edition, out, "html");

    Path unchanged = documents(edition).get(0);
    java.util.regex.Matcher ref = java.util.regex.Pattern.compile("ref=\"\\.\\./registers/persons\\.xml#([^\"]+)\"")
        .matcher(Files.readString(unchanged));
    assertTrue(ref.find(), "the first document names a person");
    String id = ref.group(1);
    Path persons = edition.resolve("registers/persons.xml");
    String register = Files.readString(persons);
    assertTrue(register.contains("xml:id=\"" + id + "\""));
    Files.writeString(persons, register.replace("xml:id=\"" + id + "\"", "xml:id=\"" + id + "-renamed\""));
    org.editio.EditioException gone = org.junit.jupiter.api.Assertions.assertThrows(org.editio.EditioException.class,
        () -> builder.build(edition, out, "html"));
    assertTrue(gone.problems().stream().anyMatch(p -> p.file().endsWith(unchanged.getFileName())
        && p.message().contains("has no xml:id '" + id + "'")), gone.problems().toString());
  }

  private static Object attribute(Path p) {
    try {
      return Files.getAttribute(p, "unix:ino");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aChangedRegisterOrACleanBuildRendersEverything(@TempDir Path dir) throws Exception {
    Path edition = Generator.generate(TestFiles.EDITION, 6, dir.resolve("edition"));
    Path out = dir.resolve("out");
    List<String> html = List.of("html");
    int total = new Builder().build(edition, out, html).rendered();

    Path persons = edition.resolve("registers/persons.xml");
    Files.writeString(persons, Files.readString(persons).replaceFirst("</persName>", " (revised)</persName>"));
    Builder.Result afterRegister = new Builder().build(edition, out, html);
    // every page links names to the registers: all are made again (the TEI copies stay, and the
    // search index's files whose bytes the register does not change)
    long pages = AtomicBuildTest.files(out.resolve("html")).stream().filter(f -> f.endsWith(".html")).count();
    assertTrue(afterRegister.rendered() >= pages && afterRegister.rendered() < total,
        afterRegister.rendered() + " of " + total + ", " + pages + " pages");
    assertSameAsCleanBuild(edition, out, html, dir.resolve("clean"));

    Builder.Result clean = new Builder().clean(true).build(edition, out, html);
    assertEquals(0, clean.reused());
    assertEquals(total, clean.rendered());

    // a damaged manifest only means a full build
    Files.writeString(out.resolve(Manifest.FILE), "not a manifest\t\t\n");
    assertEquals(0, new Builder().build(edition, out, html).reused());
    // an output deleted by hand is made again, though the manifest lists it
    Path page = AtomicBuildTest.files(out.resolve("html/documents")).stream().filter(f -> f.endsWith(".html"))
        .map(f -> out.resolve("html/documents").resolve(f)).findFirst().orElseThrow();
    Files.delete(page);
    assertEquals(1, new Builder().build(edition, out, html).rendered());
    assertTrue(Files.exists(page));
  }

  /**
   * The e-book and the CMIF file are one file each, made again when anything they read changed (a
   * document, a register) and reused otherwise; an HTML-only build keeps them; the result is a
   * clean build's, byte for byte.
   */
  @Test
  void theEbookAndTheCmifFileAreReusedWhenNothingTheyReadChanged(@TempDir Path dir) throws Exception {
    Path edition = Generator.generate(TestFiles.EDITION, 6, dir.resolve("edition"));
    Path out = dir.resolve("out");
    List<String> both = List.of("epub", "cmif");
    Builder.Result first = new Builder().build(edition, out, both);
    assertEquals(2, first.rendered());
    Path epub = AtomicBuildTest.files(out.resolve("epub")).stream().map(f -> out.resolve("epub").resolve(f)).findFirst().orElseThrow();
    byte[] book = Files.readAllBytes(epub);

    Builder.Result again = new Builder().build(edition, out, both);
    assertEquals(0, again.rendered());
    assertEquals(2, again.reused());

    Path document = documents(edition).get(2);
    String text = Files.readString(document);
    int body = text.indexOf("<body>");
    Files.writeString(document, text.substring(0, body) + text.substring(body).replaceFirst("<p>", "<p>Corrected reading. "));
    Builder.Result edited = new Builder().build(edition, out, both);
    assertEquals(2, edited.rendered(), "the book and the CMIF file read every document");
    assertNotEquals(new String(book, java.nio.charset.StandardCharsets.ISO_8859_1),
        new String(Files.readAllBytes(epub), java.nio.charset.StandardCharsets.ISO_8859_1));
    assertSameAsCleanBuild(edition, out, both, dir.resolve("clean-1"));

    Path persons = edition.resolve("registers/persons.xml");
    Files.writeString(persons, Files.readString(persons).replaceFirst("</persName>", " (revised)</persName>"));
    assertEquals(2, new Builder().build(edition, out, both).rendered());
    assertSameAsCleanBuild(edition, out, both, dir.resolve("clean-2"));

    // an HTML-only build keeps both parts as they were
    byte[] revised = Files.readAllBytes(epub);
    byte[] cmif = Files.readAllBytes(out.resolve("cmif.xml"));
    new Builder().build(edition, out, "html");
    assertArrayEquals(revised, Files.readAllBytes(epub));
    assertArrayEquals(cmif, Files.readAllBytes(out.resolve("cmif.xml")));
  }

  /**
   * An edition's customisation counts in the recipes: its CSS is copied again (pages only name
   * it), its fo.xsl lays out the PDFs again and leaves the HTML edition alone, a file both
   * stylesheets include renders both; the result is a clean build's.
   */
  @Test
  void aChangedCustomisationRendersWhatItAffects(@TempDir Path dir) throws Exception {
    Path edition = dir.resolve("briefe");
    Path source = TestFiles.ROOT.resolve("src/test/resources/editions/briefe");
    TestFiles.copyTree(source, edition);
    Path out = dir.resolve("out");
    new Builder().build(edition, out, BOTH);
    Path css = edition.resolve("assets/briefe.css");
    Files.writeString(css, Files.readString(css) + "\n.gesperrt { font-style: italic; }\n");
    Builder.Result afterCss = new Builder().build(edition, out, BOTH);
    assertEquals(1, afterCss.rendered(), "only the CSS file is copied again");
    assertEquals(Files.readString(css), Files.readString(out.resolve("html/assets/edition/briefe.css")));

    Path fo = edition.resolve("xslt/fo.xsl");
    byte[] page = Files.readAllBytes(out.resolve("html/documents/brief-1802-03-03.html"));
    byte[] pdf = Files.readAllBytes(out.resolve("pdf/documents/brief-1802-03-03.pdf"));
    Files.writeString(fo, Files.readString(fo).replace("0.15em", "0.3em"));
    Builder.Result afterFo = new Builder().build(edition, out, BOTH);
    assertEquals(3, afterFo.rendered(), "two document PDFs and the volume");
    assertArrayEquals(page, Files.readAllBytes(out.resolve("html/documents/brief-1802-03-03.html")));
    assertNotEquals(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1),
        new String(Files.readAllBytes(out.resolve("pdf/documents/brief-1802-03-03.pdf")), java.nio.charset.StandardCharsets.ISO_8859_1));

    Path labels = edition.resolve("xslt/labels.xsl");
    Files.writeString(labels, Files.readString(labels).replace("'documents': 'Briefe'", "'documents': 'Schreiben'"));
    new Builder().build(edition, out, BOTH);
    assertTrue(Files.readString(out.resolve("html/index.html")).contains(">Schreiben</a>"));
    assertSameAsCleanBuild(edition, out, BOTH, dir.resolve("clean"));
  }

  /**
   * TEI without edition.xml is titled after its folder: a folder renamed keeps every document's
   * digest, and the pages (whose head and footer hold the title) are made again all the same.
   */
  @Test
  void aLooseFolderRenamedRetitlesItsPages(@TempDir Path dir) throws Exception {
    Path before = dir.resolve("letters-1820");
    TestFiles.copyTree(TestFiles.ROOT.resolve("src/test/resources/corpus/letters"), before);
    Path out = dir.resolve("out");
    new Builder().build(before, out, List.of("html"));
    Path after = Files.move(before, dir.resolve("letters-1821"));
    Builder.Result again = new Builder().build(after, out, List.of("html"));
    assertTrue(again.rendered() > 0, "the pages are made again");
    assertTrue(Files.readString(out.resolve("html/index.html")).contains("letters-1821"));
    assertSameAsCleanBuild(after, out, List.of("html"), dir.resolve("clean"));
  }
}
