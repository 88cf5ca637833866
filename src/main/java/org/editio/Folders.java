package org.editio;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Folder operations the JDK lacks. */
public final class Folders {
  private Folders() {}

  /**
   * The file that marks a folder as editio's output (the build's manifest, {@code
   * build/Manifest}): such a folder, wherever it lies, holds copies of TEI documents that are not
   * the edition's sources.
   */
  public static final String OUTPUT_MARK = ".editio-manifest.tsv";

  /** What an output folder holds besides its mark: the parts {@code output/OutputLayout} writes (a test keeps them alike). */
  public static final java.util.Set<String> OUTPUT_PARTS = java.util.Set.of("html", "pdf", "epub", "cmif.xml");

  /**
   * {@code path} as the file system resolves it (links followed), also when it does not exist yet:
   * its nearest existing ancestor resolved, the rest appended.
   */
  public static Path real(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      return abs.getParent() == null ? abs : real(abs.getParent()).resolve(abs.getFileName());
    }
  }

  /** Whether {@code dir} is an output folder of editio (it holds {@link #OUTPUT_MARK}). */
  public static boolean isOutput(Path dir) {
    return Files.isRegularFile(dir.resolve(OUTPUT_MARK));
  }

  /** Deletes a folder and everything in it; nothing when it does not exist. */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
