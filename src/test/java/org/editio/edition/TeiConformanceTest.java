package org.editio.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.editio.TestFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Every TEI file of the sample edition is valid against TEI P5 tei_all (from ../shared). */
@Tag("slow")
class TeiConformanceTest {

  static List<String> jingErrors(Path schema, Path file) throws IOException, SAXException {
    List<String> errors = new ArrayList<>();
    ErrorHandler handler = new ErrorHandler() {
      @Override public void warning(SAXParseException e) {}
      @Override public void error(SAXParseException e) {
        errors.add(file.getFileName() + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
      }
      @Override public void fatalError(SAXParseException e) { error(e); }
    };
    PropertyMapBuilder props = new PropertyMapBuilder();
    props.put(ValidateProperty.ERROR_HANDLER, handler);
    ValidationDriver driver = new ValidationDriver(props.toPropertyMap());
    assertTrue(driver.loadSchema(ValidationDriver.uriOrFileInputSource(schema.toString())), "schema loads");
    driver.validate(new InputSource(file.toUri().toString()));
    return errors;
  }

  @Test
  void seedDocumentIsValidAgainstTeiAll() throws Exception {
    assertEquals(List.of(), jingErrors(TestFiles.teiAll(), TestFiles.SEED));
  }

  @Test
  void everyFileOfTheSampleEditionIsValidAgainstTeiAll() throws Exception {
    Path teiAll = TestFiles.teiAll();
    List<String> errors = new ArrayList<>();
    int count = 0;
    try (Stream<Path> files = Files.walk(TestFiles.EDITION)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
        errors.addAll(jingErrors(teiAll, f));
        count++;
      }
    }
    assertTrue(count >= 5, "edition.xml, the seed and three registers at least: " + count);
    assertEquals(List.of(), errors.subList(0, Math.min(5, errors.size())), errors.size() + " errors");
  }

  @Test
  void jingReallyRejectsWhatTeiAllForbids() throws Exception {
    // Guards the two tests above: an invalid document must produce errors.
    Path bad = Files.createTempFile("invalid", ".xml");
    Files.writeString(bad, "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p><bogus/></p></body></text></TEI>");
    assertTrue(jingErrors(TestFiles.teiAll(), bad).size() >= 1);
  }
}
