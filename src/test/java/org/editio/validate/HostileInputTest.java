package org.editio.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.editio.EditioException;
import org.editio.Problem;
import org.editio.TestFiles;
import org.editio.xml.Xml;
import org.editio.build.Builder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each hostile input gets its own clear, located error, and the other files are still checked. XML
 * that is well-formed but not TEI, in a folder of TEI files without edition.xml, is left out with a
 * warning (such folders hold XInclude targets and the like).
 */
class HostileInputTest {

  @Test
  void everyHostileFileHasItsClearError() throws Exception {
    Validator.Report report = new Validator(new Xml())
        .validate(List.of(TestFiles.FIXTURES.resolve("hostile")), Optional.empty());
    Map<String, String> expected = Map.of(
        "external-entity.xml", "external entity (file:///etc/passwd) is refused",
        "billion-laughs.xml", "entity expansion limit exceeded",
        "not-xml.xml", "not XML",
        "empty.xml", "the file is empty",
        "not-tei.xml", "root element is <html>",
        "wrong-namespace.xml", "root element is <TEI> in no namespace",
        "invalid-utf8.xml", "not in the encoding it declares",
        "binary.xml", "not in the encoding it declares",
        "malformed.xml", "must be terminated by the matching end-tag");
    assertEquals(expected.size(), report.files());
    assertEquals(expected.size() - 2, report.errors(), report.problems().toString());
    assertEquals(2, report.warnings(), report.problems().toString());
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Problem p = report.problems().stream().filter(x -> x.file().endsWith(e.getKey())).findFirst().orElseThrow();
      assertTrue(p.message().contains(e.getValue()), e.getKey() + ": " + p.message());
      assertTrue(p.line() >= 1 && p.column() >= 1, p.toString());
    }
    Problem utf8 = report.problems().stream().filter(x -> x.file().endsWith("invalid-utf8.xml")).findFirst().orElseThrow();
    assertEquals(3, utf8.line(), "the bad byte's line");
  }

  @Test
  void utf16AndByteOrderMarksAreRead() throws Exception {
    Validator.Report report = new Validator(new Xml())
        .validate(List.of(TestFiles.FIXTURES.resolve("encodings")), Optional.empty());
    assertEquals(2, report.files());
    assertEquals(0, report.errors(), report.problems().toString());
  }

  /**
   * XML that is not TEI in registers/ is the error a document gets, from validate and from build
   * (registers were parsed without the root check: validate said 0 errors, build failed in f:title).
   */
  @Test
  void aRegisterThatIsNotTeiIsAnError(@TempDir Path dir) throws Exception {
    Path edition = EditorialRulesTest.edition(Files.createDirectories(dir.resolve("edition")), EditorialRulesTest.template(), "d1937-05-14-a.xml");
    Path other = edition.resolve("registers/other.xml");
    Files.writeString(other, "<?xml version=\"1.0\"?>\n<root/>\n");
    List<Problem> errors = new Validator(new Xml()).validate(List.of(edition), Optional.empty()).problems().stream()
        .filter(Problem::isError).toList();
    assertEquals(1, errors.size(), errors.toString());
    assertEquals(other, errors.get(0).file());
    assertEquals(2, errors.get(0).line());
    assertTrue(errors.get(0).message().startsWith("not a TEI document: the root element is <root> in no namespace"), errors.get(0).message());
    try (Builder builder = new Builder()) {
      EditioException e = org.junit.jupiter.api.Assertions.assertThrows(EditioException.class,
          () -> builder.build(edition, dir.resolve("out"), "html"));
      assertEquals(errors, e.problems().stream().filter(Problem::isError).toList());
    }
    assertTrue(!Files.exists(dir.resolve("out")), "nothing published");
  }
}
