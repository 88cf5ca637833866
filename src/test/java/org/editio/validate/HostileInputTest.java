package org.editio.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.editio.Problem;
import org.editio.TestFiles;
import org.editio.xml.Xml;
import org.junit.jupiter.api.Test;

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
}
