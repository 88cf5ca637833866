package org.editio.build;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * What the last build made and from what: one row per output file (its path in the output folder,
 * the digest of its recipe, the group it was made with) and one per source file found valid.
 * Stored as {@value #FILE} (tab-separated) beside {@code html/} and {@code pdf/}; it is moved into
 * place last, after the outputs, and removed before they are replaced, so a manifest never
 * describes outputs it did not see made.
 */
final class Manifest {

  /** The manifest's file name in the output folder. */
  static final String FILE = org.editio.Folders.OUTPUT_MARK;

  /** Rows of source files that passed validation; their path is the source file's. */
  static final String VALIDATED = "validated";

  /**
   * Rows of what a build recorded with an output file ({@code Reuse.record}): the path is the
   * output's path, {@value #KEY}, and the key; the recipe column holds the value.
   */
  static final String RECORD = "record";

  /** Between an output's path and a key in the path of a {@link #RECORD} row. */
  static final String KEY = "#";

  /** Bump when the meaning of rows changes: an older manifest is then ignored. */
  private static final String FORMAT = "editio-manifest-1";

  private static final String[] HEADER = {"path", "recipe", "group"};

  /**
   * One row.
   *
   * @param path an output path relative to the output folder, with '/', or a source path, or an
   *     output path and a key (a {@link #RECORD} row)
   * @param recipe the digest of what it was made from (the value of a {@link #RECORD} row)
   * @param group the transform that made it with others ("site", "volume", ...), "file",
   *     {@link #VALIDATED} or {@link #RECORD}
   */
  record Entry(String path, String recipe, String group) {}

  static final Manifest EMPTY = new Manifest(List.of());

  private final Map<String, Entry> byPath = new LinkedHashMap<>();
  /**
   * The {@link #RECORD} rows by the output they are recorded with: asked for every output a build
   * reuses, so not found by a scan of every row (at 10,000 documents that scan made a one-word
   * rebuild take 12 s). A row is filed under each prefix of its path that ends before a
   * {@value #KEY}, as {@link #recordRows} matches them.
   */
  private final Map<String, List<Entry>> records = new java.util.HashMap<>();

  Manifest(Collection<Entry> entries) {
    entries.forEach(e -> byPath.put(e.path(), e));
    for (Entry e : byPath.values()) {
      if (e.group().equals(RECORD)) {
        for (int at = e.path().indexOf(KEY); at >= 0; at = e.path().indexOf(KEY, at + 1)) {
          records.computeIfAbsent(e.path().substring(0, at), k -> new ArrayList<>()).add(e);
        }
      }
    }
  }

  Entry get(String path) {
    return byPath.get(path);
  }

  List<Entry> group(String group) {
    return byPath.values().stream().filter(e -> e.group().equals(group)).toList();
  }

  Collection<Entry> entries() {
    return byPath.values();
  }

  /**
   * Reads the manifest of {@code out}; a missing, older or damaged manifest reads as empty, which
   * only means a full build.
   */
  static Manifest read(Path out) {
    Path file = out.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return EMPTY;
    }
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<CSVRecord> rows = format().builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
      List<Entry> entries = new ArrayList<>();
      boolean formatSeen = false;
      for (CSVRecord row : rows) {
        if (!row.isConsistent()) {
          return EMPTY;
        }
        if (row.get("group").equals(FORMAT)) {
          formatSeen = true;
          continue;
        }
        entries.add(new Entry(row.get("path"), row.get("recipe"), row.get("group")));
      }
      return formatSeen ? new Manifest(entries) : EMPTY;
    } catch (IOException | RuntimeException e) {
      return EMPTY;
    }
  }

  /** Writes the manifest, rows sorted by group and path so that equal builds write equal files. */
  void write(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, format().builder().setHeader(HEADER).get())) {
      printer.printRecord("", "", FORMAT);
      for (Entry e : byPath.values().stream()
          .sorted(Comparator.comparing(Entry::group).thenComparing(Entry::path)).toList()) {
        printer.printRecord(e.path(), e.recipe(), e.group());
      }
    }
  }

  /** What was recorded with the output {@code path}: key to value. */
  Map<String, String> record(String path) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Entry e : recordRows(path)) {
      values.put(e.path().substring(path.length() + KEY.length()), e.recipe());
    }
    return values;
  }

  /** The rows recorded with the output {@code path}. */
  List<Entry> recordRows(String path) {
    return List.copyOf(records.getOrDefault(path, List.of()));
  }

  /** The rows of the outputs of a part: the files under {@code part/} (e.g. "pdf"), or the file {@code part}. */
  List<Entry> part(String part) {
    return byPath.values().stream().filter(e -> (e.path().equals(part) || e.path().startsWith(part + "/"))
            && !e.group().equals(VALIDATED))
        .collect(Collectors.toList());
  }

  private static CSVFormat format() {
    return CSVFormat.TDF.builder().setRecordSeparator('\n').get();
  }
}
