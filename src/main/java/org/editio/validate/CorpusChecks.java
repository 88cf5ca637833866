package org.editio.validate;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.editio.Problem;
import org.editio.Problem.Severity;
import org.editio.xml.Xml;

/**
 * The checks that need every file of an edition at once, run once per edition: ids unique
 * across the edition, pointers that resolve (into the same document, another document, a
 * register or edition.xml), and register entries that nothing points to.
 *
 * <p>What a pointer is (a link to the web, a file of the edition, an id, a pointer scheme such
 * as {@code #range(a,b)}, a private URI a {@code prefixDef} expands) is decided by the stylesheet
 * function {@code f:pointers} in {@code xslt/common/pointers.xsl}, the same definition the
 * outputs link by. Only pointers into the files read here are checked; links to the web are
 * links, never read or looked up.
 *
 * <p>In an edition (with edition.xml) a pointer that leads nowhere is an error: the edition
 * promises its links. TEI from elsewhere publishes with warnings: a pointer into a file that is
 * not published with it is one warning per document and file, not one per pointer.
 */
final class CorpusChecks {

  static final QName XML_ID = new QName("http://www.w3.org/XML/1998/namespace", "id");

  private static final QName F_POINTERS = new QName("http://editio.org/ns/function", "pointers");

  private static final Set<String> REGISTER_ENTRIES = Set.of("person", "place", "org");

  private CorpusChecks() {}

  /** A file of the edition and its role. */
  record File(Path path, XdmNode tree, boolean document, boolean register) {}

  /** One pointer as {@code f:pointer} reads it, on the element it stands on. */
  record Pointer(XdmNode element, String attribute, String kind, String pointer, String file, String scheme,
      List<String> ids) {}

  /**
   * @param pointers each file's pointers, as {@link #pointers} reads them (the validator keeps
   *     them between builds for trees it has read before)
   * @param edition whether the files form an edition: then every pointer must reach a file of it
   *     and unused register entries are reported; loose TEI is only checked for what it can reach,
   *     and what it cannot reach is a warning
   * @param folder the folder of the files (what a pointer to a file not read here may name without a
   *     warning in loose TEI: a file beside them), or null
   */
  static List<Problem> run(List<File> files, boolean edition, java.util.function.Function<XdmNode, List<Pointer>> pointers,
      Path folder) {
    List<Problem> problems = new ArrayList<>();
    Map<URI, Map<String, XdmNode>> idsByFile = new HashMap<>();
    Map<String, XdmNode> firstWithId = new HashMap<>();
    Map<String, Path> fileOfFirst = new HashMap<>();
    Severity severity = edition ? Severity.ERROR : Severity.WARNING;

    // 1. ids: unique across documents (registers and edition.xml have their own namespaces of ids
    //    addressed through their file name, so they are checked only within themselves).
    for (File f : files) {
      Map<String, XdmNode> ids = new LinkedHashMap<>();
      for (XdmNode e : elements(f.tree())) {
        String id = e.getAttributeValue(XML_ID);
        if (id == null) {
          continue;
        }
        XdmNode earlier = ids.putIfAbsent(id, e);
        if (earlier != null) {
          problems.add(problem(f.path(), e, severity, "the id '" + id + "' is used twice in this file"
              + " (first at line " + earlier.getLineNumber() + "): make it unique"
              + (edition ? "" : "; links to it lead to the first"), "id-unique"));
          continue;
        }
        if (f.document() && edition) {
          // an edition gathers its documents into one volume: their ids must not collide; loose
          // TEI files each have their own ids (the PDF volume scopes them per document)
          XdmNode first = firstWithId.putIfAbsent(id, e);
          if (first != null) {
            problems.add(problem(f.path(), e, Severity.ERROR, "the id '" + id + "' is already used in "
                + Problem.displayPath(fileOfFirst.get(id)) + ":" + first.getLineNumber()
                + ": ids must be unique across the whole edition", "id-unique"));
          } else {
            fileOfFirst.put(id, f.path());
          }
        }
      }
      idsByFile.put(key(f.path().toUri()), ids);
    }

    // 2. pointers
    Set<String> pointedAt = new HashSet<>();
    // register entries an unresolved pointer probably means (its "did you mean"): not reported unused
    Set<String> meant = new HashSet<>();
    for (File f : files) {
      URI self = key(f.path().toUri());
      // loose TEI: pointers into a file that is not here, counted per file they lead to
      Map<URI, List<Pointer>> elsewhere = new LinkedHashMap<>();
      for (Pointer p : pointers.apply(f.tree())) {
        URI target;
        switch (p.kind()) {
          case "local" -> target = self;
          case "file" -> {
            try {
              target = key(URI.create(p.file()));
            } catch (IllegalArgumentException e) {
              problems.add(problem(f.path(), p.element(), severity, "@" + p.attribute() + " '" + p.pointer()
                  + "' is not a valid pointer", "pointer-resolves"));
              continue;
            }
          }
          default -> {
            continue; // none, a web link or an absolute URI: a link, never followed
          }
        }
        Map<String, XdmNode> ids = idsByFile.get(target);
        if (ids == null) {
          if (besideTheFiles(target, folder) && (!edition || p.ids().isEmpty())) {
            continue; // a file beside them, not read in this run: its ids are not known here
          }
          if (edition) {
            problems.add(problem(f.path(), p.element(), Severity.ERROR, "@" + p.attribute() + " '" + p.pointer()
                + "' points to '" + fileOf(p.pointer()) + "', which is not a file of the edition", "pointer-resolves"));
          } else {
            elsewhere.computeIfAbsent(target, t -> new ArrayList<>()).add(p);
          }
          continue;
        }
        String name = target.equals(self) ? "this document" : fileName(fileOf(p.pointer()));
        for (String id : p.ids()) {
          if (!ids.containsKey(id)) {
            String what = p.scheme() == null
                ? "'" + p.pointer() + "' does not resolve: " + name + " has no xml:id '" + id + "'"
                : "'" + p.pointer() + "' names '" + id + "' (in its " + p.scheme() + "() pointer), which is not an xml:id of " + name;
            String closest = closest(id, ids.keySet());
            problems.add(problem(f.path(), p.element(), severity, "@" + p.attribute() + " " + what
                + (closest == null ? "" : " (did you mean '" + closest + "'?)"), "pointer-resolves"));
            if (closest != null && f.document()) {
              meant.add(target + "#" + closest); // a typo's entry is not one to remove (see 3.)
            }
          } else if (f.document()) {
            pointedAt.add(target + "#" + id);
          }
        }
      }
      elsewhere.forEach((target, list) -> {
        Pointer first = list.get(0);
        problems.add(problem(f.path(), first.element(), Severity.WARNING, "@" + first.attribute() + " '" + first.pointer() + "'"
            + (list.size() > 1 ? " and " + (list.size() - 1) + " more pointer" + (list.size() > 2 ? "s" : "") : "")
            + " lead" + (list.size() > 1 ? "" : "s") + " into '" + fileOf(first.pointer()) + "', which is not published here:"
            + " " + (list.size() > 1 ? "they stay" : "it stays") + " in the text, not linked", "pointer-resolves"));
      });
    }

    // 3. register entries nothing points to
    for (File f : files) {
      if (!edition || !f.register()) {
        continue;
      }
      URI self = key(f.path().toUri());
      for (XdmNode e : elements(f.tree())) {
        String id = e.getAttributeValue(XML_ID);
        if (id != null && REGISTER_ENTRIES.contains(e.getNodeName().getLocalName())
            && Xml.TEI_NS.equals(e.getNodeName().getNamespace())
            && !pointedAt.contains(self + "#" + id) && !meant.contains(self + "#" + id)) {
          problems.add(problem(f.path(), e, Severity.WARNING, "the register entry '" + id
              + "' is not mentioned in any document: link a mention to it or remove it", "register-unused"));
        }
      }
    }
    return problems;
  }

  /**
   * The checks of one file that need nothing of the others, run with its own validation (so a
   * rebuild checks only the files that changed: run over every file with the corpus checks, they
   * took a third of a one-word rebuild's validation at 1,000 documents):
   *
   * <ul>
   *   <li>an empty {@code g} prints the character its declaration (charDecl's char or glyph) maps
   *       it to; a declaration without a mapping leaves the outputs a placeholder (f:glyph-mapping):
   *       warning {@code glyph-mapping};
   *   <li>C1 control characters (U+0080 to U+009F) in a document's text: valid XML 1.0, but almost
   *       always Windows-1252 decoded as Latin-1 in a converted file; a browser shows the page's
   *       U+0096 as "–" (HTML maps these references to Windows-1252), the e-book keeps the control,
   *       the PDF refuses it. One warning per element, naming the character it probably was:
   *       {@code control-character}.
   * </ul>
   */
  static List<Problem> fileChecks(File f) {
    List<Problem> problems = new ArrayList<>();
    Map<String, XdmNode> ids = null;
    for (XdmNode e : elements(f.tree())) {
      if (isTei(e, "g") && e.getStringValue().isBlank() && !hasElementChild(e)) {
        if (ids == null) {
          ids = new HashMap<>();
          for (XdmNode other : elements(f.tree())) {
            String id = other.getAttributeValue(XML_ID);
            if (id != null) {
              ids.putIfAbsent(id, other);
            }
          }
        }
        String ref = e.getAttributeValue(new QName("ref"));
        String pointer = ref == null ? "" : ref.strip().split("\\s+")[0];
        XdmNode declaration = pointer.startsWith("#") ? ids.get(pointer.substring(1)) : null;
        if (declaration != null && (isTei(declaration, "char") || isTei(declaration, "glyph")) && !hasMapping(declaration)) {
          String kind = declaration.getNodeName().getLocalName();
          problems.add(problem(f.path(), e, Severity.WARNING, "the g is empty and the " + kind + " '" + pointer.substring(1)
              + "' it points to has no mapping: the outputs print \u25CA in its place; add <mapping type=\"standard\">"
              + "\u2026</mapping> to the " + kind + ", or write the character inside the g", "glyph-mapping"));
        }
      }
      if (f.document()) {
        boolean control = false;
        for (XdmNode c : e.children()) {
          control |= c.getNodeKind() == XdmNodeKind.TEXT && c.getStringValue().chars().anyMatch(ch -> ch >= 0x80 && ch <= 0x9F);
        }
        if (control) {
          // the element's own text, for the controls in the order it has them
          StringBuilder own = new StringBuilder();
          e.children().forEach(c -> {
            if (c.getNodeKind() == XdmNodeKind.TEXT) {
              own.append(c.getStringValue());
            }
          });
          String controls = own.codePoints().filter(cp -> cp >= 0x80 && cp <= 0x9F).distinct()
              .mapToObj(CorpusChecks::describeControl).reduce((x, y) -> x + ", " + y).orElse("");
          problems.add(problem(f.path(), e, Severity.WARNING, "control character " + controls
              + " in the text: probably a character of Windows-1252 read as Latin-1 when the file was converted;"
              + " write the character itself", "control-character"));
        }
      }
    }
    return problems;
  }

  /** Every pointer of a file, read by {@code f:pointers}. */
  static List<Pointer> pointers(Xslt30Transformer transformer, XdmNode tree) {
    XdmValue found;
    try {
      found = transformer.callFunction(F_POINTERS, new XdmValue[] {tree});
    } catch (SaxonApiException e) {
      throw new IllegalStateException("f:pointers failed: " + e.getMessage(), e);
    }
    List<Pointer> list = new ArrayList<>();
    for (var item : found) {
      XdmMap m = (XdmMap) item;
      List<String> ids = new ArrayList<>();
      m.get("ids").forEach(i -> ids.add(i.getStringValue()));
      list.add(new Pointer((XdmNode) m.get("element").itemAt(0), string(m, "attribute"), string(m, "kind"),
          string(m, "pointer"), string(m, "file"), string(m, "scheme"), ids));
    }
    return list;
  }

  private static String string(XdmMap map, String key) {
    XdmValue v = map.get(key);
    return v == null || v.isEmpty() ? null : v.itemAt(0).getStringValue();
  }

  /** The form file URIs are compared in. */
  private static URI key(URI uri) {
    return URI.create(uri.toString().replaceFirst("^file:/+", "file:///")).normalize();
  }

  /** Whether a file not read in this run lies in the folder of the files read (a stat, never a read). */
  private static boolean besideTheFiles(URI target, Path folder) {
    if (folder == null || !"file".equals(target.getScheme())) {
      return false;
    }
    try {
      Path file = Path.of(target).normalize();
      return file.startsWith(folder.toAbsolutePath().normalize()) && Files.isRegularFile(file);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String fileOf(String pointer) {
    int hash = pointer.indexOf('#');
    return hash < 0 ? pointer : pointer.substring(0, hash);
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The closest existing id, when one is close (a typo is the usual cause); else null. */
  private static String closest(String wanted, Set<String> ids) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String id : ids) {
      int d = distance(wanted, id);
      if (d < bestDistance) {
        bestDistance = d;
        best = id;
      }
    }
    return best != null && bestDistance <= Math.max(2, wanted.length() / 4) ? best : null;
  }

  /** Levenshtein distance, for suggestions only. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static Iterable<XdmNode> elements(XdmNode tree) {
    return tree.select(net.sf.saxon.s9api.streams.Steps.descendant()
        .where(n -> n.getNodeKind() == XdmNodeKind.ELEMENT)).asListOfNodes();
  }

  /** Windows-1252's characters for the bytes 0x80 to 0x9F (U+FFFD where it has none). */
  private static final String WINDOWS_1252 =
      "\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD"
      + "\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178";

  private static String describeControl(int cp) {
    char meant = WINDOWS_1252.charAt(cp - 0x80);
    return String.format("U+%04X", cp) + (meant == '\uFFFD' ? "" : " (probably '" + meant + "')");
  }

  private static final String TEI = "http://www.tei-c.org/ns/1.0";

  private static boolean isTei(XdmNode e, String name) {
    return e.getNodeName() != null && TEI.equals(e.getNodeName().getNamespace()) && name.equals(e.getNodeName().getLocalName());
  }

  private static boolean hasElementChild(XdmNode e) {
    return e.select(net.sf.saxon.s9api.streams.Steps.child()
        .where(n -> n.getNodeKind() == XdmNodeKind.ELEMENT)).findAny().isPresent();
  }

  /** Whether a char or glyph declares a character for it: a mapping that is not blank. */
  private static boolean hasMapping(XdmNode declaration) {
    return declaration.select(net.sf.saxon.s9api.streams.Steps.child()
        .where(n -> n.getNodeKind() == XdmNodeKind.ELEMENT && isTei(n, "mapping") && !n.getStringValue().isBlank())).findAny().isPresent();
  }

  static Problem problem(Path file, XdmNode e, Severity severity, String message, String rule) {
    return new Problem(file, e.getLineNumber(), e.getColumnNumber(), severity, message, rule);
  }

}
