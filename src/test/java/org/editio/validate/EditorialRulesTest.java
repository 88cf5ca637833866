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

  /** rule id, the passage of the template, what replaces it (containing the marker), file name. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("file-name-id", "xml:id=\"d1937-05-14-a\">", "xml:id=\"d1937-05-14-a\"><!--here-->", "d1937-05-14-b.xml"),
        Arguments.of("id-prefix", "<p>Yesterday", "<p xml:id=\"p1\">Yesterday<!--here-->", null),
        Arguments.of("dateline-date", "<opener><dateline><date when=\"1937-05-14\">1937 g on May 14.</date></dateline></opener>",
            "<opener/>", null),
        Arguments.of("date-iso", "<date when=\"1937-05-14\">", "<date when=\"14.05.1937\"><!--here-->", null),
        Arguments.of("date-range", "<date when=\"1937-05-14\">1937 g on May 14.</date>",
            "<date from=\"1937-05-17\" to=\"1937-05-14\">May 14‐17, 1937</date><!--here-->", null),
        Arguments.of("date-text", "<date when=\"1937-05-14\">", "<date when=\"1937-05-15\"><!--here-->", null),
        Arguments.of("date-text", "<date when=\"1937-05-14\">1937 g on May 14.", "<date when=\"1937-06-14\">1937 g on May 14.<!--here-->", null),
        Arguments.of("date-text", "<date when=\"1937-05-14\">1937 g on May 14.", "<date when=\"1938-05-14\">1937 g on May 14.<!--here-->", null),
        Arguments.of("corresp-date", "<date when=\"1937-05-14\">May 14, 1937</date>", "<date when=\"1937-05-15\">May 15, 1937</date><!--here-->", null),
        Arguments.of("corresp-participant", "<person corresp=\"../registers/persons.xml#litvinov\">",
            "<person corresp=\"../registers/persons.xml#nobody\"><!--here-->", null),
        Arguments.of("note-content", "<note type=\"source\" n=\"1\">A note.</note>", "<note type=\"source\" n=\"1\"> </note><!--here-->", null),
        Arguments.of("note-nested", "<note type=\"source\" n=\"1\">A note.</note>",
            "<note type=\"source\" n=\"1\">A note.<note type=\"editorial\">Inner.</note><!--here--></note>", null),
        Arguments.of("note-source-mark", "<note type=\"source\" n=\"1\">", "<note type=\"source\"><!--here-->", null),
        Arguments.of("closed-list", "<note type=\"source\" n=\"1\">", "<note type=\"marginal\" n=\"1\"><!--here-->", null),
        Arguments.of("closed-list", "target=\"../edition.xml#type-telegram\"/>", "target=\"../edition.xml#type-telegram\"/><catRef scheme=\"../edition.xml#document-types\" target=\"../edition.xml#note-source\"/><!--here-->", null),
        Arguments.of("name-not-empty", "<persName ref=\"../registers/persons.xml#litvinov\">Litvinov</persName>",
            "<persName ref=\"../registers/persons.xml#litvinov\"> </persName><!--here-->", null),
        Arguments.of("pointer-resolves", "persons.xml#litvinov\">", "persons.xml#litvinof\"><!--here-->", null),
        Arguments.of("pointer-resolves", "<persName ref=\"../registers/persons.xml#litvinov\">", "<persName ref=\"../registers/people.xml#litvinov\"><!--here-->", null),
        Arguments.of("id-unique", "<closer>", "<closer xml:id=\"d1937-05-14-a-doc\"><!--here-->", null));
  }

  static Path edition(Path dir, String document, String fileName) throws IOException {
    Files.copy(RULES.resolve("edition.xml"), dir.resolve("edition.xml"));
    Files.createDirectories(dir.resolve("registers"));
    Files.copy(RULES.resolve("registers/persons.xml"), dir.resolve("registers/persons.xml"));
    Files.createDirectories(dir.resolve("documents"));
    Files.writeString(dir.resolve("documents").resolve(fileName), document);
    return dir;
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

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("cases")
  void eachRuleIsReportedWithItsIdAndLine(String rule, String passage, String replacement, String fileName,
      @TempDir Path dir) throws Exception {
    String template = template();
    assertTrue(template.contains(passage), "the template has the passage " + passage);
    String document = template.replace(passage, replacement);
    int line = document.contains("<!--here-->") ? lineOf(document, "<!--here-->") : lineOf(document, "<text>");
    List<Problem> problems = validate(edition(dir, document, fileName == null ? "d1937-05-14-a.xml" : fileName));
    List<Problem> errors = problems.stream().filter(Problem::isError).toList();
    assertTrue(errors.stream().anyMatch(p -> rule.equals(p.rule()) && p.line() == line),
        "expected [" + rule + "] at line " + line + ", got " + errors);
    assertTrue(errors.stream().allMatch(p -> p.message().length() > 20), "messages say what is wrong");
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
}
