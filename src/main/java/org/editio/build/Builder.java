package org.editio.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.editio.EditioException;
import org.editio.Problem;
import org.editio.Progress;
import org.editio.Reuse;
import org.editio.Timing;
import org.editio.edition.Edition;
import org.editio.edition.EditionLoader;
import org.editio.output.OutputLayout;
import org.editio.output.Publisher;
import org.editio.output.Run;
import org.editio.validate.Validator;
import org.editio.xml.Resolver;
import org.editio.xml.Xml;

/**
 * One run of the pipeline in one JVM: load the edition once, validate it, then let the chosen
 * outputs ({@link Publisher}s, registered in {@link Outputs}) publish into a staging folder that
 * replaces the old output only when all succeeded.
 *
 * <p>Builds are incremental: the output folder keeps a {@link Manifest} of what each file was
 * made from, and what has not changed is carried over instead of rendered. A builder can run
 * many builds (editio serve): it keeps compiled stylesheets and schemas, the publishers (with
 * their FOP factory, the documents' summaries and their analyses for the search index), and the
 * parsed trees of files whose bytes have not changed.
 */
public final class Builder implements AutoCloseable {

  /** How the summary that ends a refused build's problems starts (see {@link #isSummary}). */
  private static final String NOT_PUBLISHED = "not published: the edition has ";

  /**
   * Whether a problem is the summary a refused build adds after the edition's problems ("not
   * published: the edition has 1 error …"): for the terminal, not one of the errors to count or
   * list again (editio serve's error page).
   */
  public static boolean isSummary(Problem problem) {
    return problem.file() == null && problem.isError() && problem.message().startsWith(NOT_PUBLISHED);
  }

  /** What a finished run did, for the command line to report. */
  public record Result(Edition edition, Path out, OutputLayout layout, List<Publisher> outputs, List<Problem> warnings,
      int reused, int rendered) {}

  private final Xml xml = new Xml();
  private final Map<Path, EditionLoader.Parsed> trees = new java.util.concurrent.ConcurrentHashMap<>();
  private final EditionLoader loader = new EditionLoader(xml).cache(trees);
  private final Validator validator = new Validator(xml).publishing(true);
  private boolean strict;
  private final List<Publisher> publishers;
  private String pageSize = "a4";
  private boolean print;
  private boolean clean;
  private String title;
  private Progress progress = Progress.SILENT;
  private List<Path> catalogs = List.of();

  /** A builder of every output editio has. */
  public Builder() {
    this(Outputs.all());
  }

  /** A builder of these outputs (tests, and anything that publishes a selection of its own). */
  public Builder(List<Publisher> publishers) {
    this.publishers = List.copyOf(publishers);
  }

  /** The user's catalogs ({@code --catalog}): see {@link Resolver}. */
  public Builder catalogs(List<Path> catalogs) {
    this.catalogs = List.copyOf(catalogs);
    validator.catalogs(this.catalogs);
    return this;
  }

  /**
   * Warnings are errors: nothing is published while the edition has any ({@code --strict}, for an
   * edition's continuous integration). Without it, only errors stop a build: see {@link
   * Validator#publishing}.
   */
  public Builder strict(boolean strict) {
    this.strict = strict;
    validator.strict(strict);
    return this;
  }

  /** Where long builds report their progress. */
  public Builder progress(Progress progress) {
    this.progress = progress;
    return this;
  }

  public Builder pageSize(String pageSize) {
    this.pageSize = pageSize;
    return this;
  }

  /** Lets the publishers release what they hold between builds ({@link Publisher#close()}). */
  @Override
  public void close() {
    publishers.forEach(Publisher::close);
  }

  /** Ignores the previous output: renders everything (editio build --clean). */
  public Builder clean(boolean clean) {
    this.clean = clean;
    return this;
  }

  /**
   * The title of an edition without edition.xml ({@code --title}), instead of its folder's or
   * file's name; null keeps it. An edition with edition.xml has its title there, and a build
   * given another one is refused (one title, in one place).
   */
  public Builder title(String title) {
    this.title = title == null ? null : title.strip();
    return this;
  }

  /** Bleed and crop marks for a printer. */
  public Builder print(boolean print) {
    this.print = print;
    return this;
  }

  /** The names of every output, for --help and messages. */
  public List<String> names() {
    return publishers.stream().map(Publisher::name).toList();
  }

  /**
   * The publishers that {@code names} select: an output's name ({@code pdf-volume}) or a part
   * ({@code pdf}: every output written into it). An output is built with every other output of its
   * part, since the part replaces its predecessor whole.
   *
   * @throws EditioException (usage) for a name that is neither
   */
  public List<Publisher> select(Collection<String> names) throws EditioException {
    Set<String> parts = new LinkedHashSet<>();
    for (String name : names) {
      List<String> matched = publishers.stream().filter(p -> p.name().equals(name) || p.part().equals(name))
          .map(Publisher::part).toList();
      if (matched.isEmpty()) {
        throw EditioException.io(null, "unknown output '" + name + "': editio publishes "
            + String.join(", ", names()));
      }
      parts.addAll(matched);
    }
    return publishers.stream().filter(p -> parts.contains(p.part())).toList();
  }

  /** Validates and publishes {@code editionPath} into {@code out}: the outputs named (see {@link #select}). */
  public Result build(Path editionPath, Path out, String... outputs) throws EditioException {
    return build(editionPath, out, Arrays.asList(outputs));
  }

  /**
   * Validates and publishes {@code editionPath} into {@code out}.
   *
   * @throws EditioException when the edition has errors (nothing is published) or output fails
   */
  public Result build(Path editionPath, Path out, Collection<String> outputs) throws EditioException {
    List<Publisher> selected = select(outputs);
    // compared as the file system resolves them: -o through a link to the documents' folder is that folder
    Path target = org.editio.Folders.real(out);
    if (EditionLoader.sourceFolders(editionPath).stream().map(org.editio.Folders::real).anyMatch(target::equals)) {
      throw EditioException.io(out, "the output folder is the folder the edition's documents are read from;"
          + " choose another with -o (a folder beside it, or inside it: editio skips its own output folders)");
    }
    Timing timing = new Timing("build");
    EditionLoader.Loaded loaded = loader.read(editionPath);
    List<Problem> found = new ArrayList<>(loaded.problems().stream()
        .map(p -> strict && !p.isError() ? new Problem(p.file(), p.line(), p.column(), Problem.Severity.ERROR, p.message(), p.rule()) : p)
        .toList());
    if (found.stream().anyMatch(Problem::isError)) {
      throw new EditioException(EditioException.INPUT, found);
    }
    Edition edition = loaded.edition();
    if (title != null) {
      if (edition.editionFile().isPresent()) {
        throw EditioException.io(edition.source(), "--title: the edition's title is edition.xml's ('" + edition.title()
            + "'); change it there, or publish without --title");
      }
      edition = edition.withTitle(title);
    }
    timing.lap("load");
    Manifest previous = clean ? Manifest.EMPTY : Manifest.read(out);
    Incremental incremental = new Incremental(previous, out);
    Validator.Report report = validator.validate(edition, incremental);
    found.addAll(report.problems());
    found.sort(Problem.ORDER);
    report = new Validator.Report(report.files(), found, report.links());
    if (report.errors() > 0) {
      List<Problem> problems = new ArrayList<>(report.problems());
      problems.add(Problem.error(null, NOT_PUBLISHED + report.errors()
          + (report.errors() == 1 ? " error" : " errors") + " (listed above); fix them and build again"));
      throw new EditioException(EditioException.INPUT, problems);
    }
    timing.lap("validate");
    List<String> parts = selected.stream().map(Publisher::part).distinct().toList();
    OutputLayout layout = new OutputLayout(edition, parts, report.links());
    try (Staging staging = Staging.begin(out)) {
      incremental.stageInto(staging.root());
      Run run = run(edition, layout, staging.root(), incremental);
      for (Publisher p : selected) {
        p.publish(run);
      }
      copyIntoSite(layout, staging.root());
      timing.lap("publish");
      List<String> all = publishers.stream().map(Publisher::part).distinct().toList();
      staging.commit(parts, incremental.next(parts, all));
      timing.lap("commit");
      List<Problem> warnings = new ArrayList<>(report.problems());
      warnings.addAll(run.warnings());
      return new Result(edition, out, layout, selected, warnings, incremental.reused(), incremental.rendered());
    } finally {
      progress.finish();
    }
  }

  /**
   * When a run publishes the site and the PDFs or the e-book, the site gets its own copy of every
   * PDF and of the e-book (hard links where the file system allows, else copies) in {@code
   * html/downloads/}, which its pages link: {@code html/} can be deployed alone. The copies are
   * made afresh on every such run from the files just published, so they never outlive them.
   */
  private static void copyIntoSite(OutputLayout layout, Path root) throws EditioException {
    for (Map.Entry<String, String> copy : layout.siteCopies().entrySet()) {
      Path from = root.resolve(copy.getKey());
      Path to = root.resolve(copy.getValue());
      if (!Files.isRegularFile(from)) {
        continue;
      }
      try {
        Files.createDirectories(to.getParent());
        Files.deleteIfExists(to);
        try {
          Files.createLink(to, from);
        } catch (UnsupportedOperationException | IOException e) {
          Files.copy(from, to);
        }
      } catch (IOException e) {
        throw EditioException.io(to, "cannot copy " + copy.getKey() + " into the site: " + org.editio.Messages.io(e));
      }
    }
  }

  /** Loads an edition as a build does (for {@link #publish}: its trees belong to this builder's Saxon). */
  public Edition load(Path editionPath) throws EditioException {
    return loader.load(editionPath);
  }

  /**
   * Publishes one output of an edition already loaded into {@code dir}, rendering everything and
   * recording nothing (editio bench times the outputs one by one).
   */
  public void publish(Edition edition, Publisher publisher, Path dir) throws EditioException {
    Run run = run(edition, new OutputLayout(edition, List.of(publisher.part())), dir, Reuse.NEVER);
    try {
      publisher.publish(run);
    } finally {
      progress.finish();
    }
  }

  private Run run(Edition edition, OutputLayout layout, Path root, Reuse reuse) throws EditioException {
    List<String> stylesheets = publishers.stream().map(Publisher::stylesheet).filter(s -> s != null).distinct().toList();
    return new Run(xml, edition, layout, root, reuse, progress,
        new Run.Options(pageSize, print, creationDate(edition)), stylesheets, resolver(edition.source()));
  }

  /**
   * What the outputs may read on the edition's behalf (the images a PDF shows): the edition's
   * folder and editio's bundled resources (see {@link Resolver}), never the network.
   */
  private Resolver resolver(Path editionPath) throws EditioException {
    try {
      return Resolver.forEdition(EditionLoader.folder(editionPath), catalogs, false);
    } catch (java.io.IOException e) {
      throw EditioException.io(editionPath, "cannot read the edition's folder: " + org.editio.Messages.of(e));
    }
  }

  /**
   * The date an edition is published on, written into its PDFs, e-book and CMIF file: {@code
   * SOURCE_DATE_EPOCH} when set (reproducible-builds.org), else the edition's publication date
   * (edition.xml), else the day its files were last changed (the newest modification time of the
   * files read and the images, at 00:00 UTC: loose TEI has no publication date, and 1 January 1970
   * was no date at all). Never the clock, so that builds repeat: the same files give the same
   * date; the day, not the second, so that an edit does not make every PDF new again
   * ({@code editio serve}) more than once a day.
   */
  public static Date creationDate(Edition edition) {
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    if (epoch != null && epoch.matches("\\d+")) {
      return Date.from(Instant.ofEpochSecond(Long.parseLong(epoch)));
    }
    try {
      if (edition.published().matches("\\d{4}-\\d{2}-\\d{2}")) {
        return Date.from(LocalDate.parse(edition.published()).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
    } catch (DateTimeParseException e) {
      // fall through to the files' date
    }
    Instant newest = Instant.EPOCH;
    List<Path> files = new ArrayList<>(edition.digests().keySet());
    files.addAll(edition.images().files().values());
    for (Path file : files) {
      try {
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        newest = modified.isAfter(newest) ? modified : newest;
      } catch (IOException e) {
        // a file gone since it was read: the others date the edition
      }
    }
    return Date.from(newest.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
