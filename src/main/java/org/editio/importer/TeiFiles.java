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
        throw EditioException.io(target, "cannot write: " + org.editio.Messages.io(e));
      }
    }
  }

  /**
   * Writes the documents of one page together: if one of them may not be written (it exists,
   * differs, and {@code force} is off), none is, so that a page is never half imported. The files
   * are written beside their targets first and moved into place only when all are written.
   *
   * @param source the page, named in the message when its other documents are held back
   */
  static void writeTogether(Map<Path, String> outputs, boolean force, List<Path> written, List<Path> unchanged,
      List<Problem> problems, String rule, Path source) throws EditioException {
    Map<Path, String> changed = new java.util.LinkedHashMap<>();
    List<Path> same = new java.util.ArrayList<>();
    List<Path> refused = new java.util.ArrayList<>();
    for (Map.Entry<Path, String> o : outputs.entrySet()) {
      Path target = o.getKey();
      try {
        if (Files.exists(target) && Files.readString(target).equals(o.getValue())) {
          same.add(target);
        } else if (Files.exists(target) && !force) {
          refused.add(target);
        } else {
          changed.put(target, o.getValue());
        }
      } catch (IOException e) {
        throw EditioException.io(target, "cannot read: " + org.editio.Messages.io(e));
      }
    }
    if (!refused.isEmpty()) {
      for (Path r : refused) {
        problems.add(new Problem(r, 0, 0, Problem.Severity.ERROR,
            "exists and differs (an editor's work?): not overwritten; use --force to replace it", rule));
      }
      if (outputs.size() > refused.size()) {
        problems.add(new Problem(source, 0, 0, Problem.Severity.ERROR, "the page's other documents are not written either:"
            + " a page is imported whole or not at all", rule));
      }
      return;
    }
    Map<Path, Path> staged = new java.util.LinkedHashMap<>();
    Path current = source;
    int moved = 0;
    try {
      for (Map.Entry<Path, String> o : changed.entrySet()) {
        current = o.getKey();
        Path dir = o.getKey().toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".editio-", ".xml");
        staged.put(o.getKey(), tmp);
        Files.writeString(tmp, o.getValue());
      }
      for (Map.Entry<Path, Path> s : staged.entrySet()) {
        current = s.getKey();
        Files.move(s.getValue(), s.getKey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        written.add(s.getKey());
        moved++;
      }
    } catch (IOException e) {
      for (Path tmp : staged.values()) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is hidden (.editio-*) and the next import does not read it
        }
      }
      throw EditioException.io(current, "cannot write: " + org.editio.Messages.io(e)
          + (moved == 0 ? " (nothing of " + source.getFileName() + " is written)" : ""));
    }
    unchanged.addAll(same);
  }
}
