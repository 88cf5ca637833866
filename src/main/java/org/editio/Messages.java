package org.editio;

import java.util.regex.Pattern;

/**
 * Turns what libraries say when they fail (Saxon, Jing, FOP, the JDK) into text an editor can
 * read: without Java class names ({@code java.io.FileNotFoundException: }), error codes of the
 * XPath specification ({@code FORX0003}) or Saxon's internal wording, and with the fix where the
 * cause is known. Every message built from a caught exception goes through here.
 */
public final class Messages {
  private Messages() {}

  /** {@code java.io.IOException: }, {@code net.sf.saxon.trans.XPathException: } and the like. */
  private static final Pattern CLASS_PREFIX =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

  /** A bare exception class name (no package). */
  private static final Pattern BARE_CLASS = Pattern.compile("\\b[A-Z][A-Za-z]*(?:Exception|Error)\\b:?\\s*");

  /** Saxon's "at line 3 of file:/…": the location is given by the problem itself. */
  private static final Pattern XPATH_CODE = Pattern.compile("\\b(?:err:)?(?:FO|XP|XT|XQ|SX|FOR|XTDE|XTSE)[A-Z]{0,4}\\d{4}\\b:?\\s*");

  /** A library's message, cleaned; a fallback when there is none. */
  public static String clean(String raw) {
    if (raw == null || raw.isBlank()) {
      return "an unknown error";
    }
    String m = raw.strip();
    m = CLASS_PREFIX.matcher(m).replaceAll("");
    m = BARE_CLASS.matcher(m).replaceAll("");
    m = XPATH_CODE.matcher(m).replaceAll("");
    m = m.replace("The regular expression must not be one that matches a zero-length string",
        "a pattern that matches empty text");
    m = m.replaceAll("Too many nested (template or function|apply-templates|function) calls\\. (The stylesheet may be looping|May be due to infinite recursion)\\.?",
        "the elements here are nested too deeply to be rendered (hundreds of levels); flatten the nesting");
    m = m.replaceAll("\\s+", " ").strip();
    return m.isEmpty() ? "an unknown error" : m;
  }

  /**
   * What went wrong with a file, in words: the JDK's file exceptions carry only the path as their
   * message ({@code FileAlreadyExistsException: /tmp/out}), which says nothing to an editor who
   * gave a file where a folder belongs, or a folder they may not write.
   */
  public static String io(java.io.IOException e) {
    if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
      String file = f.getFile();
      if (e instanceof java.nio.file.FileAlreadyExistsException) {
        // (a file where a folder is to be made, or a file or folder where a file is to be written)
        return file + " already exists and is in the way (remove it or choose another place)";
      }
      if (e instanceof java.nio.file.NotDirectoryException) {
        return file + " is a file, not a folder";
      }
      if (e instanceof java.nio.file.AccessDeniedException) {
        return "permission denied: " + file;
      }
      if (e instanceof java.nio.file.NoSuchFileException) {
        return "no such file or folder: " + file;
      }
      if (e instanceof java.nio.file.DirectoryNotEmptyException) {
        return file + " is a folder that is not empty";
      }
      if (f.getReason() != null) {
        return file + ": " + clean(f.getReason());
      }
    }
    return of(e);
  }

  /** The innermost message of a chain of causes, cleaned. */
  public static String of(Throwable e) {
    Throwable t = e;
    String message = null;
    while (t != null) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
      if (t.getCause() == t) {
        break;
      }
      t = t.getCause();
    }
    return message == null ? "an unexpected failure (" + e.getClass().getSimpleName().replaceAll("(Exception|Error)$", "")
        + "); please report it" : clean(message);
  }
}
