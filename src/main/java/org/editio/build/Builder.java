package org.editio.build;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.editio.EditioException;
import org.editio.Problem;
import org.editio.edition.Edition;
import org.editio.edition.EditionLoader;
import org.editio.html.HtmlPublisher;
import org.editio.pdf.Fop;
import org.editio.pdf.PdfPublisher;
import org.editio.validate.Validator;
import org.editio.xml.Xml;

/**
 * One run of the pipeline in one JVM: load the edition once, validate it, then publish the
 * requested outputs into a staging folder that replaces the old output only when all succeeded.
 *
 * <p>Builds are incremental: the output folder keeps a {@link Manifest} of what each file was
 * made from, and what has not changed is carried over instead of rendered. A builder can run
 * many builds (editio serve): it keeps compiled stylesheets and schemas, the FOP factory, the
 * parsed trees of files whose bytes have not changed, and their parts of the search index.
 */
public final class Builder {

  /** What a run publishes; each is a folder of the output. */
  public enum Output {
    HTML("html"),
    PDF("pdf");

    final String folder;

    Output(String folder) {
      this.folder = folder;
    }
  }

  /**
   * What a finished run did, for the command line to report.
   *
   * @param indexed documents analysed for the search index (the others' analyses were kept)
   */
  public record Result(Edition edition, Path out, Set<Output> outputs, List<Problem> warnings, int reused,
      int rendered, int indexed) {}

  private final Xml xml = new Xml();
  private final Map<Path, EditionLoader.Parsed> trees = new java.util.concurrent.ConcurrentHashMap<>();
  private final EditionLoader loader = new EditionLoader(xml).cache(trees);
  private final Validator validator = new Validator(xml);
  private final Map<String, org.editio.html.SearchIndex.Entry> searchEntries = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, String> summaries = new java.util.concurrent.ConcurrentHashMap<>();
  private Fop fop;
  private Date fopDate;
  private String pageSize = "a4";
  private boolean print;
  private boolean clean;
  private org.editio.Progress progress = org.editio.Progress.SILENT;

  /** Where long builds report their progress. */
  public Builder progress(org.editio.Progress progress) {
    this.progress = progress;
    return this;
  }

  public Builder pageSize(String pageSize) {
    this.pageSize = pageSize;
    return this;
  }

  /** Ignores the previous output: renders everything (editio build --clean). */
  public Builder clean(boolean clean) {
    this.clean = clean;
    return this;
  }

  /** Bleed and crop marks for a printer. */
  public Builder print(boolean print) {
    this.print = print;
    return this;
  }

  /**
   * Validates and publishes {@code editionPath} into {@code out}.
   *
   * @throws EditioException when the edition has errors (nothing is published) or output fails
   */
  public Result build(Path editionPath, Path out, Set<Output> outputs) throws EditioException {
    org.editio.Timing timing = new org.editio.Timing("build");
    Edition edition = loader.load(editionPath);
    timing.lap("load");
    Manifest previous = clean ? Manifest.EMPTY : Manifest.read(out);
    Incremental incremental = new Incremental(previous, out);
    Validator.Report report = validator.validate(edition, incremental);
    if (report.errors() > 0) {
      List<Problem> problems = new ArrayList<>(report.problems());
      problems.add(Problem.error(null, "not published: the edition has " + report.errors()
          + (report.errors() == 1 ? " error" : " errors") + " (listed above); fix them and build again"));
      throw new EditioException(EditioException.INPUT, problems);
    }
    timing.lap("validate");
    try (Staging staging = Staging.begin(out)) {
      incremental.stageInto(staging.root());
      int indexed = 0;
      if (outputs.contains(Output.HTML)) {
        HtmlPublisher html = new HtmlPublisher(xml, progress).reuse(incremental).searchEntries(searchEntries)
            .summaries(summaries);
        html.publish(edition, staging.part(Output.HTML.folder), outputs.contains(Output.PDF));
        indexed = html.indexed();
      }
      if (outputs.contains(Output.PDF)) {
        Date created = creationDate(edition);
        new PdfPublisher(xml, fop(created), pageSize, print, created).progress(progress).reuse(incremental)
            .publish(edition, staging.part(Output.PDF.folder));
      }
      List<String> parts = new ArrayList<>();
      for (Output o : EnumSet.copyOf(outputs)) {
        parts.add(o.folder);
      }
      List<String> all = java.util.Arrays.stream(Output.values()).map(o -> o.folder).toList();
      timing.lap("publish");
      staging.commit(parts, incremental.next(parts, all));
      timing.lap("commit");
      return new Result(edition, out, outputs, report.problems(), incremental.reused(), incremental.rendered(),
          indexed);
    } finally {
      progress.finish();
    }
  }

  /** One FOP factory per creation date (in practice, one per builder: the edition's date). */
  private Fop fop(Date created) {
    if (fop == null || !created.equals(fopDate)) {
      fop = new Fop(created);
      fopDate = created;
    }
    return fop;
  }

  /**
   * The date written into PDFs: {@code SOURCE_DATE_EPOCH} when set (reproducible-builds.org),
   * else the edition's publication date, else the epoch; never the clock, so builds repeat.
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
      // fall through to the epoch
    }
    return Date.from(Instant.EPOCH);
  }
}
