package org.editio.security;

import static org.editio.security.Attack.assertCleanMessages;
import static org.editio.security.Attack.assertNoSecret;
import static org.editio.security.Attack.assertNothingWrittenOutside;
import static org.editio.security.Attack.assertWithin;
import static org.editio.security.Attack.editio;
import static org.editio.security.Attack.tei;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.editio.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated corpus of odd and hostile TEI, each file aimed at a place where a library's own
 * failure could leak out (pointers that are not URIs, impossible dates, deep nesting, xml:base,
 * odd ids, notes and lists, broken edition.xml and registers): validated and published, HTML and
 * PDF, loose and as an edition. Whatever the outcome, every message is located and says what to
 * do in editio's words, never a Java exception name, a stack frame, an XPath error code or
 * Saxon's or Jing's internal wording.
 */
public class HostileCorpusTest {

  @TempDir Path dir;

  /** File name to body (in a minimal TEI document). */
  public static Map<String, String> corpus() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("pointer-not-uri.xml", "<p><persName ref=\"a b%zz#x\">A</persName> <ref target=\"http://[::1\">b</ref>"
        + " <ref target=\"%\">c</ref> <ref target=\"#\">d</ref> <ref target=\"file.xml#\">e</ref>"
        + " <ref target=\"#range(a,b)\">f</ref> <ref target=\"::\">g</ref> <ref target=\"\\\\server\\share\">h</ref></p>");
    c.put("pointer-odd-schemes.xml", "<p><ref target=\"file:///etc/passwd\">a</ref> <ref target=\"//evil.example/x\">b</ref>"
        + " <persName ref=\"mailto:x@example.org\">m</persName> <ref target=\"urn:x:y\">u</ref></p>");
    c.put("dates-impossible.xml", "<p><date when=\"1937-02-30\">30 February 1937</date> <date when=\"99999-99-99\">x</date>"
        + " <date when=\"\">empty</date> <date from=\"1940\" to=\"1930\">backwards</date> <date notBefore=\"x\" notAfter=\"y\">z</date>"
        + " <date when=\"-0044-03-15\">Ides of March</date> <date when=\"1937-05-14T25:61:00\">time</date></p>");
    c.put("deep-nesting.xml", "<p>" + "<hi rend=\"italic\">".repeat(3000) + "deep" + "</hi>".repeat(3000) + "</p>");
    c.put("deep-divs.xml", "<div>".repeat(500) + "<p>deep divs</p>" + "</div>".repeat(500));
    c.put("xml-base.xml", "<p xml:base=\"http://evil.example/\"><ref target=\"x.xml#y\">based</ref></p>"
        + "<div xml:base=\"file:///etc/\"><p><ref target=\"passwd\">passwd</ref></p></div>");
    c.put("odd-notes.xml", "<p>Text<note n=\"\">empty n</note><note>" + "<note>nested</note>".repeat(3) + "</note>"
        + "<note place=\"foot\" n=\"999999999999999999999\">big n</note><note target=\"#nowhere #also\"/></p>");
    c.put("odd-lists.xml", "<list><item/><label/><item><list><item>inner</item></list></item></list><table rows=\"-1\" cols=\"x\">"
        + "<row><cell cols=\"99999\" rows=\"0\">cell</cell></row></table><lg><l n=\"x\"/></lg>");
    c.put("odd-rend.xml", "<p><hi rend=\"\">a</hi><hi rend=\"" + "x ".repeat(2000) + "\">b</hi><hi rend=\"superscript subscript small-caps\">c</hi>"
        + "<hi style=\"font-size: 99999px\" rendition=\"#nothing\">d</hi></p>");
    c.put("odd-ids.xml", "<p xml:id=\"1starts-with-digit\">a</p><p xml:id=\"has space\">b</p><p xml:id=\"\">c</p>"
        + "<p xml:id=\"" + "i".repeat(500) + "\">d</p><ptr target=\"#has space\"/>");
    c.put("odd-names.xml", "<p><persName ref=\"#\"/><placeName ref=\"\"/><orgName ref=\"   \">o</orgName>"
        + "<persName ref=\"#x #y #z\">many</persName><name type=\"\">n</name></p>");
    c.put("control-ish.xml", "<p>\u200b\u200e\u202e reversed \ufeff bom \ud83d\ude00 emoji \u0085 next line</p>");
    c.put("graphics.xml", "<figure><graphic url=\"/etc/passwd\"/><graphic url=\"../secret/secret.txt\"/>"
        + "<graphic url=\"http://127.0.0.1:9/x.png\"/><graphic url=\"\"/><figDesc>desc</figDesc></figure>");
    c.put("choice-odd.xml", "<p><choice/><choice><sic/></choice><choice><corr>only corr</corr></choice>"
        + "<choice><abbr>a</abbr><expan>b</expan><orig>c</orig></choice></p>");
    c.put("milestones.xml", "<p><pb n=\"\"/><pb/><lb n=\"" + "9".repeat(100) + "\"/><milestone unit=\"\"/><gap quantity=\"-5\" unit=\"\"/></p>");
    c.put("empty-body.xml", "");
    c.put("text-only-spaces.xml", "<p>   </p><p/>");
    c.put("unknown-namespace.xml", "<p><x:thing xmlns:x=\"urn:x\" x:attr=\"1\">foreign <x:more>text</x:more></x:thing></p>");
    return c;
  }

  private Path looseCorpus() throws Exception {
    Path loose = Files.createDirectories(dir.resolve("loose"));
    for (Map.Entry<String, String> e : corpus().entrySet()) {
      String id = e.getKey().replace(".xml", "");
      Files.writeString(loose.resolve(e.getKey()), tei(id, "Hostile: " + id, e.getValue()));
    }
    // a document with no header at all, and one with an odd header
    Files.writeString(loose.resolve("no-header.xml"), "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>x</p></body></text></TEI>");
    Files.writeString(loose.resolve("odd-header.xml"), "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt>"
        + "<title/><title type=\"main\"></title></titleStmt><publicationStmt><date when=\"x\"/></publicationStmt>"
        + "<sourceDesc><bibl><ref target=\"javascript:alert(1)\">s</ref></bibl></sourceDesc></fileDesc>"
        + "<profileDesc><creation><date when=\"1937-13-45\"/></creation><correspDesc><correspAction type=\"sent\">"
        + "<persName ref=\"#nobody\"/></correspAction></correspDesc></profileDesc></teiHeader>"
        + "<text><body><p>y</p></body></text></TEI>");
    return loose;
  }

  private Attack.Run run(String... args) throws Exception {
    Map<String, String> before = Attack.snapshot(dir);
    Attack.Run run = editio(args);
    assertNothingWrittenOutside(before, Attack.snapshot(dir), dir, dir.resolve("out"));
    assertNoSecret(run, dir.resolve("out"));
    assertCleanMessages(run);
    assertWithin(run, Attack.BOUND.multipliedBy(3));
    assertTrue(run.exit() == 0 || run.exit() == 1, "exit " + run.exit() + ": " + run.err());
    return run;
  }

  @Test
  void looseHostileTeiIsValidatedAndPublishedInEditiosWordsOnly() throws Exception {
    Attack.plantSecrets(dir);
    Path loose = looseCorpus();
    Attack.Run validate = run("validate", loose.toString());
    run("validate", "--format", "json", loose.toString());
    run("build", loose.toString(), "-o", dir.resolve("out").toString());

    // what validates goes on to be published: the renderers meet the odd files too
    for (String line : validate.problems()) {
      Path file = Path.of(line.substring(0, line.indexOf(".xml:") + 4));
      Files.deleteIfExists(file.isAbsolute() ? file : Path.of("").toAbsolutePath().resolve(file));
    }
    Attack.Run deep = run("build", loose.toString(), "-o", dir.resolve("out").toString());
    assertEquals(1, deep.exit(), "hundreds of nested levels cannot be rendered: " + deep.err());
    assertTrue(deep.problems().stream().allMatch(p -> p.contains("deep-") && p.contains("nested too deeply")
        || p.startsWith("error: not published")), deep.err());
    Files.delete(loose.resolve("deep-nesting.xml"));
    Files.delete(loose.resolve("deep-divs.xml"));
    Attack.Run rest = run("build", loose.toString(), "-o", dir.resolve("out").toString());
    assertEquals(0, rest.exit(), rest.err());
    assertTrue(Files.isRegularFile(dir.resolve("out/html/documents/dates-impossible.html"))
        && Files.isRegularFile(dir.resolve("out/pdf/documents/odd-lists.pdf")));
  }

  /** The same files inside a copy of the sample edition, with a broken edition.xml and register. */
  @Test
  void hostileTeiInAnEditionIsReportedInEditiosWordsOnly() throws Exception {
    Attack.plantSecrets(dir);
    Path edition = dir.resolve("edition");
    TestFiles.copyTree(TestFiles.EDITION, edition);
    for (Map.Entry<String, String> e : corpus().entrySet()) {
      String id = "d1937-01-01-" + e.getKey().replace(".xml", "");
      Files.writeString(edition.resolve("documents/" + id + ".xml"), tei(id, "Hostile", e.getValue()));
    }
    InjectionTest.replace(edition.resolve("edition.xml"), "<publicationStmt>",
        "<publicationStmt><idno type=\"URL\">javascript:alert(1)//</idno>");
    InjectionTest.replace(edition.resolve("registers/persons.xml"), "<person xml:id=\"lavrishchev\">",
        "<person xml:id=\"\"><persName/></person><person xml:id=\"lavrishchev\">");
    Attack.Run validate = run("validate", edition.toString());
    assertEquals(1, validate.exit(), "the edition's rules find errors");
    run("build", edition.toString(), "-o", dir.resolve("out").toString());
  }

  @Test
  void messagesNeverShowJavaInternals() {
    // the check itself can fail: a message of the kind this suite forbids
    Attack.Run leaked = new Attack.Run(1, "", "a.xml:1:1: error: java.lang.NullPointerException: x\n"
        + "error: FORX0003 The regular expression must not be one that matches a zero-length string", java.time.Duration.ZERO);
    for (String line : leaked.err().lines().toList()) {
      assertTrue(Attack.INTERNAL.matcher(line).find(), line);
    }
  }
}
