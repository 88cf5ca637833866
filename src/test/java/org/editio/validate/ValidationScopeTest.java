package org.editio.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.editio.Problem;
import org.editio.TestFiles;
import org.editio.importer.Importer;
import org.editio.xml.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A file or folder inside an edition is checked with its edition: {@code editio validate
 * EDITION}, {@code editio validate EDITION/documents} and {@code editio validate FILE} say the
 * same about every document, on every fixture edition (the sample edition, one edition per
 * editorial rule with that rule broken, and editions of imported pages).
 */
class ValidationScopeTest {

  static final Xml XML = new Xml();
  static final Validator VALIDATOR = new Validator(XML);

  /** Issue 18: a documents folder said 0 errors where the edition and the file said dateline-date. */
  @Test
  void aDocumentsFolderIsCheckedWithItsEditionsRules(@TempDir Path dir) throws Exception {
    String undated = EditorialRulesTest.breaking(EditorialRulesTest.template(),
        "<date when=\"1937-05-14\">May 14, 1937</date></correspAction>"
        + "||<opener><dateline><date when=\"1937-05-14\">1937 g on May 14.</date></dateline></opener>", "</correspAction>||<opener/>");
    Path edition = EditorialRulesTest.edition(dir, undated, "d1937-05-14-a.xml");
    List<Problem> problems = ValidationScopes.documentProblems(VALIDATOR, edition);
    // (a warning now: valid TEI need not have a dateline, and this one has no date in its header either)
    assertEquals(List.of("dateline-date"), problems.stream().map(Problem::rule).toList());
    // the registers folder reports the registers' own problems only
    Validator.Report registers = VALIDATOR.validate(List.of(edition.resolve("registers")), Optional.empty());
    assertTrue(registers.problems().stream().allMatch(p -> p.file().toString().contains("registers")), registers.problems().toString());
    assertEquals(1, registers.warnings(), "the register entry nothing points to: " + registers.problems());
    // and a folder below documents/ too (one level deeper, the document's ../registers/ pointers no
    // longer resolve, which is reported as well)
    Path sub = Files.createDirectories(edition.resolve("documents/1937"));
    Files.move(edition.resolve("documents/d1937-05-14-a.xml"), sub.resolve("d1937-05-14-a.xml"));
    Validator.Report r = VALIDATOR.validate(List.of(sub), Optional.empty());
    assertEquals(1, r.files());
    assertTrue(r.problems().stream().anyMatch(p -> "dateline-date".equals(p.rule())), r.problems().toString());
    assertEquals(r.problems(), VALIDATOR.validate(List.of(sub.resolve("d1937-05-14-a.xml")), Optional.empty()).problems());
  }

  @Test
  void theSampleEditionAgreesAndIsClean() throws Exception {
    assertEquals(List.of(), ValidationScopes.documentProblems(VALIDATOR, TestFiles.EDITION));
  }

  /** Every rule's broken fixture: the three ways report the same problem, at the same place. */
  @ParameterizedTest(name = "{0}: {3}")
  @MethodSource("org.editio.validate.EditorialRulesTest#cases")
  void editionsWithErrorsAgree(String rule, String severity, String passage, String replacement, String fileName, @TempDir Path dir)
      throws Exception {
    String document = EditorialRulesTest.breaking(EditorialRulesTest.template(), passage, replacement);
    Path edition = EditorialRulesTest.edition(dir, document, fileName == null ? "d1937-05-14-a.xml" : fileName);
    List<Problem> problems = ValidationScopes.documentProblems(VALIDATOR, edition);
    assertTrue(problems.stream().anyMatch(p -> rule.equals(p.rule())), rule + " in " + problems);
  }

  static Stream<Arguments> importedEditions() throws Exception {
    try (Stream<Path> s = Files.list(TestFiles.FIXTURES.resolve("pages"))) {
      return s.filter(Files::isRegularFile).sorted().map(p -> Arguments.of(p.getFileName().toString())).toList().stream();
    }
  }

  /** Each fixture page imported into an edition with the sample edition's registers: clean, and the three ways agree. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("importedEditions")
  void editionsOfImportedPagesAgree(String page, @TempDir Path edition) throws Exception {
    Files.createDirectories(edition.resolve("schema"));
    Files.copy(TestFiles.EDITION.resolve("edition.xml"), edition.resolve("edition.xml"));
    Files.copy(TestFiles.EDITION.resolve("schema/editio.rnc"), edition.resolve("schema/editio.rnc"));
    Files.createDirectories(edition.resolve("registers"));
    Files.copy(TestFiles.EDITION.resolve("registers/organizations.xml"), edition.resolve("registers/organizations.xml"));
    Importer.Result r = new Importer(XML).run(List.of(TestFiles.FIXTURES.resolve("pages").resolve(page).toString()),
        edition.resolve("documents"), false, null);
    assertTrue(!r.hasErrors() && !r.written().isEmpty(), r.problems().toString());
    assertEquals(List.of(), ValidationScopes.documentProblems(VALIDATOR, edition));
  }
}
