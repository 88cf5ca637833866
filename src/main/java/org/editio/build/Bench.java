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
import org.editio.html.HtmlPublisher;
import org.editio.pdf.Fop;
import org.editio.pdf.PdfPublisher;
import org.editio.validate.Validator;
import org.editio.xml.Xml;

/**
 * {@code editio bench}: generates an edition of N documents and publishes it in one JVM, stage
 * by stage, measuring wall time, CPU time of the process and peak heap. Beside the stages it
 * times a plain Saxon identity transform (parse and serialize every document, in parallel as the
 * HTML stage does) as the floor that the HTML stage is compared with.
 */
public final class Bench {

  /** One measured stage. */
  public record Measure(String stage, int items, String unit, double wallSeconds, double cpuSeconds, long peakHeapBytes) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-9s %6d %-9s %8.1f %s/s  wall %7.2f s  cpu %7.2f s  peak heap %5d MiB",
          stage, items, unit, items / wallSeconds, unit, wallSeconds, cpuSeconds, peakHeapBytes / (1024 * 1024));
    }
  }

  /** A step whose time is measured; returns how many items it processed. */
  @FunctionalInterface
  interface Step {
    int run() throws EditioException;
  }

  private Bench() {}

  public static List<Measure> run(Path sample, int documents, List<String> stages, Path work) throws EditioException {
    Path edition = Generator.generate(sample, documents, work.resolve("edition"));
    Xml xml = new Xml();
    List<Measure> results = new ArrayList<>();
    Edition[] loaded = new Edition[1];
    results.add(measure("load", "files", () -> {
      loaded[0] = new EditionLoader(xml).load(edition);
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
        new HtmlPublisher(xml).publish(e, work.resolve("html"), false);
        return e.documents().size();
      }));
    }
    if (stages.contains("pdf")) {
      results.add(measure("pdf", "pages", () -> {
        java.util.Date date = Builder.creationDate(e);
        return new PdfPublisher(xml, new Fop(date), "a4", false, date).publish(e, work.resolve("pdf"));
      }));
    }
    return results;
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
