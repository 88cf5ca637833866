package org.editio.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.editio.Reuse;
import org.editio.validate.Validator;

/**
 * Reuse of the previous build's outputs: an output whose recipe is unchanged is hard-linked from
 * the previous output folder into the staging folder instead of being rendered again. Outputs are
 * never written in place (a build writes new files and renames folders), so a link is as good as a
 * copy and costs nothing; where links are not supported, files are copied.
 *
 * <p>Whatever is not reused is rendered, and whatever the edition no longer has (a deleted or
 * renamed document) is simply not carried over: the staging folder starts empty.
 */
final class Incremental implements Reuse, Validator.Memo {

  private final Manifest previous;
  private final Path out;
  private Path staging;
  private final Map<String, Manifest.Entry> made = new ConcurrentHashMap<>();
  private final AtomicInteger reused = new AtomicInteger();
  private final AtomicInteger rendered = new AtomicInteger();

  /**
   * @param previous the manifest of {@code out} ({@link Manifest#EMPTY} for a clean build)
   * @param out the output folder holding the previous build
   */
  Incremental(Manifest previous, Path out) {
    this.previous = previous;
    this.out = out;
  }

  /** Sets the folder this build writes into (validation, which comes first, needs none). */
  void stageInto(Path staging) {
    this.staging = staging;
  }

  private String relative(Path target) {
    return staging.relativize(target).toString().replace('\\', '/');
  }

  @Override
  public boolean reuse(Path target, String recipe) {
    String path = relative(target);
    Manifest.Entry old = previous.get(path);
    if (old == null || !old.recipe().equals(recipe) || !old.group().equals("file")) {
      return false;
    }
    if (!link(out.resolve(path), target)) {
      return false;
    }
    made.put(path, old);
    // what was recorded with the file still describes it
    previous.recordRows(path).forEach(e -> made.put(e.path(), e));
    reused.incrementAndGet();
    return true;
  }

  @Override
  public Map<String, String> recorded(Path target) {
    return previous.record(relative(target));
  }

  @Override
  public void record(Path target, Map<String, String> values) {
    String path = relative(target);
    made.keySet().removeIf(p -> p.startsWith(path + Manifest.KEY));
    values.forEach((key, value) -> made.put(path + Manifest.KEY + key,
        new Manifest.Entry(path + Manifest.KEY + key, value, Manifest.RECORD)));
  }

  @Override
  public void made(Path target, String recipe) {
    String path = relative(target);
    made.put(path, new Manifest.Entry(path, recipe, "file"));
    rendered.incrementAndGet();
  }

  @Override
  public boolean reuseGroup(String group, String recipe) {
    List<Manifest.Entry> entries = previous.group(group);
    if (entries.isEmpty() || entries.stream().anyMatch(e -> !e.recipe().equals(recipe))) {
      return false;
    }
    List<Path> linked = new ArrayList<>();
    for (Manifest.Entry e : entries) {
      Path target = staging.resolve(e.path());
      if (!link(out.resolve(e.path()), target)) {
        // all or none: the group is rendered again, into files of its own
        for (Path p : linked) {
          try {
            Files.deleteIfExists(p);
          } catch (IOException ignored) {
            // rendering overwrites it by a new file (never through the link: see link())
          }
        }
        return false;
      }
      linked.add(target);
    }
    entries.forEach(e -> made.put(e.path(), e));
    reused.addAndGet(entries.size());
    return true;
  }

  @Override
  public void madeGroup(String group, Collection<Path> files, String recipe) {
    for (Path f : files) {
      String path = relative(f);
      made.put(path, new Manifest.Entry(path, recipe, group));
    }
    rendered.addAndGet(files.size());
  }

  @Override
  public boolean fresh() {
    return previous.entries().isEmpty();
  }

  /** Links (or copies) a previous output into the staging folder; false when it is gone. */
  private static boolean link(Path source, Path target) {
    if (!Files.isRegularFile(source)) {
      return false;
    }
    try {
      Files.createDirectories(target.getParent());
      try {
        Files.createLink(target, source);
      } catch (UnsupportedOperationException | IOException e) {
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public boolean known(Path source, String recipe) {
    Manifest.Entry old = previous.get(source.toString());
    boolean known = old != null && old.group().equals(Manifest.VALIDATED) && old.recipe().equals(recipe);
    if (known) {
      made.put(old.path(), old);
    }
    return known;
  }

  @Override
  public void valid(Path source, String recipe) {
    made.put(source.toString(), new Manifest.Entry(source.toString(), recipe, Manifest.VALIDATED));
  }

  /**
   * The manifest to commit: what this build made or reused, plus the previous rows of the parts
   * it did not build (an html-only build keeps the pdf part as it was).
   */
  Manifest next(Collection<String> builtParts, Collection<String> keptParts) {
    List<Manifest.Entry> entries = new ArrayList<>(made.values());
    for (String part : keptParts) {
      if (!builtParts.contains(part) && Files.exists(out.resolve(part))) {
        entries.addAll(previous.part(part));
      }
    }
    return new Manifest(entries);
  }

  /** How many output files were reused and rendered: what an incremental build reports. */
  int reused() {
    return reused.get();
  }

  int rendered() {
    return rendered.get();
  }
}
