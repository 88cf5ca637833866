package org.editio.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.editio.Problem;
import org.editio.TestFiles;
import org.editio.xml.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Declared schemas, offline: the TEI release URLs resolve through the bundled catalog to the
 * bundled tei_all; a user's catalog ({@code --catalog}) and the edition's {@code catalog.xml} map
 * other URLs to local copies; a catalog that would lead to the network or out of the edition is
 * refused with a clear error.
 */
class CatalogTest {

  static final String TEI_RELEASE = "http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng";

  static String declaring(String href, String body) {
    return "<?xml-model href=\"" + href + "\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n"
        + "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>"
        + "<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>"
        + "<text><body>" + body + "</body></text></TEI>\n";
  }

  static List<Problem> validate(Path path, List<Path> catalogs) throws Exception {
    return new Validator(new Xml()).catalogs(catalogs).validate(List.of(path), Optional.empty()).problems();
  }

  @Test
  void theTeiReleaseUrlsResolveToTheBundledTeiAllWithoutTheNetwork(@TempDir Path dir) throws Exception {
    for (String href : List.of(TEI_RELEASE, TEI_RELEASE.replace("http:", "https:"),
        "https://tei-c.org/Vault/P5/current/xml/tei/custom/schema/relaxng/tei_all.rng",
        "https://www.tei-c.org/Vault/P5/4.11.0/xml/tei/custom/schema/relaxng/tei_all.rng",
        "https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_lite.rng")) {
      Path f = dir.resolve("valid.xml");
      Files.writeString(f, declaring(href, "<p>Valid.</p>"));
      assertEquals(List.of(), validate(f, List.of()), href);
      // the bundled schema really checks: an element tei_all does not have
      Files.writeString(f, declaring(href, "<p><notTei/></p>"));
      List<Problem> problems = validate(f, List.of());
      assertTrue(problems.stream().anyMatch(p -> "schema".equals(p.rule()) && p.message().contains("notTei")), problems.toString());
    }
  }

  @Test
  void anOtherVersionOfTeiIsOneClearError(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("old.xml");
    String href = "https://www.tei-c.org/Vault/P5/3.0.0/xml/tei/custom/schema/relaxng/tei_all.rng";
    Files.writeString(f, declaring(href, "<p>Old.</p>"));
    List<Problem> problems = validate(f, List.of());
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("schema-unavailable", problems.get(0).rule());
    assertTrue(problems.get(0).message().contains("'" + href + "' refused: outside the edition (editio never reads from the network"),
        problems.toString());
  }

  /**
   * The FRUS history documents declare tei_all (RELAX NG and its Schematron) by the TEI release
   * URL: it resolves offline. What remains are the corpus's own problems with TEI P5 4.11.0 (true
   * schema errors: Jing's command line reports the same); its links to web pages
   * ({@code ../chapter-7#fn81}) are links, not pointers into files of the edition, and no problem.
   */
  @Test
  void theFrusDocumentsResolveTheirDeclaredTeiAllOffline() throws Exception {
    Path frus = TestFiles.SHARED.resolve("corpus/frus-history/documents");
    assumeTrue(Files.isDirectory(frus), "../shared/corpus/frus-history is absent");
    List<Problem> problems = validate(frus, List.of());
    Map<String, Integer> byRule = new TreeMap<>();
    problems.forEach(p -> byRule.merge(p.rule(), 1, Integer::sum));
    assertTrue(!byRule.containsKey("schema-unavailable"), problems.stream().filter(p -> "schema-unavailable".equals(p.rule()))
        .findFirst().map(Problem::toString).orElse(""));
    // tei_all 4.11.0 wants publicationStmt to start with a publisher (or distributor, authority, p, ab)
    assertTrue(problems.stream().filter(p -> "schema".equals(p.rule()))
        .allMatch(p -> p.message().contains("element \"date\" not allowed yet")), problems.toString());
    assertEquals(Map.of("schema", 61), byRule);
  }

  @Test
  void aUserCatalogMapsAnyUrlToALocalCopy(@TempDir Path dir) throws Exception {
    Path copies = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(copies.resolve("strict.rng"),
        "<element name=\"TEI\" ns=\"http://www.tei-c.org/ns/1.0\" xmlns=\"http://relaxng.org/ns/structure/1.0\"><empty/></element>");
    Path catalog = copies.resolve("catalog.xml");
    Files.writeString(catalog, "<catalog xmlns=\"urn:oasis:names:tc:entity:xmlns:xml:catalog\">"
        + "<uri name=\"https://example.org/strict.rng\" uri=\"strict.rng\"/></catalog>");
    Path edition = Files.createDirectories(dir.resolve("edition"));
    Path f = edition.resolve("a.xml");
    Files.writeString(f, declaring("https://example.org/strict.rng", "<p>x</p>"));
    List<Problem> without = validate(edition, List.of());
    assertTrue(without.stream().anyMatch(p -> p.message().contains("refused: outside the edition")), without.toString());
    List<Problem> with = validate(edition, List.of(catalog));
    assertTrue(with.stream().anyMatch(p -> "schema".equals(p.rule()) && p.message().contains("teiHeader")), with.toString());
  }

  @Test
  void theCatalogOptionOnTheCommandLine(@TempDir Path dir) throws Exception {
    Path copies = Files.createDirectories(dir.resolve("copies"));
    Files.writeString(copies.resolve("any.rng"), "<element xmlns=\"http://relaxng.org/ns/structure/1.0\"><anyName/>"
        + "<zeroOrMore><choice><attribute><anyName/></attribute><text/><element><anyName/><empty/></element></choice></zeroOrMore></element>");
    Files.writeString(copies.resolve("catalog.xml"), "<catalog xmlns=\"urn:oasis:names:tc:entity:xmlns:xml:catalog\">"
        + "<uri name=\"https://example.org/any.rng\" uri=\"any.rng\"/></catalog>");
    Path f = Files.createDirectories(dir.resolve("edition")).resolve("a.xml");
    Files.writeString(f, declaring("https://example.org/any.rng", "<p>x</p>").replaceAll("<teiHeader>.*</teiHeader>", ""));
    java.io.StringWriter err = new java.io.StringWriter();
    int without = org.editio.cli.Main.run(new String[] {"validate", f.toString()}, new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(err, true));
    assertEquals(1, without, err.toString());
    assertTrue(err.toString().contains("refused: outside the edition"), err.toString());
    err.getBuffer().setLength(0);
    int with = org.editio.cli.Main.run(new String[] {"validate", "--catalog", copies.resolve("catalog.xml").toString(), f.toString()},
        new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err, true));
    assertEquals(1, with, "the mapped schema is used: " + err);
    assertTrue(err.toString().contains("[schema]") && !err.toString().contains("refused"), err.toString());
    int missing = org.editio.cli.Main.run(new String[] {"validate", "--catalog", dir.resolve("nothing.xml").toString(), f.toString()},
        new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err, true));
    assertEquals(2, missing);
  }

  @Test
  void theEditionsCatalogMapsInsideTheEditionOnly(@TempDir Path dir) throws Exception {
    Path edition = Files.createDirectories(dir.resolve("edition"));
    Files.createDirectories(edition.resolve("schemas"));
    Files.writeString(edition.resolve("schemas/local.rng"),
        "<element name=\"TEI\" ns=\"http://www.tei-c.org/ns/1.0\" xmlns=\"http://relaxng.org/ns/structure/1.0\"><empty/></element>");
    Files.writeString(dir.resolve("outside.rng"), "<element name=\"TEI\" xmlns=\"http://relaxng.org/ns/structure/1.0\"><empty/></element>");
    Files.writeString(edition.resolve("catalog.xml"), "<catalog xmlns=\"urn:oasis:names:tc:entity:xmlns:xml:catalog\">"
        + "<uri name=\"https://example.org/local.rng\" uri=\"schemas/local.rng\"/>"
        + "<uri name=\"https://example.org/outside.rng\" uri=\"../outside.rng\"/></catalog>");
    Files.writeString(edition.resolve("a.xml"), declaring("https://example.org/local.rng", "<p>x</p>"));
    Files.writeString(edition.resolve("b.xml"), declaring("https://example.org/outside.rng", "<p>x</p>"));
    List<Problem> problems = validate(edition, List.of());
    assertTrue(problems.stream().anyMatch(p -> p.file().endsWith("a.xml") && "schema".equals(p.rule())), problems.toString());
    Problem refused = problems.stream().filter(p -> p.file().endsWith("b.xml")).findFirst().orElseThrow();
    assertTrue(refused.message().contains("https://example.org/outside.rng (mapped by the catalog to")
        && refused.message().contains("refused: outside the edition"), refused.toString());
  }

  @Test
  void aCatalogChainingToTheNetworkIsRefused(@TempDir Path dir) throws Exception {
    Path edition = Files.createDirectories(dir.resolve("edition"));
    Files.writeString(edition.resolve("catalog.xml"), "<catalog xmlns=\"urn:oasis:names:tc:entity:xmlns:xml:catalog\">"
        + "<nextCatalog catalog=\"http://127.0.0.1:9/catalog.xml\"/></catalog>");
    Files.writeString(edition.resolve("a.xml"), declaring(TEI_RELEASE, "<p>x</p>"));
    List<Problem> problems = validate(edition, List.of());
    Problem p = problems.stream().filter(x -> x.file() != null && x.file().endsWith("catalog.xml")).findFirst()
        .orElseThrow(() -> new AssertionError(problems.toString()));
    assertTrue(p.message().contains("'http://127.0.0.1:9/catalog.xml' refused: outside the edition"), p.toString());
    // the bundled catalog still serves tei_all
    assertTrue(problems.stream().noneMatch(x -> "schema-unavailable".equals(x.rule())), problems.toString());
  }
}
