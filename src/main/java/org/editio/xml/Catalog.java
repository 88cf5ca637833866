package org.editio.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xmlresolver.CatalogManager;
import org.xmlresolver.ResolverFeature;
import org.xmlresolver.XMLResolverConfiguration;

/**
 * XML catalogs (OASIS XML Catalogs 1.1, read by the xmlresolver library): what maps a declared
 * schema such as {@code http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng}
 * to a local copy, so that it is used without being fetched.
 *
 * <p>Three kinds are consulted, in this order: the catalogs the user names with {@code --catalog}
 * (whose mappings may lead to any local file: the user chose them), the edition's own
 * {@code catalog.xml} (untrusted like every file of the edition: its mappings must stay inside the
 * edition), and editio's bundled catalog (TEI P5 {@code tei_all}). A catalog only maps; whether the
 * result may be read is {@link Resolver}'s decision. The library is used for lookups alone: it
 * never opens a mapped resource, and every catalog it loads has been checked first (no
 * {@code nextCatalog} or {@code delegate…} to the network or out of the edition).
 */
final class Catalog {

  /** editio's own catalog, packaged with the schemas it maps to. */
  static final String BUNDLED = "org/editio/catalog/catalog.xml";

  private static final String CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog";

  /** One catalog file (with the catalogs it chains to) and whether its targets are trusted. */
  private record Source(CatalogManager manager, boolean trusted) {}

  /** A mapping found: the target, and whether it came from a catalog the user named. */
  record Match(URI target, boolean trusted) {}

  private static final Catalog BUNDLED_ONLY = new Catalog(List.of(bundledSource()));

  private final List<Source> sources;

  private Catalog(List<Source> sources) {
    this.sources = List.copyOf(sources);
  }

  static Catalog bundled() {
    return BUNDLED_ONLY;
  }

  /**
   * The user's catalogs, then {@code editionRoot/catalog.xml} when present, then the bundled one.
   *
   * @param policy what the edition's catalog may refer to (its chained catalogs)
   */
  static Catalog of(Resolver policy, Path editionRoot, List<Path> userCatalogs, boolean editionCatalog)
      throws IOException {
    List<Source> sources = new ArrayList<>();
    for (Path c : userCatalogs) {
      Path file = c.toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such catalog file");
      }
      sources.add(new Source(load(file, null), true));
    }
    Path own = editionRoot.resolve("catalog.xml");
    if (editionCatalog && Files.isRegularFile(own)) {
      sources.add(new Source(load(own, policy), false));
    }
    sources.add(bundledSource());
    return new Catalog(sources);
  }

  /** The first mapping of {@code uri} (as a URI or a system identifier), if a catalog has one. */
  Optional<Match> lookup(String uri) {
    for (Source s : sources) {
      URI found = s.manager().lookupURI(uri);
      if (found == null) {
        found = s.manager().lookupSystem(uri);
      }
      if (found != null && !found.toString().equals(uri)) {
        return Optional.of(new Match(found, s.trusted()));
      }
    }
    return Optional.empty();
  }

  private static Source bundledSource() {
    try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("missing packaged catalog " + BUNDLED);
      }
      byte[] bytes = in.readAllBytes();
      CatalogManager manager = manager();
      InputSource input = new InputSource(new ByteArrayInputStream(bytes));
      URI base = URI.create(Resolver.CLASSPATH + ":/" + BUNDLED);
      input.setSystemId(base.toString());
      manager.getResolverConfiguration();
      managerConfig(manager).addCatalog(base, input);
      return new Source(manager, false);
    } catch (IOException e) {
      throw new IllegalStateException("the packaged catalog cannot be read", e);
    }
  }

  /**
   * A catalog file and every catalog it chains to, checked first: each must be a local file,
   * and for the edition's catalog ({@code policy} not null) inside the edition.
   */
  private static CatalogManager load(Path file, Resolver policy) throws IOException {
    CatalogManager manager = manager();
    XMLResolverConfiguration config = managerConfig(manager);
    Deque<URI> pending = new ArrayDeque<>(List.of(file.toUri()));
    Set<URI> seen = new HashSet<>();
    boolean first = true;
    while (!pending.isEmpty()) {
      URI uri = pending.pop();
      if (!seen.add(uri)) {
        continue;
      }
      byte[] bytes = policy != null ? policy.read(policy.resolve(uri.toString(), null)) : readLocal(uri);
      for (String chained : chained(bytes, uri)) {
        URI next = URI.create(Resolver.absolute(chained, uri.toString()));
        if (!"file".equals(next.getScheme())) {
          throw new Resolver.Refused(next.toString(), "refused: outside the edition (a catalog may chain only to"
              + " local catalog files; editio never reads from the network)");
        }
        pending.push(next);
      }
      if (first) {
        InputSource input = new InputSource(new ByteArrayInputStream(bytes));
        input.setSystemId(uri.toString());
        config.addCatalog(uri, input);
        first = false;
      }
    }
    return manager;
  }

  private static byte[] readLocal(URI uri) throws IOException {
    if (!"file".equals(uri.getScheme())) {
      throw new Resolver.Refused(uri.toString(), "refused: not a local file");
    }
    return Files.readAllBytes(Path.of(uri));
  }

  /** The catalogs a catalog file chains to (nextCatalog, delegate…), as written. */
  private static List<String> chained(byte[] bytes, URI uri) throws IOException {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
      f.setExpandEntityReferences(false);
      f.setXIncludeAware(false);
      javax.xml.parsers.DocumentBuilder b = f.newDocumentBuilder();
      b.setEntityResolver((publicId, systemId) -> new InputSource(new java.io.StringReader("")));
      b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
          throw e;
        }
      });
      doc = b.parse(new ByteArrayInputStream(bytes), uri.toString());
    } catch (org.xml.sax.SAXParseException e) {
      throw new IOException("the catalog " + uri + " is not well-formed XML (line " + e.getLineNumber() + "): "
          + org.editio.Messages.clean(e.getMessage()));
    } catch (Exception e) {
      throw new IOException("the catalog " + uri + " cannot be read: " + org.editio.Messages.of(e));
    }
    List<String> result = new ArrayList<>();
    NodeList all = doc.getElementsByTagNameNS(CATALOG_NS, "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      String name = e.getLocalName();
      if ((name.equals("nextCatalog") || name.startsWith("delegate")) && e.hasAttribute("catalog")) {
        result.add(e.getAttribute("catalog"));
      }
    }
    return result;
  }

  /**
   * A catalog manager that only looks up: no catalogs from system properties or the class path,
   * no caching, no RDDL, no catalog processing instructions, catalogs parsed by {@link SecureXml}.
   */
  private static CatalogManager manager() {
    XMLResolverConfiguration config = new XMLResolverConfiguration(List.of(), List.of());
    config.setFeature(ResolverFeature.CLASSPATH_CATALOGS, false);
    config.setFeature(ResolverFeature.ALWAYS_RESOLVE, false);
    config.setFeature(ResolverFeature.ALLOW_CATALOG_PI, false);
    config.setFeature(ResolverFeature.PARSE_RDDL, false);
    config.setFeature(ResolverFeature.CACHE_ENABLED, false);
    config.setFeature(ResolverFeature.ARCHIVED_CATALOGS, false);
    config.setFeature(ResolverFeature.MERGE_HTTPS, true);
    config.setFeature(ResolverFeature.URI_FOR_SYSTEM, true);
    config.setFeature(ResolverFeature.XMLREADER_SUPPLIER, SecureXml::newReader);
    config.setFeature(ResolverFeature.CATALOG_FILES, new ArrayList<>());
    return config.getFeature(ResolverFeature.CATALOG_MANAGER);
  }

  private static XMLResolverConfiguration managerConfig(CatalogManager manager) {
    return (XMLResolverConfiguration) manager.getResolverConfiguration();
  }
}
