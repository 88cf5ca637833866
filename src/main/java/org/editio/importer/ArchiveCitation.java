package org.editio.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An archival citation of the AVP RF as the pages print it ("avp rf, f.059, op.1, p.322,
 * d.2216, l.161‐162", in any case and spacing), parsed into its parts: fond, opis, papka, delo,
 * folios (listy). The machine translation sometimes prints "op." as "on." (the Cyrillic "оп."
 * read as Latin letters): it is read as the opis; the citation as printed is kept.
 *
 * @param printed the citation as printed
 * @param parts the parts found, in order, keyed fond/opis/papka/delo/folios
 */
record ArchiveCitation(String printed, Map<String, String> parts) {

  private static final Pattern AVP = Pattern.compile("(?i)^\\s*avp\\s*rf\\b");
  private static final Pattern PART = Pattern.compile("(?i)\\b(f|op|on|p|d|ll?)\\s*\\.\\s*([0-9][0-9a-zA-Z\\-‐–/,]*?)(?=\\s*(?:,\\s*(?:f|op|on|p|d|ll?)\\s*\\.|\\.?\\s*$|;))");
  private static final Map<String, String> NAMES = Map.of("f", "fond", "op", "opis", "on", "opis", "p", "papka", "d", "delo",
      "l", "folios", "ll", "folios");

  /** The citation, when {@code text} is an AVP RF citation. */
  static Optional<ArchiveCitation> parse(String text) {
    if (text == null || !AVP.matcher(text).find()) {
      return Optional.empty();
    }
    Map<String, String> parts = new LinkedHashMap<>();
    Matcher m = PART.matcher(text);
    while (m.find()) {
      parts.putIfAbsent(NAMES.get(m.group(1).toLowerCase(java.util.Locale.ROOT)), m.group(2).replaceAll("[,.]$", ""));
    }
    return Optional.of(new ArchiveCitation(text.strip(), parts));
  }

  /**
   * Writes {@code msDesc} into the header: repository, collections, delo, folios, citation as
   * printed.
   *
   * @param repositoryRef the pointer to the archive's register entry, or null when there is none
   */
  void write(TeiWriter tei, String repositoryRef) {
    tei.block("msDesc").block("msIdentifier");
    tei.element("settlement", "Moscow");
    tei.element("repository", "AVP RF", "ref", repositoryRef);
    for (String level : new String[] {"fond", "opis", "papka"}) {
      String v = parts.get(level);
      if (v != null) {
        tei.element("collection", abbreviation(level) + v, "type", level, "n", v);
      }
    }
    if (parts.containsKey("delo")) {
      tei.element("idno", parts.get("delo"), "type", "delo");
    }
    if (parts.containsKey("folios")) {
      tei.block("altIdentifier", "type", "folios").element("idno", parts.get("folios"), "type", "folios").end();
    }
    tei.end();
    tei.element("p", printed);
    tei.end();
  }

  private static String abbreviation(String level) {
    return switch (level) {
      case "fond" -> "f. ";
      case "opis" -> "op. ";
      default -> "p. ";
    };
  }
}
