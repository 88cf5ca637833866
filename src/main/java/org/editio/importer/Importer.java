package org.editio.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XdmNode;
import org.editio.EditioException;
import org.editio.Problem;
import org.editio.edition.EditionLoader;
import org.editio.validate.Validator;
import org.editio.xml.Xml;

/**
 * {@code editio import}: archive pages (HTML, text, directories of them, http(s) URLs) to one
 * TEI file per document.
 *
 * <p>What it promises, and checks on every page before it writes anything for it:
 *
 * <ul>
 *   <li>every word of the page after its site banner is in the TEI, in page order
 *       ({@link TextCheck}); where the importer is unsure what a passage is, the passage stays
 *       where it stands and a warning, located on the page, says which document holds it;
 *   <li>every document it writes into an edition is valid there: the edition's schema, its
 *       editorial rules and pointers ({@link Validator#checkUnwritten}); a document whose page
 *       gives no date is dated by the editors from the page's context ({@link Dating}), with a
 *       warning, rather than written invalid or refused.
 * </ul>
 *
 * A page that cannot be read, holds no recognisable document, or fails those checks is reported
 * and nothing is written for it; the other pages are still imported. A page's documents are
 * written together or not at all. Existing files are never overwritten without {@code force};
 * the same page always gives the same bytes.
 */
public final class Importer {

  /** What an import did. */
  public record Result(List<Path> written, List<Path> unchanged, List<Problem> problems) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }
  }

  /** One page's documents, made and checked, waiting to be written. */
  private record Made(Path file, Map<Path, String> outputs, Map<Path, Draft.Para> starts) {}

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
    // documents/ of an edition: link what the edition's registers know (the AVP RF), and check
    // every document in the edition before it is written
    Path target = out.toAbsolutePath().normalize();
    Path registersDir = target.getParent() == null ? null : target.getParent().resolve("registers");
    String repositoryRef = registersDir != null && Files.isDirectory(registersDir)
        ? Registers.read(xml, registersDir).pointer(Registers.Kind.ORG, "AVP RF").orElse(null) : null;
    Optional<Path> edition = target.getParent() != null && Files.isRegularFile(target.getParent().resolve(EditionLoader.EDITION_FILE))
        ? Optional.of(target.getParent()) : Optional.empty();
    List<Made> made = new ArrayList<>();
    for (String source : sources) {
      for (String item : expand(source)) {
        Made m = page(item, url, target, ids, repositoryRef, problems);
        if (m != null) {
          made.add(m);
        }
      }
    }
    if (edition.isPresent() && !made.isEmpty()) {
      made = validInEdition(edition.get(), made, problems);
    }
    for (Made m : made) {
      TeiFiles.writeTogether(m.outputs(), force, written, unchanged, problems, "import", m.file());
    }
    return new Result(written, unchanged, problems);
  }

  /** Reads, parses, dates, builds and checks one page; null when nothing can be written for it. */
  private Made page(String item, String url, Path out, Set<String> ids, String repositoryRef, List<Problem> problems) {
    Path file = isUrl(item) ? null : Path.of(item);
    Path where = file == null ? Path.of(item.replaceAll("[^\\w.:/-]", "_")) : file;
    Page page;
    try {
      page = isUrl(item) ? PageReader.fetch(item) : PageReader.readFile(file, url);
    } catch (PageReader.Unreadable e) {
      problems.add(error(item, e.getMessage()));
      return null;
    }
    List<Warning> warnings = new ArrayList<>();
    if (page.charsetNote() != null) {
      warnings.add(new Warning(1, 1, page.charsetNote()));
    }
    PageParser.Result parsed = PageParser.parse(page);
    List<Draft> documents = parsed.documents();
    boolean dated = documents.stream().anyMatch(d -> d.date != null && d.date.complete());
    boolean headed = documents.stream().anyMatch(d -> PageParser.looksLikeTitle(d.titleText()) || d.date != null);
    if (documents.isEmpty() || !parsed.banner() && !dated) {
      problems.add(error(item, parsed.banner()
          ? "no recognisable document on the page (no title followed by a date line)"
          : "not a page of the document archive: no site banner and no document with a title and a date"));
      return null;
    }
    if (!headed) {
      problems.add(error(item, "no recognisable document on the page: no heading (\"Telegram of ...\", \"Record of ...\")"
          + " and no date line"));
      return null;
    }
    if (!parsed.banner()) {
      warnings.add(new Warning(1, 1, "the page has no site banner (\"Download PDF\"); read as a page of the archive all the same"));
    }
    Dating.assign(documents, page, parsed.span());
    Map<Path, String> outputs = new LinkedHashMap<>();
    Map<Path, Draft.Para> starts = new LinkedHashMap<>();
    List<XdmNode> trees = new ArrayList<>();
    for (Draft d : documents) {
      String id = uniqueId(baseId(d, page), ids);
      if (d.dating.warning != null) {
        warnings.add(Warning.at(d.first(), "document " + d.sequence + " of the page (" + id + ") " + d.dating.warning
            + "; the date is marked as the editors' (cert=\"" + d.dating.cert + "\") and a note says why: check it"));
      }
      if (d.incomplete) {
        warnings.add(Warning.at(lastPara(d), "the page stops inside document " + d.sequence + " (" + id + "): its text ends with"
            + " <gap reason=\"source-incomplete\"/> and an editorial note"));
      }
      String tei = new TeiBuilder(d, id, page, warnings).repository(repositoryRef).build();
      Path output = out.resolve(id + ".xml");
      try {
        trees.add(xml.parse(tei, output.toUri()));
      } catch (EditioException e) {
        problems.add(error(item, "internal: the TEI made for " + id + " is not well-formed (" + e.getMessage()
            + "): nothing written for this page (a fault of editio import: please report it with the page)"));
        return null;
      }
      outputs.put(output, tei);
      starts.put(output, d.first());
    }
    for (Warning w : warnings) {
      problems.add(new Problem(where, w.line(), w.column(), Problem.Severity.WARNING, w.message(), "import"));
    }
    Optional<Problem> lost = TextCheck.compare(page, parsed.bannerEnd(), trees, where);
    if (lost.isPresent()) {
      problems.add(lost.get());
      return null;
    }
    return new Made(where, outputs, starts);
  }

  private static Draft.Para lastPara(Draft d) {
    return d.body.isEmpty() ? d.first() : d.body.get(d.body.size() - 1).para();
  }

  /**
   * The pages whose documents are all valid in the edition they are written into; for the
   * others, an error at the page for each problem, and nothing is written.
   */
  private List<Made> validInEdition(Path edition, List<Made> made, List<Problem> problems) throws EditioException {
    Map<Path, String> all = new LinkedHashMap<>();
    made.forEach(m -> all.putAll(m.outputs()));
    List<Problem> found = new Validator(xml).checkUnwritten(edition, all).stream().filter(Problem::isError).toList();
    List<Made> valid = new ArrayList<>();
    for (Made m : made) {
      boolean ok = true;
      for (Problem p : found) {
        Path f = p.file().toAbsolutePath().normalize();
        if (m.outputs().containsKey(f)) {
          Draft.Para at = m.starts().get(f);
          problems.add(new Problem(m.file(), at.line(), at.column(), Problem.Severity.ERROR, "the TEI made for "
              + f.getFileName() + " would not be valid in the edition " + Problem.displayPath(edition) + " (line " + p.line()
              + " of the TEI: " + p.message() + (p.rule() == null ? "" : " [" + p.rule() + "]")
              + "); nothing written for this page", "import-valid"));
          ok = false;
        }
      }
      if (ok) {
        valid.add(m);
      }
    }
    return valid;
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
      throw EditioException.io(p, "cannot list: " + org.editio.Messages.io(e));
    }
  }

  /**
   * d + the ISO date (or "YYYY-undated", "undated" for a document the page does not date) + the
   * sender's surname (or the document type), as encoding.md names files.
   */
  static String baseId(Draft d, Page page) {
    String date = d.dating == null ? "undated" : d.dating.idPart();
    TeiBuilder probe = new TeiBuilder(d, "probe", page, new ArrayList<>());
    String who = probe.sender();
    if (who == null) {
      String type = TeiBuilder.type(probe.headerTitle());
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
