package org.editio.importer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.editio.EditioException;
import org.editio.Problem;
import org.editio.xml.Xml;

/**
 * {@code editio import}: archive pages (HTML, text, directories of them, http(s) URLs) to one
 * TEI file per document. A page that cannot be read or holds no recognisable document is
 * reported and skipped, and the other pages are still imported; nothing is written for it.
 * Existing files are never overwritten without {@code force}; the same page always gives the
 * same bytes.
 */
public final class Importer {

  /** What an import did. */
  public record Result(List<Path> written, List<Path> unchanged, List<Problem> problems) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }
  }

  private final Xml xml;

  public Importer(Xml xml) {
    this.xml = xml;
  }

  /**
   * Imports {@code sources} into {@code out}.
   *
   * @param url the page's address, for a single text rendering that does not carry it (or null)
   */
  public Result run(List<String> sources, Path out, boolean force, String url) throws EditioException {
    List<Problem> problems = new ArrayList<>();
    List<Path> written = new ArrayList<>();
    List<Path> unchanged = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    // documents/ of an edition: link what the edition's registers know (the AVP RF)
    Path registersDir = out.toAbsolutePath().getParent() == null ? null : out.toAbsolutePath().getParent().resolve("registers");
    String repositoryRef = registersDir != null && Files.isDirectory(registersDir)
        ? Registers.read(xml, registersDir).pointer(Registers.Kind.ORG, "AVP RF").orElse(null) : null;
    for (String source : sources) {
      for (String item : expand(source)) {
        Path file = isUrl(item) ? null : Path.of(item);
        Page page;
        try {
          page = isUrl(item) ? PageReader.fetch(item) : PageReader.readFile(file, url);
        } catch (PageReader.Unreadable e) {
          problems.add(error(item, e.getMessage()));
          continue;
        }
        Map<Path, String> outputs = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        if (page.charsetNote() != null) {
          warnings.add(page.charsetNote());
        }
        PageParser.Result parsed = PageParser.parse(page);
        warnings.addAll(parsed.warnings());
        List<Draft> documents = parsed.documents().stream()
            .filter(d -> d.date != null || d.incomplete && PageParser.looksLikeTitle(d.title)).toList();
        if (documents.isEmpty() || !parsed.banner() && parsed.documents().stream().noneMatch(d -> d.date != null)) {
          problems.add(error(item, parsed.banner()
              ? "no recognisable document on the page (no title followed by a date line)"
              : "not a page of the document archive: no site banner and no document with a title and a date"));
          continue;
        }
        if (!parsed.banner()) {
          warnings.add("the page has no site banner (\"Download PDF\"); read as a page of the archive all the same");
        }
        for (Draft d : parsed.documents()) {
          if (d.date == null && !d.incomplete) {
            warnings.add("a passage that looks like a document has no date line; kept as text of the previous document: \""
                + d.title.substring(0, Math.min(50, d.title.length())) + "\"");
          }
        }
        boolean bad = false;
        for (Draft d : documents) {
          String id = uniqueId(baseId(d, page), ids);
          TeiBuilder builder = new TeiBuilder(d, id, page, warnings).repository(repositoryRef);
          String tei = builder.build();
          try {
            xml.parse(tei, out.toAbsolutePath().resolve(id + ".xml").toUri());
          } catch (EditioException e) {
            problems.add(error(item, "internal: the TEI written for " + id + " is not well-formed: " + e.getMessage()));
            bad = true;
          }
          outputs.put(out.resolve(id + ".xml"), tei);
        }
        for (String w : warnings) {
          problems.add(new Problem(file == null ? Path.of(item) : file, 1, 0, Problem.Severity.WARNING, w, "import"));
        }
        if (bad) {
          continue;
        }
        TeiFiles.write(outputs, force, written, unchanged, problems, "import");
      }
    }
    return new Result(written, unchanged, problems);
  }

  private static Problem error(String item, String message) {
    return new Problem(Path.of(isUrl(item) ? item.replaceAll("[^\\w.:/-]", "_") : item), 0, 0,
        Problem.Severity.ERROR, message, "import");
  }

  static boolean isUrl(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://");
  }

  /** A directory stands for its pages (.htm, .html, .txt), in name order. */
  private static List<String> expand(String source) throws EditioException {
    if (isUrl(source)) {
      return List.of(source);
    }
    Path p = Path.of(source);
    if (!Files.exists(p)) {
      throw EditioException.io(p, "no such file or directory");
    }
    if (!Files.isDirectory(p)) {
      return List.of(source);
    }
    try (Stream<Path> s = Files.list(p)) {
      return s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(html?|txt)\\s*$"))
          .map(Path::toString).sorted().toList();
    } catch (IOException e) {
      throw EditioException.io(p, "cannot list: " + e.getMessage());
    }
  }

  /** d + ISO date + the sender's surname (or the document type), as encoding.md names files. */
  static String baseId(Draft d, Page page) {
    String date = d.date == null ? "undated" : d.date.sortKey();
    TeiBuilder probe = new TeiBuilder(d, "probe", page, new ArrayList<>());
    String who = probe.sender();
    if (who == null) {
      String type = TeiBuilder.type(TeiBuilder.plainTitle(d.title));
      who = type == null ? "document" : type;
    }
    String slug = CalendarGenerator.slug(who);
    return "d" + date + "-" + (slug.isEmpty() ? "document" : slug);
  }

  private static String uniqueId(String base, Set<String> ids) {
    String id = base;
    for (int n = 2; !ids.add(id); n++) {
      id = base + "-" + n;
    }
    return id;
  }

}
