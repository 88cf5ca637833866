package org.editio.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.editio.EditioException;
import org.editio.Problem;

/**
 * Writes generated TEI files the way editors' work stays safe: a file with the same content is
 * left alone (reported unchanged), a file that differs is kept unless {@code force} (reported as
 * an error naming it), and a new file appears whole (written beside, then moved into place).
 */
final class TeiFiles {
  private TeiFiles() {}

  static void write(Map<Path, String> outputs, boolean force, List<Path> written, List<Path> unchanged,
      List<Problem> problems, String rule) throws EditioException {
    for (Map.Entry<Path, String> o : outputs.entrySet()) {
      Path target = o.getKey();
      try {
        if (Files.exists(target)) {
          if (Files.readString(target).equals(o.getValue())) {
            unchanged.add(target);
            continue;
          }
          if (!force) {
            problems.add(new Problem(target, 0, 0, Problem.Severity.ERROR,
                "exists and differs (an editor's work?): not overwritten; use --force to replace it", rule));
            continue;
          }
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".editio-", ".xml");
        Files.writeString(tmp, o.getValue());
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        written.add(target);
      } catch (IOException e) {
        throw EditioException.io(target, "cannot write: " + e.getMessage());
      }
    }
  }
}
