package org.editio.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.editio.Problem;
import org.editio.TestFiles;
import org.editio.xml.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture pair per editorial rule, in the XSpec spirit: the template document satisfies
 * every rule; each case changes one passage of it so that it breaks one rule, marked with
 * {@code <!--here-->} on the line where the problem must be reported.
 */
class EditorialRulesTest {

  static final Path RULES = TestFiles.FIXTURES.resolve("rules");

  /**
   * rule id, its severity, the passage of the template, what replaces it (containing the marker),
   * file name. Errors: what TEI rejects, what contradicts itself, a pointer that leads nowhere.
   * Warnings: editio's conventions for an edition, which valid TEI may break.
   */
  static Stream<Arguments> cases() {
    String error = "ERROR";
    String warning = "WARNING";
    return Stream.of(
        Arguments.of("file-name-id", warning, "xml:id=\"d1937-05-14-a\">", "xml:id=\"d1937-05-14-a\"><!--here-->", "d1937-05-14-b.xml"),
        Arguments.of("id-prefix", warning, "<p>Yesterday", "<p xml:id=\"p1\">Yesterday<!--here-->", null),
        // no dateline and no date in the header (passages separated by ||)
        Arguments.of("dateline-date", warning, "<date when=\"1937-05-14\">May 14, 1937</date></correspAction>"
            + "||<opener><dateline><date when=\"1937-05-14\">1937 g on May 14.</date></dateline></opener>", "</correspAction>||<opener/>", null),
        Arguments.of("date-iso", error, "<date when=\"1937-05-14\">", "<date when=\"14.05.1937\"><!--here-->", null),
        // TEI's dates have no year zero (XML Schema 1.0, as Jing checks tei_all); Saxon's XSD 1.1 takes it
        Arguments.of("date-iso", error, "<p>Yesterday", "<p><date when=\"0000-03-15\">15 March 1 BC</date><!--here--> Yesterday", null),
        Arguments.of("date-range", error, "<date when=\"1937-05-14\">1937 g on May 14.</date>",
            "<date from=\"1937-05-17\" to=\"1937-05-14\">May 14‐17, 1937</date><!--here-->", null),
        Arguments.of("date-range", warning, "<date when=\"1937-05-14\">", "<date when=\"1937-05-14\" notBefore=\"1937-05-01\"><!--here-->", null),
        Arguments.of("date-text", error, "<date when=\"1937-05-14\">", "<date when=\"1937-05-15\"><!--here-->", null),
        Arguments.of("date-text", error, "<date when=\"1937-05-14\">1937 g on May 14.", "<date when=\"1937-06-14\">1937 g on May 14.<!--here-->", null),
        Arguments.of("date-text", error, "<date when=\"1937-05-14\">1937 g on May 14.", "<date when=\"1938-05-14\">1937 g on May 14.<!--here-->", null),
        Arguments.of("corresp-date", warning, "<date when=\"1937-05-14\">May 14, 1937</date>", "<date when=\"1937-05-15\">May 15, 1937</date><!--here-->", null),
        Arguments.of("corresp-participant", warning, "<person corresp=\"../registers/persons.xml#litvinov\">",
            "<person corresp=\"../registers/persons.xml#nobody\"><!--here-->", null),
        Arguments.of("note-content", warning, "<note type=\"source\" n=\"1\">A note.</note>", "<note type=\"source\" n=\"1\"> </note><!--here-->", null),
        Arguments.of("note-nested", warning, "<note type=\"source\" n=\"1\">A note.</note>",
            "<note type=\"source\" n=\"1\">A note.<note type=\"editorial\">Inner.</note><!--here--></note>", null),
        Arguments.of("note-source-mark", warning, "<note type=\"source\" n=\"1\">", "<note type=\"source\"><!--here-->", null),
        Arguments.of("table-span", warning, "<p>Yesterday",
            "<table><row><cell>a</cell><cell>b</cell></row><row><cell rows=\"2\">c</cell><!--here--><cell>d</cell></row></table><p>Yesterday", null),
        Arguments.of("closed-list", warning, "<note type=\"source\" n=\"1\">", "<note type=\"marginal\" n=\"1\"><!--here-->", null),
        Arguments.of("closed-list", error, "target=\"../edition.xml#type-telegram\"/>", "target=\"../edition.xml#type-telegram\"/><catRef scheme=\"../edition.xml#document-types\" target=\"../edition.xml#note-source\"/><!--here-->", null),
        Arguments.of("name-not-empty", warning, "<persName ref=\"../registers/persons.xml#litvinov\">Litvinov</persName>",
            "<persName ref=\"../registers/persons.xml#litvinov\"> </persName><!--here-->", null),
        Arguments.of("pointer-resolves", error, "persons.xml#litvinov\">", "persons.xml#litvinof\"><!--here-->", null),
        Arguments.of("pointer-resolves", error, "<persName ref=\"../registers/persons.xml#litvinov\">", "<persName ref=\"../registers/people.xml#litvinov\"><!--here-->", null),
        Arguments.of("pointer-resolves", error, "<head>Telegram</head>", "<head>Telegram <ref target=\"#range(d1937-05-14-a-doc,nowhere)\">x</ref><!--here--></head>", null),
        Arguments.of("id-unique", error, "<closer>", "<closer xml:id=\"d1937-05-14-a-doc\"><!--here-->", null));
  }

  /**
   * Valid TEI that an earlier version of the rules called an error: each replacement must leave the
   * edition without an error (a warning may say it differs from editio's conventions).
   */
  static Stream<Arguments> validTei() {
    return Stream.of(
        Arguments.of("a date and time", "<date when=\"1937-05-14\">", "<date when=\"1937-05-14T10:30:00\">"),
        Arguments.of("a time", "<p>Yesterday", "<p><time when=\"10:30:00\">half past ten</time> Yesterday"),
        Arguments.of("a month and day", "<p>Yesterday", "<p><date when=\"--05-14\">May 14</date> Yesterday"),
        Arguments.of("pages from and to", "<p>Yesterday", "<p><bibl><biblScope unit=\"page\" from=\"12\" to=\"15\">12–15</biblScope></bibl> Yesterday"),
        Arguments.of("folios from and to", "<p>Yesterday", "<p><locus from=\"12r\" to=\"15v\">fols 12r–15v</locus> Yesterday"),
        Arguments.of("a Julian date", "<p>Yesterday", "<p><date when=\"1701-02-21\" calendar=\"#julian\">10 February 1700</date> Yesterday"),
        Arguments.of("a French date", "<p>Yesterday", "<p><date when=\"1850-03-07\" xml:lang=\"fr\">le sept mars 1850</date> Yesterday"),
        Arguments.of("a date before the common era", "<p>Yesterday", "<p><date when=\"-0044-03-15\">15 March 44 BC</date> Yesterday"),
        Arguments.of("a German date before the common era", "<p>Yesterday",
            "<p><date when=\"-0044-03-15\" xml:lang=\"de\">15. März 44 v. Chr.</date> <date when=\"-1200\">1200 BC</date> Yesterday"),
        Arguments.of("a German date", "<p>Yesterday", "<p><date when=\"1937-05-14\" xml:lang=\"de\">14. Mai 1937</date> Yesterday"),
        Arguments.of("a range to its start", "<p>Yesterday", "<p><ref target=\"#range(d1937-05-14-a-doc,d1937-05-14-a-end)\">above</ref><anchor xml:id=\"d1937-05-14-a-end\"/> Yesterday"),
        Arguments.of("an xpath pointer", "<p>Yesterday", "<p><ref target=\"#xpath(//p[1])\">this</ref> Yesterday"),
        Arguments.of("a link to the web", "<p>Yesterday", "<p><ref target=\"../chapter-12#fn43\">note 43</ref> <ref target=\"page.html\">a page</ref> Yesterday"),
        Arguments.of("a private URI", "<p>Yesterday", "<p><pb facs=\"img:page-1\"/><ref target=\"urn:x-example:1\">a</ref> Yesterday"),
        Arguments.of("another taxonomy", "target=\"../edition.xml#type-telegram\"/>",
            "target=\"../edition.xml#type-telegram\"/><catRef scheme=\"https://example.org/genres\" target=\"https://example.org/genres#letter\"/>"),
        Arguments.of("the date in the header", "<opener><dateline><date when=\"1937-05-14\">1937 g on May 14.</date></dateline></opener>",
            "<opener/>"));
  }

  static Path edition(Path dir, String document, String fileName) throws IOException {
    Files.copy(RULES.resolve("edition.xml"), dir.resolve("edition.xml"));
    Files.createDirectories(dir.resolve("registers"));
    Files.copy(RULES.resolve("registers/persons.xml"), dir.resolve("registers/persons.xml"));
    Files.createDirectories(dir.resolve("documents"));
    Files.writeString(dir.resolve("documents").resolve(fileName), document);
    return dir;
  }

  /** The template with each passage replaced: passages and replacements are lists separated by "||". */
  static String breaking(String template, String passage, String replacement) {
    String[] passages = passage.split("\\|\\|");
    String[] replacements = replacement.split("\\|\\|", -1);
    assertEquals(passages.length, replacements.length, "a replacement for each passage");
    String document = template;
    for (int i = 0; i < passages.length; i++) {
      assertTrue(document.contains(passages[i]), "the template has the passage " + passages[i]);
      document = document.replace(passages[i], replacements[i]);
    }
    return document;
  }

  static String template() throws IOException {
    return Files.readString(RULES.resolve("document-template.xml"));
  }

  static int lineOf(String text, String marker) {
    String before = text.substring(0, text.indexOf(marker));
    return (int) before.chars().filter(c -> c == '\n').count() + 1;
  }

  static List<Problem> validate(Path edition) throws Exception {
    return new Validator(new Xml()).validate(List.of(edition), Optional.empty()).problems();
  }

  @Test
  void theTemplateSatisfiesEveryRule(@TempDir Path dir) throws Exception {
    List<Problem> problems = validate(edition(dir, template(), "d1937-05-14-a.xml"));
    assertEquals(List.of(), problems.stream().filter(Problem::isError).toList());
    // the one warning: the register entry nothing points to
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("register-unused", problems.get(0).rule());
    assertEquals(lineOf(Files.readString(RULES.resolve("registers/persons.xml")), "xml:id=\"nobody\""), problems.get(0).line());
    assertEquals(Problem.Severity.WARNING, problems.get(0).severity());
  }

  /**
   * A pointer's typo gets its error with the entry it probably means, and that entry no warning
   * that it is mentioned nowhere and should be removed (review 9a: both, for one typo).
   */
  @Test
  void theEntryATypoMeansIsNotCalledUnused(@TempDir Path dir) throws Exception {
    String typo = template().replace("persons.xml#litvinov\">Litvinov</persName>", "persons.xml#litvinof\">Litvinov</persName>");
    assertTrue(!typo.equals(template()));
    // the only other mention of the entry is in the header: take those away too
    typo = typo.replace("persons.xml#litvinov", "persons.xml#litvinof");
    List<Problem> problems = validate(edition(dir, typo, "d1937-05-14-a.xml"));
    List<Problem> errors = problems.stream().filter(Problem::isError).toList();
    assertTrue(!errors.isEmpty() && errors.stream().allMatch(p -> p.message().contains("(did you mean 'litvinov'?)")), errors.toString());
    assertEquals(List.of("nobody"), problems.stream().filter(p -> "register-unused".equals(p.rule()))
        .map(p -> p.message().replaceFirst("^the register entry '([^']*)'.*", "$1")).toList(),
        "the entry nothing means is still reported: " + problems);
  }

  @ParameterizedTest(name = "{0} ({1}): {3}")
  @MethodSource("cases")
  void eachRuleIsReportedWithItsIdAndLine(String rule, String severity, String passage, String replacement, String fileName,
      @TempDir Path dir) throws Exception {
    String document = breaking(template(), passage, replacement);
    int line = document.contains("<!--here-->") ? lineOf(document, "<!--here-->") : lineOf(document, "<text>");
    List<Problem> problems = validate(edition(dir, document, fileName == null ? "d1937-05-14-a.xml" : fileName));
    assertTrue(problems.stream().anyMatch(p -> rule.equals(p.rule()) && p.line() == line && p.severity().name().equals(severity)),
        "expected " + severity + " [" + rule + "] at line " + line + ", got " + problems);
    assertTrue(problems.stream().allMatch(p -> p.message().length() > 20), "messages say what is wrong");
    if (severity.equals("WARNING")) {
      assertEquals(List.of(), problems.stream().filter(Problem::isError).toList(), "a convention of editio's is no error");
      // --strict: the edition's continuous integration makes it one
      List<Problem> strict = new Validator(new Xml()).strict(true).validate(List.of(dir), Optional.empty()).problems();
      assertTrue(strict.stream().anyMatch(p -> rule.equals(p.rule()) && p.line() == line && p.isError()), strict.toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validTei")
  void noRuleCallsValidTeiAnError(String what, String passage, String replacement, @TempDir Path dir) throws Exception {
    String template = template();
    assertTrue(template.contains(passage), "the template has the passage " + passage);
    List<Problem> problems = validate(edition(dir, template.replace(passage, replacement), "d1937-05-14-a.xml"));
    assertEquals(List.of(), problems.stream().filter(Problem::isError).toList(), what);
  }

  @Test
  void idsAreUniqueAcrossTheEdition(@TempDir Path dir) throws Exception {
    edition(dir, template(), "d1937-05-14-a.xml");
    String other = template().replace("d1937-05-14-a", "d1937-05-14-b")
        .replace("<closer>", "<closer xml:id=\"d1937-05-14-a-doc\">");
    Files.writeString(dir.resolve("documents/d1937-05-14-b.xml"), other);
    List<Problem> errors = validate(dir).stream().filter(p -> "id-unique".equals(p.rule())).toList();
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).message().contains("already used in"), errors.get(0).message());
    assertTrue(errors.get(0).file().endsWith("d1937-05-14-b.xml"));
    assertEquals(lineOf(other, "<closer xml:id"), errors.get(0).line());
  }

  @Test
  void pointerMessagesSuggestTheClosestId(@TempDir Path dir) throws Exception {
    String document = template().replace("persons.xml#litvinov\">", "persons.xml#litvinof\">");
    Problem p = validate(edition(dir, document, "d1937-05-14-a.xml")).stream()
        .filter(x -> "pointer-resolves".equals(x.rule())).findFirst().orElseThrow();
    assertTrue(p.message().contains("did you mean 'litvinov'?"), p.message());
  }

  @Test
  void theSampleEditionHasNoErrorsOrWarnings() throws Exception {
    assertEquals(List.of(), validate(TestFiles.EDITION));
  }

  /**
   * edition.xml with a sub-title only: a warning at its titleStmt, and the edition is called by its
   * folder's name, never by its sub-title (the site printed the sub-title as title and sub-title).
   */
  @Test
  void anEditionWithoutAMainTitleIsWarnedAndNotCalledByItsSubTitle(@TempDir Path dir) throws Exception {
    Path edition = edition(Files.createDirectories(dir.resolve("letters")), template(), "d1937-05-14-a.xml");
    String xml = Files.readString(edition.resolve("edition.xml"));
    String changed = xml.replace("<title>Edition for the rule tests</title>", "<title type=\"sub\">A sub-title only</title>");
    assertTrue(!changed.equals(xml));
    Files.writeString(edition.resolve("edition.xml"), changed);
    List<Problem> found = validate(edition).stream().filter(p -> "edition-title".equals(p.rule())).toList();
    assertEquals(1, found.size(), validate(edition).toString());
    assertEquals(lineOf(changed, "<titleStmt>"), found.get(0).line());
    assertEquals(Problem.Severity.WARNING, found.get(0).severity());
    assertTrue(found.get(0).message().contains("no main title (its titles: sub;"), found.get(0).message());
    assertEquals("letters", new org.editio.edition.EditionLoader(new Xml()).load(edition).title());
  }

  /** A document named *.XML is a document (it was skipped without a word: "validate" counted one file fewer). */
  @Test
  void anUpperCaseExtensionIsADocument(@TempDir Path dir) throws Exception {
    Path edition = edition(dir, template(), "d1937-05-14-a.XML");
    Validator.Report report = new Validator(new Xml()).validate(List.of(edition), Optional.empty());
    assertEquals(3, report.files(), "edition.xml, the register and the document");
    assertEquals(List.of("register-unused"), report.problems().stream().map(Problem::rule).toList(), report.problems().toString());
    assertEquals(1, new org.editio.edition.EditionLoader(new Xml()).load(edition).documents().size());
  }

  /**
   * A document that cannot be read may be the one that mentions a register entry: no warning then
   * tells the editor to remove the entry (a malformed document gave one per entry it alone named).
   */
  @Test
  void anUnreadableDocumentLeavesNoEntryUnused(@TempDir Path dir) throws Exception {
    Path edition = edition(dir, template(), "d1937-05-14-a.xml");
    Files.writeString(edition.resolve("documents/d1937-05-14-b.xml"), template().replace("d1937-05-14-a", "d1937-05-14-b")
        .replace("persons.xml#litvinov", "persons.xml#nobody").replace("</closer>", "</closer><p>"));
    List<Problem> problems = validate(edition);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).isError() && problems.get(0).file().endsWith("d1937-05-14-b.xml"), problems.toString());
  }
}
