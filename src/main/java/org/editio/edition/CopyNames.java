package org.editio.edition;

import java.util.Locale;
import java.util.Set;

/**
 * Names for the copies editio makes of an edition's files in its outputs (images beside the
 * pages, fonts in the site's assets and the e-book): the file's own name, so that a reader or an
 * editor recognises it, made safe for a URL and every file system (letters, digits, '_' and '-'
 * only), and numbered where two files would share one, case set aside (a site may be served from
 * a file system that does not tell {@code A.png} from {@code a.png}).
 */
final class CopyNames {

  private CopyNames() {}

  /**
   * The name of a copy of the file named {@code fileName} (which has an extension), not yet in
   * {@code used}, which records it.
   *
   * @param fallback the stem for a name that has no safe character left
   */
  static String unique(String fileName, String fallback, Set<String> used) {
    int dot = fileName.lastIndexOf('.');
    String stem = fileName.substring(0, dot).replaceAll("[^A-Za-z0-9_-]", "_");
    stem = stem.isEmpty() ? fallback : stem.substring(0, Math.min(stem.length(), 80));
    String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    String candidate = stem + "." + extension;
    for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
      candidate = stem + "-" + n + "." + extension;
    }
    return candidate;
  }
}
