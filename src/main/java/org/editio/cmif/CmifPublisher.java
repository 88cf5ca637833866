package org.editio.cmif;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.editio.Digest;
import org.editio.EditioException;
import org.editio.Problem;
import org.editio.edition.Edition;
import org.editio.edition.TeiDocument;
import org.editio.output.OutputLayout;
import org.editio.output.Publisher;
import org.editio.output.Run;
import org.editio.output.Run.Target;

/**
 * The edition's correspondence metadata in the Correspondence Metadata Interchange Format
 * ({@code OUT/cmif.xml}), the file correspSearch harvests: who wrote each document to whom, where
 * and when, with the address of its page. What the file says is {@code xslt/cmif.xsl}'s (an
 * edition may replace it with {@code EDITION/xslt/cmif.xsl}); here: what it is made from, the
 * edition's stable source id, and the warning when the edition has no web address.
 */
public final class CmifPublisher implements Publisher {

  private static final String STYLESHEET = "cmif.xsl";

  @Override
  public String name() {
    return "cmif";
  }

  @Override
  public String part() {
    return OutputLayout.CMIF;
  }

  @Override
  public String stylesheet() {
    return STYLESHEET;
  }

  @Override
  public String entry(OutputLayout layout) {
    return layout.cmif();
  }

  @Override
  public void publish(Run run) throws EditioException {
    Edition edition = run.edition();
    OutputLayout layout = run.layout();
    Map<String, String> links = layout.siteLinks();
    links.put("cmif:file", layout.cmif());
    String baseUrl = edition.baseUrl().orElse(null);
    String id = sourceId(edition, baseUrl);
    String published = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        Instant.ofEpochMilli(run.options().created().getTime()).atOffset(ZoneOffset.UTC));
    Digest recipe = run.recipe(STYLESHEET).add("links", new TreeMap<>(links)).add("source-id", id).add("published", published);
    edition.documents().forEach(d -> recipe.add(d.id(), d.digest()));
    // only where there is correspondence to link to (a play has none), and for TEI without
    // edition.xml without naming a file that is not there
    boolean letters = hasCorrespondence(run, edition);
    if (!letters) {
      // valid CMIF all the same, which a librarian could register as a source with no letters
      run.warn(new Problem(edition.editionFile().isPresent() ? edition.source().resolve("edition.xml") : edition.source(),
          0, 0, Problem.Severity.WARNING, "no document names a sender or an addressee (correspDesc/correspAction with a"
              + " persName, orgName or name): " + layout.cmif() + " lists no letter; register it with correspSearch only"
              + " once the documents describe their correspondence", "cmif"));
    }
    if (baseUrl == null && letters) {
      boolean editionFile = edition.editionFile().isPresent();
      run.warn(new Problem(editionFile ? edition.source().resolve("edition.xml") : edition.source(),
          0, 0, Problem.Severity.WARNING, (editionFile
              ? "the edition has no base URL (an http(s) address in publicationStmt/idno[@type='URL'] of edition.xml): "
              : "the documents have no base URL (TEI without edition.xml has none; an edition gives it in edition.xml,"
                  + " publicationStmt/idno[@type='URL']): ")
              + layout.cmif() + " identifies its documents by id, not by address, and correspSearch cannot link to them", "cmif"));
    }
    run.render("cmif", List.of(new Target(layout.cmif(), recipe.hex(), file -> {
      Xslt30Transformer t = run.transformer(STYLESHEET);
      try {
        t.setStylesheetParameters(run.params().put("documents", edition.documentTrees()).putStrings("layout", links)
            .put("here", layout.cmif()).put("cmif-id", id).put("published", published).asMap());
        t.callTemplate(null, t.newSerializer(file.toFile()));
      } catch (SaxonApiException e) {
        throw new EditioException(EditioException.INPUT,
            Problem.error(edition.source(), "cannot write the correspondence metadata (CMIF): " + e.getMessage()));
      }
    })));
  }

  /**
   * Whether a document names a sender or an addressee (f:parties, what cmif.xsl lists): a play or
   * a novel gives cmif.xml nothing to link to, and no reason for a warning about addresses.
   */
  private static boolean hasCorrespondence(Run run, Edition edition) throws EditioException {
    Xslt30Transformer t = run.transformer(STYLESHEET);
    QName parties = new QName("http://editio.org/ns/function", "parties");
    try {
      for (TeiDocument doc : edition.documents()) {
        for (XdmNode root : doc.tree().children(net.sf.saxon.s9api.streams.Predicates.isElement())) {
          for (String role : List.of("sender", "addressee")) {
            if (!t.callFunction(parties, new XdmValue[] {root, new XdmAtomicValue(role)}).isEmpty()) {
              return true;
            }
          }
        }
      }
      return false;
    } catch (SaxonApiException e) {
      return true; // an edition's own cmif.xsl without f:parties: warn, as before
    }
  }

  /**
   * The id of the edition as the source of the metadata ({@code bibl/@xml:id}): a UUID, as CMIF
   * asks, that stays the same from build to build (correspSearch knows the source by it), derived
   * from the edition's address (else its id): a name-based UUID (RFC 4122, version 3). An xml:id
   * must begin with a letter, so the first name whose UUID begins with one of a-f is taken.
   */
  static String sourceId(Edition edition, String baseUrl) {
    String name = "editio:cmif:" + (baseUrl != null ? baseUrl : edition.id());
    for (int n = 0; ; n++) {
      String uuid = UUID.nameUUIDFromBytes((n == 0 ? name : name + "#" + n).getBytes(StandardCharsets.UTF_8)).toString();
      if (Character.isLetter(uuid.charAt(0))) {
        return uuid;
      }
    }
  }
}
