package org.editio.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.editio.EditioException;

/**
 * A run writes into a staging folder inside the output folder; only when everything succeeded are
 * its parts (folders such as {@code html/} and {@code pdf/}, or single files) moved into place. A failed or killed run leaves the
 * previous output as it was; its leftovers are removed by the next run.
 */
public final class Staging implements AutoCloseable {

  static final String STAGING_PREFIX = ".editio-staging-";
  static final String OLD_PREFIX = ".editio-old-";

  private final Path out;
  private final Path dir;
  private boolean committed;

  private Staging(Path out, Path dir) {
    this.out = out;
    this.dir = dir;
  }

  /** Creates a fresh staging folder in {@code out}, removing leftovers of killed runs. */
  public static Staging begin(Path out) throws EditioException {
    try {
      Files.createDirectories(out);
      try (Stream<Path> children = Files.list(out)) {
        for (Path leftover : children.filter(Staging::isLeftover).toList()) {
          org.editio.Folders.delete(leftover);
        }
      }
      Path dir = Files.createDirectory(out.resolve(STAGING_PREFIX + ProcessHandle.current().pid()));
      return new Staging(out, dir);
    } catch (IOException e) {
      throw EditioException.io(out, "cannot prepare the output folder: " + org.editio.Messages.io(e));
    }
  }

  private static boolean isLeftover(Path p) {
    String name = p.getFileName().toString();
    return name.startsWith(STAGING_PREFIX) || name.startsWith(OLD_PREFIX);
  }

  /** The staging folder itself. */
  Path root() {
    return dir;
  }

  /**
   * Moves every listed part into place, then the manifest that describes them. Each part replaces
   * its predecessor by two renames within one file system, so a reader sees either the old or the
   * new folder, never a half-written one; a part the run left empty removes its predecessor. The previous manifest is removed first: if the run dies
   * between the moves, the next build finds no manifest and builds everything, instead of trusting
   * rows about outputs that changed.
   */
  void commit(List<String> parts, Manifest manifest) throws EditioException {
    try {
      Files.deleteIfExists(out.resolve(Manifest.FILE));
      for (String name : parts) {
        Path fresh = dir.resolve(name);
        Path target = out.resolve(name);
        Path old = out.resolve(OLD_PREFIX + name);
        if (Files.exists(target)) {
          Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        if (Files.exists(fresh)) {
          Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        }
        if (Files.exists(old)) {
          org.editio.Folders.delete(old);
        }
      }
      Path staged = dir.resolve(Manifest.FILE);
      manifest.write(staged);
      Files.move(staged, out.resolve(Manifest.FILE), StandardCopyOption.ATOMIC_MOVE);
      committed = true;
      org.editio.Folders.delete(dir);
    } catch (IOException e) {
      throw EditioException.io(out, "cannot move the new output into place: " + org.editio.Messages.io(e));
    }
  }

  /** Removes the staging folder when the run did not commit. */
  @Override
  public void close() {
    if (!committed) {
      try {
        org.editio.Folders.delete(dir);
      } catch (IOException e) {
        // The next run removes it: leftovers are recognised by their name.
      }
    }
  }

}
