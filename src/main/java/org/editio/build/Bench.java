package org.editio.build;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import org.editio.EditioException;
import org.editio.Parallel;
import org.editio.Problem;
import org.editio.edition.Edition;
import org.editio.edition.EditionLoader;
import org.editio.edition.TeiDocument;
import org.editio.cmif.CmifPublisher;
import org.editio.epub.EpubPublisher;
import org.editio.html.HtmlPublisher;
import org.editio.pdf.PdfDocumentsPublisher;
import org.editio.pdf.PdfRenderer;
import org.editio.pdf.PdfVolumePublisher;
import org.editio.validate.Validator;
import org.editio.xml.Xml;

/**
 * {@code editio bench}: generates an edition of N documents and publishes it in one JVM, stage
 * by stage, measuring wall time, CPU time of the process and peak heap. Beside the stages it
 * times a plain Saxon identity transform (parse and serialize every document, in parallel as the
 * HTML stage does) as the floor that the HTML stage is compared with.
 */
public final class Bench {

  /** One measured stage; {@code note} says what the stage did beyond its count (the volume's layout passes). */
  public record Measure(String stage, int items, String unit, double wallSeconds, double cpuSeconds, long peakHeapBytes,
      String note) {
    Measure(String stage, int items, String unit, double wallSeconds, double cpuSeconds, long peakHeapBytes) {
      this(stage, items, unit, wallSeconds, cpuSeconds, peakHeapBytes, "");
    }

    Measure with(String note) {
      return new Measure(stage, items, unit, wallSeconds, cpuSeconds, peakHeapBytes, note);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%-12s %6d %-9s %8.1f %s/s  %7.2f ms/%s  wall %7.2f s  cpu %7.2f s  peak heap %5d MiB%s",
          stage, items, unit, items / wallSeconds, unit, 1000 * wallSeconds / items, unit.replaceFirst("s$", ""),
          wallSeconds, cpuSeconds, peakHeapBytes / (1024 * 1024), note.isEmpty() ? "" : "  (" + note + ")");
    }
  }

  /** The stages editio bench knows, in the order they run. */
  public static final List<String> STAGES = List.of("validate", "html", "pdf", "volume", "epub", "cmif", "rebuild", "correction");

  /** A step whose time is measured; returns how many items it processed. */
  @FunctionalInterface
  interface Step {
    int run() throws EditioException;
  }

  private Bench() {}

  public static List<Measure> run(Path sample, int documents, List<String> stages, Path work) throws EditioException {
    return run(sample, documents, stages, work, line -> { });
  }

  /** Queries whose first search bench reports the bytes of (see {@link org.editio.html.SearchLoad}). */
  static final List<String> FIRST_QUERIES = List.of("Inonu", "Turkey", "treaty", "Saracoglu", "conversation with Ismet");

  /**
   * As above; {@code notes} gets what is not a timing: the bytes the search page loads for a
   * reader's first query, in the edition the HTML stage published.
   */
  public static List<Measure> run(Path sample, int documents, List<String> stages, Path work,
      java.util.function.Consumer<String> notes) throws EditioException {
    return run(sample, documents, stages, 1, work, notes);
  }

  /**
   * As above, the HTML stage (and its identity floor) {@code rounds} times in the same JVM, each
   * into a folder of its own with a new publisher: the first round pays for the JIT compiler
   * warming up, the later ones show the work itself (what {@code editio serve} pays once warm).
   * The later rounds are named {@code identity#2}, {@code html#2}, ...
   */
  public static List<Measure> run(Path sample, int documents, List<String> stages, int rounds, Path work,
      java.util.function.Consumer<String> notes) throws EditioException {
    PdfRenderer pdf = new PdfRenderer();
    HtmlPublisher html = new HtmlPublisher();
    PdfDocumentsPublisher pdfs = new PdfDocumentsPublisher(pdf);
    PdfVolumePublisher volume = new PdfVolumePublisher(pdf);
    EpubPublisher epub = new EpubPublisher();
    CmifPublisher cmif = new CmifPublisher();
    try (Builder builder = new Builder(List.of(html, pdfs, volume, epub, cmif))) {
      return run(builder, html, pdfs, volume, epub, cmif, sample, documents, stages, rounds, work, notes);
    }
  }

  private static List<Measure> run(Builder builder, HtmlPublisher html, PdfDocumentsPublisher pdfs,
      PdfVolumePublisher volume, EpubPublisher epub, CmifPublisher cmif, Path sample, int documents, List<String> stages,
      int rounds, Path work, java.util.function.Consumer<String> notes) throws EditioException {
    Path edition = Generator.generate(sample, documents, work.resolve("edition"));
    Xml xml = new Xml();
    List<Measure> results = new ArrayList<>();
    Edition[] loaded = new Edition[1];
    results.add(measure("load", "files", () -> {
      loaded[0] = builder.load(edition);
      return loaded[0].documents().size();
    }));
    Edition e = loaded[0];
    if (stages.contains("validate")) {
      results.add(measure("validate", "files", () -> {
        Validator.Report report = new Validator(xml).validate(List.of(edition), java.util.Optional.empty());
        if (report.errors() > 0) {
          throw new EditioException(EditioException.INPUT, report.problems());
        }
        return report.files();
      }));
    }
    if (stages.contains("html")) {
      results.add(measure("identity", "documents", () -> identity(xml, e, work.resolve("identity"))));
      results.add(measure("html", "documents", () -> {
        builder.publish(e, html, work.resolve("html-out"));
        return e.documents().size();
      }));
      searchLoads(work.resolve("html-out/html"), notes);
      for (int round = 2; round <= rounds; round++) {
        String suffix = "#" + round;
        results.add(measure("identity" + suffix, "documents", () -> identity(xml, e, work.resolve("identity" + suffix))));
        results.add(measure("html" + suffix, "documents", () -> {
          builder.publish(e, new HtmlPublisher(), work.resolve("html-out" + suffix));
          return e.documents().size();
        }));
      }
    }
    if (stages.contains("pdf")) {
      results.add(measure("pdf", "documents", () -> {
        builder.publish(e, pdfs, work.resolve("pdf-out"));
        return e.documents().size();
      }));
    }
    if (stages.contains("volume")) {
      // the FOP factory of the per-document stage is reused, as in a build: "after start-up"
      results.add(measure("volume", "pages", () -> {
        builder.publish(e, volume, work.resolve("pdf-out"));
        return volume.pages();
      }).with(volume.details().get(0)));
    }
    if (stages.contains("epub")) {
      results.add(measure("epub", "documents", () -> {
        builder.publish(e, epub, work.resolve("epub-out"));
        return e.documents().size();
      }));
    }
    if (stages.contains("cmif")) {
      results.add(measure("cmif", "documents", () -> {
        builder.publish(e, cmif, work.resolve("cmif-out"));
        return e.documents().size();
      }));
    }
    if (stages.contains("rebuild")) {
      results.add(rebuild(edition, work.resolve("out")));
    }
    if (stages.contains("correction")) {
      results.add(correction(edition, work.resolve("book")));
    }
    return results;
  }

  /**
   * {@code editio build} after an editor's one-word correction: the whole edition (HTML and PDF)
   * is built, one document gains a word, and a new builder builds it again, as the command line
   * does (stylesheets compiled, FOP set up; only the JVM is warm). The time of the second build.
   */
  static Measure correction(Path edition, Path out) throws EditioException {
    try (Builder builder = new Builder()) {
      builder.build(edition, out, builder.names());
    }
    Path document = correct(edition, 3, "corrected");
    Builder.Result[] result = new Builder.Result[1];
    Measure m = measure("correction", "documents", () -> {
      try (Builder builder = new Builder()) {
        result[0] = builder.build(edition, out, builder.names());
      }
      return 1;
    });
    if (result[0].rendered() == 0) {
      throw EditioException.io(document, "the build after the correction rendered nothing: the correction was not seen");
    }
    List<String> details = new ArrayList<>();
    details.add(result[0].rendered() + " files rendered, " + result[0].reused() + " kept");
    for (org.editio.output.Publisher p : result[0].outputs()) {
      if (p instanceof PdfVolumePublisher v) {
        details.add("volume: " + v.details().get(0));
      }
    }
    return m.with(String.join("; ", details));
  }

  /**
   * Puts {@code word} at the start of the first paragraph of the document at {@code part} of the
   * sorted documents (1/part of the way in): an editor's correction.
   */
  static Path correct(Path edition, int part, String word) throws EditioException {
    try (java.util.stream.Stream<Path> files = Files.list(edition.resolve("documents"))) {
      List<Path> all = files.sorted().toList();
      Path document = all.get(all.size() / part);
      String text = Files.readString(document);
      int body = text.indexOf("<body>");
      Files.writeString(document, text.substring(0, body) + text.substring(body).replaceFirst("<p>", "<p>" + word + " "));
      return document;
    } catch (IOException ex) {
      throw EditioException.io(edition, ex.getMessage());
    }
  }

  /**
   * An editor's correction: after a full HTML build, one word of one document changes and the
   * edition is built again, incrementally, by the same builder (as editio serve does).
   */
  static Measure rebuild(Path edition, Path out) throws EditioException {
    try (Builder builder = new Builder()) {
      return rebuild(builder, edition, out);
    }
  }

  private static Measure rebuild(Builder builder, Path edition, Path out) throws EditioException {
    builder.build(edition, out, "html");
    Path document = correct(edition, 2, "Corrected.");
    int[] rendered = new int[1];
    Measure m = measure("rebuild", "documents", () -> {
      rendered[0] = builder.build(edition, out, "html").rendered();
      return 1;
    });
    if (rendered[0] == 0) {
      throw EditioException.io(document, "the rebuild rendered nothing: the correction was not seen");
    }
    return m;
  }

  /**
   * The bytes of the search index a first query loads (the page's scripts search.js and
   * snowball-english.js, loaded with the page, are counted apart).
   */
  static void searchLoads(Path html, java.util.function.Consumer<String> notes) throws EditioException {
    try {
      org.editio.html.SearchLoad index = new org.editio.html.SearchLoad(html.resolve("assets/search"));
      long scripts = Files.size(html.resolve("assets/search.js")) + Files.size(html.resolve("assets/snowball-english.js"));
      long total;
      try (java.util.stream.Stream<Path> all = Files.walk(html.resolve("assets/search"))) {
        total = all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      }
      notes.accept(String.format(Locale.ROOT, "search index %d KiB in all; the page's scripts %d KiB (loaded with the page)",
          total / 1024, scripts / 1024));
      for (String q : FIRST_QUERIES) {
        org.editio.html.SearchLoad.Load load = index.firstQuery(q);
        notes.accept(String.format(Locale.ROOT, "search first query %-26s %5d matches  %3d files  %7.1f KiB",
            "\"" + q + "\"", load.matches(), load.files().size(), load.bytes() / 1024.0));
      }
    } catch (IOException ex) {
      throw EditioException.io(html, "cannot read the search index: " + ex.getMessage());
    }
  }

  /** The floor: parse every document (securely, as editio does) and serialize it back. */
  static int identity(Xml xml, Edition edition, Path dir) throws EditioException {
    try {
      Files.createDirectories(dir);
    } catch (IOException ex) {
      throw EditioException.io(dir, ex.getMessage());
    }
    Parallel.forEach(edition.documents(), (TeiDocument doc) -> {
      try (OutputStream out = Files.newOutputStream(dir.resolve(doc.id() + ".xml"))) {
        Serializer s = xml.processor().newSerializer(out);
        s.serializeNode(xml.parse(doc.file()));
      } catch (IOException | SaxonApiException ex) {
        throw new EditioException(EditioException.USAGE_OR_IO, Problem.error(doc.file(), ex.getMessage()));
      }
    });
    return edition.documents().size();
  }

  static Measure measure(String stage, String unit, Step step) throws EditioException {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    int items = step.run();
    double wall = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return new Measure(stage, items, unit, wall, cpuSeconds, peak);
  }

  /** Removes the benchmark's work folder. */
  public static void clean(Path work) throws IOException {
    org.editio.Folders.delete(work);
  }
}
