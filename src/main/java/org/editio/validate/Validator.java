package org.editio.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.editio.EditioException;
import org.editio.Problem;
import org.editio.edition.Edition;
import org.editio.edition.EditionLoader;
import org.editio.xml.Xml;

/**
 * Checks editions and TEI files and reports every problem found, located. Today: well-formedness,
 * safety (no external entities, no entity bombs), TEI root element and unique document ids; the
 * schema and editorial-rule layers build on this.
 */
public final class Validator {

  /** What one validation run found. */
  public record Report(int files, List<Problem> problems) {
    public long errors() {
      return problems.stream().filter(Problem::isError).count();
    }

    public long warnings() {
      return problems.size() - errors();
    }

    /** {@code N files, E errors, W warnings}. */
    public String summary() {
      return files + (files == 1 ? " file, " : " files, ") + errors() + (errors() == 1 ? " error, " : " errors, ")
          + warnings() + (warnings() == 1 ? " warning" : " warnings");
    }
  }

  private final Xml xml;

  public Validator(Xml xml) {
    this.xml = xml;
  }

  /**
   * Validates each path (an edition directory, a directory of TEI files, or a file).
   *
   * @throws EditioException for a path that does not exist (a usage error, exit code 2)
   */
  public Report validate(List<Path> paths) throws EditioException {
    List<Problem> problems = new ArrayList<>();
    int files = 0;
    EditionLoader loader = new EditionLoader(xml);
    for (Path path : paths) {
      files += loader.count(path);
      try {
        loader.load(path);
      } catch (EditioException e) {
        if (e.exitCode() != EditioException.INPUT) {
          throw e;
        }
        problems.addAll(e.problems());
      }
    }
    problems.sort(Problem.ORDER);
    return new Report(files, problems);
  }

  /** Validates an edition already loaded (by a build): problems that need the loaded model. */
  public Report validate(Edition edition) {
    int files = edition.documents().size() + edition.registers().size() + (edition.editionFile().isPresent() ? 1 : 0);
    return new Report(files, List.of());
  }
}
