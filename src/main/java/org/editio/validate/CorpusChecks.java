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
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import org.editio.Problem;
import org.editio.Problem.Severity;
import org.editio.xml.Xml;

/**
 * The checks that need every file of an edition at once, run once per edition: ids unique
 * across the edition, pointers that resolve (into the same document, another document, a
 * register or edition.xml), and register entries that nothing points to.
 */
final class CorpusChecks {

  static final QName XML_ID = new QName("http://www.w3.org/XML/1998/namespace", "id");

  /** Attributes that hold pointers. */
  static final List<String> POINTER_ATTRIBUTES = List.of("ref", "corresp", "target", "resp", "scheme", "who");

  private static final Set<String> REGISTER_ENTRIES = Set.of("person", "place", "org");

  private CorpusChecks() {}

  /** A file of the edition and its role. */
  record File(Path path, XdmNode tree, boolean document, boolean register) {}

  /**
   * @param edition whether the files form an edition: then every pointer must reach a file of it
   *     and unused register entries are reported; loose TEI is only checked for what it can reach
   */
  static List<Problem> run(List<File> files, boolean edition) {
    List<Problem> problems = new ArrayList<>();
    Map<URI, Map<String, XdmNode>> idsByFile = new HashMap<>();
    Map<String, XdmNode> firstWithId = new HashMap<>();
    Map<String, Path> fileOfFirst = new HashMap<>();

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
          problems.add(problem(f.path(), e, Severity.ERROR, "the id '" + id + "' is used twice in this file"
              + " (first at line " + earlier.getLineNumber() + "): make it unique", "id-unique"));
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
      idsByFile.put(f.path().toUri().normalize(), ids);
    }

    // 2. pointers
    Set<String> pointedAt = new HashSet<>();
    for (File f : files) {
      URI base = f.path().toUri();
      for (XdmNode e : elements(f.tree())) {
        for (String attribute : POINTER_ATTRIBUTES) {
          String value = e.getAttributeValue(new QName(attribute));
          if (value == null) {
            continue;
          }
          for (String pointer : value.trim().split("\\s+")) {
            String problem = resolve(pointer, base, idsByFile, f.document(), pointedAt, edition);
            if (problem != null) {
              problems.add(problem(f.path(), e, Severity.ERROR, "@" + attribute + " " + problem, "pointer-resolves"));
            }
          }
        }
      }
    }

    // 3. register entries nothing points to
    for (File f : files) {
      if (!edition || !f.register()) {
        continue;
      }
      for (XdmNode e : elements(f.tree())) {
        String id = e.getAttributeValue(XML_ID);
        if (id != null && REGISTER_ENTRIES.contains(e.getNodeName().getLocalName())
            && Xml.TEI_NS.equals(e.getNodeName().getNamespace())
            && !pointedAt.contains(f.path() + "#" + id)) {
          problems.add(problem(f.path(), e, Severity.WARNING, "the register entry '" + id
              + "' is not mentioned in any document: link a mention to it or remove it", "register-unused"));
        }
      }
    }
    return problems;
  }

  /** Null when the pointer resolves, else what is wrong. */
  private static String resolve(String pointer, URI base, Map<URI, Map<String, XdmNode>> idsByFile,
      boolean fromDocument, Set<String> pointedAt, boolean edition) {
    if (pointer.isEmpty() || pointer.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return null; // an absolute URI (https:, mailto:): outside the edition
    }
    int hash = pointer.indexOf('#');
    String file = hash < 0 ? pointer : pointer.substring(0, hash);
    String fragment = hash < 0 ? "" : pointer.substring(hash + 1);
    URI target;
    try {
      target = file.isEmpty() ? base.normalize() : base.resolve(file.replace(" ", "%20")).normalize();
    } catch (IllegalArgumentException e) {
      return "'" + pointer + "' is not a valid pointer";
    }
    Map<String, XdmNode> ids = idsByFile.get(target);
    if (ids == null) {
      if (!"file".equals(target.getScheme()) || (target.getAuthority() != null && !target.getAuthority().isEmpty())) {
        // "//host/x", a network path: not a file of the edition, and never read
        return "'" + pointer + "' points to another host, which is not a file of the edition";
      }
      if (Files.exists(Path.of(target.getPath())) && (fragment.isEmpty() || !edition)) {
        return null; // a file outside the set checked: its ids are not known here
      }
      return "'" + pointer + "' points to " + (file.isEmpty() ? "this file" : "'" + file + "'")
          + ", which is not a file of the edition";
    }
    if (fragment.isEmpty()) {
      return null;
    }
    if (!ids.containsKey(fragment)) {
      String name = file.isEmpty() ? "this document" : file.substring(file.lastIndexOf('/') + 1);
      return "'" + pointer + "' does not resolve: " + name + " has no xml:id '" + fragment + "'"
          + suggestion(fragment, ids.keySet());
    }
    if (fromDocument) {
      pointedAt.add(Path.of(target) + "#" + fragment);
    }
    return null;
  }

  /** The closest existing id, when one is close: a typo is the usual cause. */
  private static String suggestion(String wanted, Set<String> ids) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String id : ids) {
      int d = distance(wanted, id);
      if (d < bestDistance) {
        bestDistance = d;
        best = id;
      }
    }
    return best != null && bestDistance <= Math.max(2, wanted.length() / 4) ? " (did you mean '" + best + "'?)" : "";
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

  static Problem problem(Path file, XdmNode e, Severity severity, String message, String rule) {
    return new Problem(file, e.getLineNumber(), e.getColumnNumber(), severity, message, rule);
  }

}
