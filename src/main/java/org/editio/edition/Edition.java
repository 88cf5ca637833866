package org.editio.edition;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import org.editio.Digest;
import org.editio.xml.Params;

/**
 * What a run publishes: the documents in their published order, the registers they point into,
 * and the edition file with the edition's own metadata when there is one.
 *
 * @param source the edition directory, the directory of loose TEI files, or the single file given
 * @param id the edition's id: {@code TEI/@xml:id} of edition.xml, else the directory or file name
 * @param title the edition's title
 * @param editionFile edition.xml, when the edition has one
 * @param documents the documents, ordered by date and then by id
 * @param registers the register files by absolute URI (the key stylesheets resolve pointers by)
 * @param published the publication date of edition.xml (ISO 8601), empty when it has none
 * @param editors the edition's editors, as edition.xml names them, empty when it has none
 * @param digests SHA-256 of the bytes of every file read, by path: what incremental builds compare
 * @param language the language of everything editio prints (labels, dates): edition.xml's
 *     {@code TEI/@xml:lang}, else the language most of the documents declare, else English
 * @param customisation the edition's own stylesheets and assets ({@link Customisation#NONE} if none)
 * @param documentIds the ids of documents published under another id than their own (loose TEI:
 *     two files with one id), by the document's URI; the stylesheets' {@code f:doc-id} reads it
 * @param images the image files the documents show ({@link Images}), found when the edition was read
 */
public record Edition(
    Path source,
    String id,
    String title,
    Optional<XdmNode> editionFile,
    List<TeiDocument> documents,
    Map<String, XdmNode> registers,
    String published,
    String editors,
    Map<Path, String> digests,
    String language,
    Customisation customisation,
    Map<String, String> documentIds,
    Images images) {

  public Edition {
    documentIds = Map.copyOf(documentIds);
    images = images == null ? Images.NONE : images;
    documents = List.copyOf(documents);
    registers = Map.copyOf(registers);
    digests = Map.copyOf(digests);
  }

  /**
   * A digest of what every page depends on besides its own document: edition.xml, the registers
   * (names are linked and labelled from them), the language (labels and dates are in it) and the
   * title (every page's head and footer; without edition.xml it is the folder's name, which a
   * document's digest does not hold).
   */
  public String contextDigest() {
    Digest d = new Digest().add("language", language).add("title", title).add("document ids", new java.util.TreeMap<>(documentIds))
        .add("images", new java.util.TreeMap<>(images.digests())).add("image names", new java.util.TreeMap<>(images.names()));
    editionFile.ifPresent(tree -> d.add("edition", digestOf(tree)));
    registers.keySet().stream().sorted().forEach(uri -> d.add("register " + uri, digests.get(Path.of(java.net.URI.create(uri)).normalize())));
    return d.hex();
  }

  /**
   * This edition under another title (an edition without edition.xml, titled by the user: {@code
   * --title}), and named after it: its id, which names the volume and the e-book, is the title's
   * words joined by hyphens ("FRUS history": {@code frus-history.pdf}, where the folder's name
   * gave {@code documents.pdf} beside the folder {@code documents/} of the document PDFs); a title
   * with no letter or digit keeps the folder's name.
   */
  public Edition withTitle(String newTitle) {
    String named = java.text.Normalizer.normalize(newTitle, java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}\\p{M}]+", "-").replaceAll("^-+|-+$", "");
    String newId = named.isEmpty() ? id : named.substring(0, Math.min(named.length(), 80)).replaceAll("-+$", "");
    return new Edition(source, newId, newTitle, editionFile, documents, registers, published, editors, digests, language,
        customisation, documentIds, images);
  }

  /** The digest of a file of this edition, by its tree; null for a tree not read from a file. */
  public String digestOf(XdmNode tree) {
    java.net.URI uri = tree.getBaseURI();
    return uri == null || !"file".equals(uri.getScheme()) ? null : digests.get(Path.of(uri).normalize());
  }

  /**
   * The parameters every stylesheet of a run receives: the edition file, its title, the
   * registers and documents that pointers resolve into, and the language it prints in.
   */
  public Params stylesheetParams() {
    return new Params()
        .put("edition", editionFile.orElse(null))
        .put("edition-title", title)
        .put("language", language)
        .putStrings("document-ids", documentIds)
        .putStrings("document-files", documentFiles())
        .putStrings("images", images.names())
        .putNodes("registers", registers);
  }

  /**
   * Every document's id by the URI of its file, as the stylesheets spell file URIs: what a
   * pointer from one document to another ({@code letter2.xml#p3}) resolves by ({@code f:pointer}).
   */
  public Map<String, String> documentFiles() {
    Map<String, String> files = new java.util.HashMap<>();
    for (TeiDocument d : documents) {
      files.put(EditionLoader.uriKey(d.tree()), d.id());
    }
    return files;
  }

  /** Every document's tree by the URI of its file, as {@link #documentFiles} spells it. */
  public Map<String, XdmNode> documentsByFile() {
    Map<String, XdmNode> trees = new java.util.HashMap<>();
    for (TeiDocument d : documents) {
      trees.put(EditionLoader.uriKey(d.tree()), d.tree());
    }
    return trees;
  }

  /** An http(s) address, as {@code $f:web-base-url} in {@code xslt/common/links.xsl} tests it. */
  private static final java.util.regex.Pattern WEB_ADDRESS =
      java.util.regex.Pattern.compile("(?i)^https?://[^\\s/?#]+(/\\S*)?$");

  /**
   * The edition's stable web address (edition.xml's {@code publicationStmt/idno[@type='URL']}, as
   * {@code xslt/common/links.xsl} reads it) when it is an http(s) address, else empty: what the
   * outputs that cite the edition from elsewhere (CMIF, the e-book's identifier) are anchored to.
   */
  public Optional<String> baseUrl() {
    return editionFile.map(file -> {
      try {
        net.sf.saxon.s9api.XPathCompiler xp = file.getProcessor().newXPathCompiler();
        xp.declareNamespace("tei", org.editio.xml.Xml.TEI_NS);
        return xp.evaluateSingle("normalize-space((//tei:publicationStmt/tei:idno[@type = 'URL'])[1])", file).getStringValue();
      } catch (net.sf.saxon.s9api.SaxonApiException e) {
        throw new IllegalStateException("a fixed XPath expression failed: " + e.getMessage(), e);
      }
    }).filter(url -> WEB_ADDRESS.matcher(url).matches());
  }

  /** The document trees in published order, as one sequence for edition-wide stylesheets. */
  public XdmValue documentTrees() {
    return new XdmValue(documents.stream().map(TeiDocument::tree).toList());
  }
}
