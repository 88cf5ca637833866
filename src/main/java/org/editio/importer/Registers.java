package org.editio.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.editio.EditioException;
import org.editio.xml.Xml;

/**
 * The edition's registers as a look-up from a name as written (any standard or variant form of a
 * person, place or organization) to the pointer a document writes, e.g.
 * {@code ../registers/persons.xml#litvinov}.
 */
final class Registers {

  /** Which register a name belongs to. */
  enum Kind {
    PERSON("persons.xml", "person", "persName"),
    PLACE("places.xml", "place", "placeName"),
    ORG("organizations.xml", "org", "orgName");

    final String file;
    final String entry;
    final String name;

    Kind(String file, String entry, String name) {
      this.file = file;
      this.entry = entry;
      this.name = name;
    }
  }

  private final Map<Kind, Map<String, String>> ids = new HashMap<>();
  private final Map<String, String> occupations = new HashMap<>();

  private Registers() {}

  /** Reads {@code registers/} of an edition; a missing register is simply empty. */
  static Registers read(Xml xml, Path registers) throws EditioException {
    Registers r = new Registers();
    for (Kind kind : Kind.values()) {
      Map<String, String> names = new HashMap<>();
      r.ids.put(kind, names);
      Path file = registers.resolve(kind.file);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      XdmNode tree = xml.parse(file);
      try {
        XPathCompiler xp = xml.processor().newXPathCompiler();
        xp.declareNamespace("tei", Xml.TEI_NS);
        for (XdmItem entry : xp.evaluate("//tei:" + kind.entry + "[@xml:id]", tree)) {
          String id = xp.evaluateSingle("string(@xml:id)", entry).getStringValue();
          String occupation = xp.evaluateSingle("string(tei:occupation[1])", entry).getStringValue();
          if (!occupation.isBlank()) {
            r.occupations.put(id, occupation.strip());
          }
          for (XdmItem name : xp.evaluate("tei:" + kind.name, entry)) {
            names.putIfAbsent(key(name.getStringValue()), id);
          }
        }
      } catch (SaxonApiException e) {
        throw new IllegalStateException(e);
      }
    }
    return r;
  }

  static String key(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** The pointer for a name, from a document in {@code documents/}. */
  Optional<String> pointer(Kind kind, String name) {
    String id = ids.get(kind).get(key(name));
    return id == null ? Optional.empty() : Optional.of("../registers/" + kind.file + "#" + id);
  }

  /** A person's occupation as the register gives it ("Turkish ambassador in Moscow"), or empty. */
  Optional<String> occupation(String name) {
    return Optional.ofNullable(ids.get(Kind.PERSON).get(key(name))).map(occupations::get);
  }

  /** The pointer for a name that may be a person or an organization (an addressee). */
  Optional<Map.Entry<Kind, String>> party(String name) {
    for (Kind kind : new Kind[] {Kind.PERSON, Kind.ORG}) {
      Optional<String> p = pointer(kind, name);
      if (p.isPresent()) {
        return Optional.of(Map.entry(kind, p.get()));
      }
    }
    return Optional.empty();
  }
}
