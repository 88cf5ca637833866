package org.editio.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.editio.Problem;

/**
 * The three ways to validate the documents of an edition: the edition, its {@code documents/}
 * folder, each file alone. They must say the same about every document, since a file or folder
 * inside an edition is checked with its edition.
 */
public final class ValidationScopes {
  private ValidationScopes() {}

  /** The problems of the edition's documents, after asserting that the three ways agree on them. */
  public static List<Problem> documentProblems(Validator validator, Path edition) throws Exception {
    Path documents = edition.resolve("documents").toAbsolutePath().normalize();
    List<Problem> byEdition = validator.validate(List.of(edition), Optional.empty()).problems().stream()
        .filter(p -> p.file() != null && p.file().toAbsolutePath().normalize().startsWith(documents)).toList();
    Validator.Report folder = validator.validate(List.of(documents), Optional.empty());
    List<Problem> byFile = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(documents)) {
      files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    for (Path f : files) {
      Validator.Report one = validator.validate(List.of(f), Optional.empty());
      assertEquals(1, one.files(), f + " is one file");
      byFile.addAll(one.problems());
    }
    byFile.sort(Problem.ORDER);
    assertEquals(files.size(), folder.files(), "the folder counts its documents");
    assertEquals(text(byEdition), text(folder.problems()), "the edition and its documents folder agree on " + edition);
    assertEquals(text(byEdition), text(byFile), "the edition and its files one by one agree on " + edition);
    return byEdition;
  }

  private static List<String> text(List<Problem> problems) {
    return problems.stream().map(p -> p.file().toAbsolutePath().normalize() + ":" + p.line() + ":" + p.column() + ": "
        + p.severity().word() + ": " + p.message() + " [" + p.rule() + "]").toList();
  }
}
