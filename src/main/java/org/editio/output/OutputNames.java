package org.editio.output;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.editio.Digest;

/**
 * How ids and file names of an edition become names of output files: a document's page {@code
 * documents/NAME.html}, its TEI copy and its PDF, a register's page, the volume. Ids come from the
 * edition's files ({@code TEI/@xml:id}, a file name), which are untrusted: {@code ../x},
 * {@code /etc/passwd}, an empty id, 300 characters, spaces, {@code CON} on Windows, a leading dot.
 * Every string maps to a name that is
 * <ul>
 *   <li><b>safe</b>: letters and digits of any script (NFC), {@code -}, {@code _} and inner dots
 *       only, so it never leaves its folder, never hides, needs no escaping in a URL path, and
 *       is no device name on Windows;
 *   <li><b>readable</b>: an ordinary id is its own name ({@code d1937-05-14-litvinov}); others
 *       keep what they can ({@code ../etc/passwd} becomes {@code etc-passwd});
 *   <li><b>unique</b> within the edition, also on file systems that ignore case: a name taken
 *       by an earlier id (in sorted order, so builds repeat) gets {@code -2}, {@code -3}...;
 *   <li><b>short</b>: at most {@value #MAX_LENGTH} characters; a longer id is cut and given a
 *       digest of the whole, so that two long ids stay apart.
 * </ul>
 * {@link OutputLayout} decides the names once per build and builds every path from them, the
 * paths the stylesheets link to included (the {@code $layout} map), so a page's links always name
 * the files that were written. Nothing else turns an id into a file name.
 */
final class OutputNames {

  /** Longest name (without extension): far below the 255 bytes of common file systems. */
  static final int MAX_LENGTH = 100;

  private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}\\p{M}._-]+");
  private static final Pattern WINDOWS_DEVICE =
      Pattern.compile("(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\\..*)?");

  private final Map<String, String> names;

  private OutputNames(Map<String, String> names) {
    this.names = names;
  }

  /** Names for these ids (document ids), decided together so they are unique. */
  static OutputNames of(Collection<String> ids) {
    return of(ids, id -> id);
  }

  /**
   * Names for these keys, each made from {@code readable(key)} (a register's file name, keyed by
   * its URI), decided together so they are unique.
   */
  static OutputNames of(Collection<String> keys, java.util.function.Function<String, String> readable) {
    Map<String, String> names = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (String id : keys.stream().distinct().sorted().toList()) {
      String base = safe(readable.apply(id));
      String name = base;
      for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
        name = base + "-" + n;
      }
      names.put(id, name);
    }
    return new OutputNames(names);
  }

  /** The name of {@code id}'s outputs (without extension). */
  String name(String id) {
    String name = names.get(id);
    if (name == null) {
      throw new IllegalArgumentException("no output name was decided for the id '" + id + "'");
    }
    return name;
  }

  /** The name of a single output (the volume, named by the edition's id). */
  static String single(String id) {
    return safe(id);
  }

  /** One id on its own: safe, readable, short; not yet unique (see {@link #of}). */
  static String safe(String id) {
    String s = Normalizer.normalize(id == null ? "" : id, Normalizer.Form.NFC);
    s = UNSAFE.matcher(s).replaceAll("-");
    s = s.replaceAll("-{2,}", "-").replaceAll("\\.{2,}", ".");
    // no leading dot (hidden files, "..") or dash (read as an option), none at the end (Windows drops it)
    s = s.replaceAll("^[-._]+", "").replaceAll("[-.]+$", "");
    if (s.isEmpty()) {
      return "document-" + digest(id);
    }
    if (WINDOWS_DEVICE.matcher(s).matches()) {
      s = s + "_";
    }
    if (s.length() > MAX_LENGTH || s.getBytes(StandardCharsets.UTF_8).length > 2 * MAX_LENGTH) {
      String cut = s.codePoints().limit(MAX_LENGTH - 9).collect(StringBuilder::new, StringBuilder::appendCodePoint,
          StringBuilder::append).toString();
      while (cut.getBytes(StandardCharsets.UTF_8).length > 2 * MAX_LENGTH - 9) {
        cut = cut.substring(0, cut.offsetByCodePoints(0, cut.codePointCount(0, cut.length()) - 1));
      }
      s = cut.replaceAll("[-.]+$", "") + "-" + digest(id);
    }
    return s;
  }

  private static String digest(String id) {
    return Digest.of((id == null ? "" : id).getBytes(StandardCharsets.UTF_8)).substring(0, 8);
  }

  /** For tests and messages: the names of a few ids. */
  static List<String> namesOf(Collection<String> ids) {
    OutputNames names = of(ids);
    return ids.stream().map(names::name).toList();
  }
}
