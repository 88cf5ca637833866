package org.editio.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fop.apps.FOPException;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.FopConfParser;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.MimeConstants;
import org.apache.fop.area.AreaTreeHandler;
import org.apache.fop.area.PageViewport;
import org.apache.fop.events.Event;
import org.apache.fop.events.EventFormatter;
import org.apache.fop.events.model.EventSeverity;
import org.apache.fop.render.intermediate.IFDocumentHandler;
import org.apache.xmlgraphics.io.Resource;
import org.apache.xmlgraphics.io.ResourceResolver;
import org.xml.sax.SAXException;
import org.editio.edition.EditionFonts;

/**
 * The FOP factory of a run, created once: fonts are read from the class path (the
 * jasperreports-fonts artifact) and from the edition's own fonts folder, read once ({@link
 * EditionFonts}, configured after DejaVu), through a resolver of our own, so a PDF never depends
 * on the fonts of the machine that made it, and they are parsed once per run ({@link SharedFonts}). Each
 * PDF gets a user agent that listens for FOP's events: a glyph missing from the fonts or a font
 * substituted fails the PDF instead of printing "#".
 */
public final class Fop {

  private static final String CLASSPATH = "classpath";

  static {
    // FOP serializes each PDF's XMP metadata through TransformerFactory.newInstance(), which
    // without this property scans every jar of the class path for a provider (7-10 ms per PDF)
    // and finds Saxon's, which then sets up a Saxon configuration of its own (under a
    // millisecond, but for every PDF). Naming Saxon's factory on one shared configuration skips
    // both and serializes as before.
    String property = "javax.xml.transform.TransformerFactory";
    if (System.getProperty(property) == null) {
      System.setProperty(property, SaxonOnOneConfiguration.class.getName());
    }
  }

  /**
   * Saxon's JAXP transformer factory, every instance on one Saxon configuration: what
   * {@code TransformerFactory.newInstance()} returns in editio's JVM (see above).
   */
  public static final class SaxonOnOneConfiguration extends net.sf.saxon.TransformerFactoryImpl {
    private static final net.sf.saxon.Configuration SHARED = new net.sf.saxon.Configuration();

    public SaxonOnOneConfiguration() {
      super(SHARED);
    }
  }

  private final FopFactory factory;
  private final Date creationDate;
  private final org.editio.xml.Resolver edition;
  private final SharedFonts fonts;
  private final EditionFonts editionFonts;

  /**
   * @param creationDate the date written into every PDF, so that two builds are byte-identical
   */
  public Fop(Date creationDate) {
    this(creationDate, org.editio.xml.Resolver.bundledOnly());
  }

  /**
   * @param creationDate the date written into every PDF, so that two builds are byte-identical
   * @param edition what the PDFs may read besides the bundled fonts (images of the edition): every
   *     image and font goes through this policy, nothing comes from the network
   */
  public Fop(Date creationDate, org.editio.xml.Resolver edition) {
    this(creationDate, edition, true, EditionFonts.NONE);
  }

  /**
   * @param shareFonts false: FOP loads the fonts of each PDF itself (what {@link SharedFonts} is
   *     compared with)
   * @param editionFonts the edition's own fonts, configured after editio's (read and checked already)
   */
  Fop(Date creationDate, org.editio.xml.Resolver edition, boolean shareFonts, EditionFonts editionFonts) {
    this.creationDate = creationDate;
    this.edition = edition;
    this.editionFonts = editionFonts;
    ResourceResolver resolver = new ClasspathResolver(edition, editionFonts);
    byte[] configuration;
    try (InputStream conf = Fop.class.getResourceAsStream("fop.xconf")) {
      configuration = withEditionFonts(conf.readAllBytes(), editionFonts);
      FopConfParser parser = new FopConfParser(new ByteArrayInputStream(configuration), URI.create(CLASSPATH + ":/"), resolver);
      this.factory = parser.getFopFactoryBuilder().build();
    } catch (IOException | SAXException e) {
      throw new IllegalStateException("FOP configuration cannot be read: " + e.getMessage(), e);
    }
    this.fonts = shareFonts ? new SharedFonts(configuration, resolver, editionFonts::takeParsed) : null;
  }

  /** fop.xconf with the edition's fonts after editio's (unchanged when the edition has none). */
  private static byte[] withEditionFonts(byte[] configuration, EditionFonts editionFonts) {
    if (editionFonts.isEmpty()) {
      return configuration;
    }
    String xconf = new String(configuration, java.nio.charset.StandardCharsets.UTF_8);
    int end = xconf.lastIndexOf("</fonts>");
    return (xconf.substring(0, end) + editionFonts.configuration() + xconf.substring(end))
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The edition's fonts this factory was made with. */
  EditionFonts editionFonts() {
    return editionFonts;
  }

  /** Why the policy refuses to read {@code uri} (for an image FOP could not load), or null when it does not. */
  private String refusal(String uri) {
    try {
      edition.resolve(uri, null);
      return null;
    } catch (org.editio.xml.Resolver.Refused e) {
      return e.getMessage().contains(" refused") ? e.getMessage() : null;
    }
  }

  /**
   * A PDF being written: a SAX handler for XSL-FO, the font problems FOP reported, and where
   * the FO ids laid out so far are. Close it when the PDF is written (it gives back its fonts).
   */
  public final class Job implements AutoCloseable {
    private final org.apache.fop.apps.Fop fop;
    private final Directions handler;
    private final List<String> fontProblems = Collections.synchronizedList(new ArrayList<>());
    /**
     * Characters the fonts lack, as FOP's event gives them (a Java char: a character beyond the BMP
     * comes as its code point's low 16 bits), to the fonts that lack them.
     */
    private final Map<Integer, java.util.SortedSet<String>> missingGlyphs = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** The text of each block with a line FOP could not fit (its widest overflow, in millipoints), in order. */
    private final Map<String, Integer> overflows = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private final AreaTreeHandler areas;
    private final SharedFonts.Lease lease;

    private Job(OutputStream out, Metadata metadata) throws FOPException {
      FOUserAgent agent = newAgent(metadata);
      agent.getEventBroadcaster().addEventListener(this::onEvent);
      this.lease = fonts == null ? null : fonts.lease();
      try {
        // FOP reads its configuration (a DOM, not safe for concurrent reads) while it sets up the
        // renderer; the set-up is serialized, the layout of the documents runs in parallel.
        synchronized (factory) {
          if (lease != null) {
            IFDocumentHandler pdf = factory.getRendererFactory().createDocumentHandler(agent, MimeConstants.MIME_PDF);
            agent.setDocumentHandlerOverride(SharedFonts.withFonts(pdf, lease));
          }
          // made here rather than by FOP, to ask it where ids were laid out
          this.areas = new AreaTreeHandler(agent, MimeConstants.MIME_PDF, out);
          agent.setFOEventHandlerOverride(areas);
          this.fop = factory.newFop(MimeConstants.MIME_PDF, agent, out);
          this.handler = new Directions(new Ligatures(new LetterSpacing(fop.getDefaultHandler())));
        }
      } catch (FOPException | RuntimeException e) {
        close();
        throw e;
      }
    }

    private void onEvent(Event event) {
      String id = event.getEventID();
      if (id.contains("ResourceEventProducer.image") || id.contains("ResourceEventProducer.uriError")) {
        // an image that is missing or was refused (outside the edition): said, not silently left out;
        // FOP keeps only "not found", so a refusal is asked of the policy again to say why
        String refusal = event.getParam("uri") instanceof String uri ? refusal(uri) : null;
        fontProblems.add(refusal != null ? "image " + refusal : EventFormatter.format(event));
      } else if (id.endsWith("glyphNotAvailable") && event.getParam("ch") instanceof Character ch) {
        missingGlyphs.computeIfAbsent((int) ch, c -> new java.util.concurrent.ConcurrentSkipListSet<>())
            .add(String.valueOf(event.getParam("fontName")));
      } else if (id.endsWith("glyphNotAvailable") || id.endsWith("fontSubstituted")
          || id.endsWith("fontLoadingErrorAtAutoDetection") || id.endsWith("fontDirectoryNotFound")) {
        fontProblems.add(EventFormatter.format(event));
      } else if (id.endsWith("InlineLevelEventProducer.lineOverflows")) {
        // a line with no break opportunity wide enough: FOP sets it past its column (off the page,
        // over the next table cell) and says so only in this event
        int amount = event.getParam("overflowLength") instanceof Integer i ? i : 0;
        String text = blockText(event.getSource());
        if (text != null) {
          overflows.merge(text, amount, Math::max);
        }
      } else if (event.getSeverity() == EventSeverity.FATAL) {
        fontProblems.add(EventFormatter.format(event));
      }
    }

    /**
     * The text of the FO block whose line overflows, or "" (null: a list item's label). FOP 2.11 gives as the event's source
     * its line-breaking algorithm, whose line layout manager (a private field, read by reflection:
     * FOP offers no other way from the event to the text) knows the block.
     */
    private static String blockText(Object source) {
      if (!(source instanceof org.apache.fop.layoutmgr.AbstractBaseLayoutManager) && source != null) {
        try {
          java.lang.reflect.Field manager = source.getClass().getDeclaredField("thisLLM");
          manager.setAccessible(true);
          source = manager.get(source);
        } catch (ReflectiveOperationException | RuntimeException e) {
          return "";
        }
      }
      if (source instanceof org.apache.fop.layoutmgr.AbstractBaseLayoutManager lm && lm.getFObj() != null) {
        // a list item's label (a note's number "10" in its 1.6 em) runs into the gap before the
        // item's body, which is there for it: not reported
        for (org.apache.fop.fo.FONode n = lm.getFObj(); n != null; n = n.getParent()) {
          if (n instanceof org.apache.fop.fo.flow.ListItemLabel) {
            return null;
          }
        }
        StringBuilder text = new StringBuilder();
        appendText(lm.getFObj(), text);
        return text.toString();
      }
      return "";
    }

    private static void appendText(org.apache.fop.fo.FONode node, StringBuilder text) {
      if (node instanceof org.apache.fop.fo.FOText t) {
        text.append(t.getCharSequence());
        return;
      }
      org.apache.fop.fo.FONode.FONodeIterator children = node.getChildNodes();
      while (children != null && children.hasNext() && text.length() < 100_000) {
        appendText(children.next(), text);
      }
    }

    /**
     * The blocks with a line wider than its column (FOP's lineOverflows), each with its widest
     * overflow in millipoints: the text of the block (with the zero-width spaces the stylesheet put in).
     */
    public Map<String, Integer> overflows() {
      synchronized (overflows) {
        return new java.util.LinkedHashMap<>(overflows);
      }
    }

    /** Where Saxon sends the FO events. */
    public org.xml.sax.ContentHandler handler() {
      return handler;
    }

    /** Right-to-left text FOP would set wrongly in the FO written so far ({@link Directions}), or null. */
    Directions.Finding rightToLeft() {
      return handler.finding();
    }

    /** Font problems reported while the PDF was laid out (substituted fonts, images; missing glyphs: {@link #missingGlyphs}). */
    public List<String> fontProblems() {
      return List.copyOf(fontProblems);
    }

    /** The characters the fonts lack, each with the fonts that lack it, in code point order. */
    public java.util.SortedMap<Integer, java.util.SortedSet<String>> missingGlyphs() {
      return new java.util.TreeMap<>(missingGlyphs);
    }

    /** The number of pages laid out. */
    public int pageCount() {
      return fop.getResults() == null ? 0 : fop.getResults().getPageCount();
    }

    /**
     * The page (its printed number) on which the FO id begins, or null when it has not been laid
     * out (yet). FOP lays out a page-sequence when its end arrives, so while the FO is still being
     * written this knows every id of the page-sequences already ended.
     */
    public String pageOf(String id) {
      PageViewport page = areas.getIDTracker().getFirstPageViewportContaining(id);
      return page == null ? null : page.getPageNumberString();
    }

    /** {@link #pageOf} of each id that has been laid out. */
    public Map<String, String> pagesOf(Collection<String> ids) {
      Map<String, String> pages = new HashMap<>();
      for (String id : ids) {
        String page = pageOf(id);
        if (page != null) {
          pages.put(id, page);
        }
      }
      return pages;
    }

    @Override
    public void close() {
      if (lease != null) {
        lease.close();
      }
    }
  }

  /** What a PDF says about itself (document information and XMP, written by FOP). */
  public record Metadata(String title, String author, String subject, String keywords) {}

  /**
   * A user agent for an archival PDF: PDF/A-2b, tagged (accessibility), with the document's
   * metadata and the run's fixed creation date.
   */
  private FOUserAgent newAgent(Metadata metadata) {
    FOUserAgent agent = factory.newFOUserAgent();
    agent.setCreationDate(creationDate);
    agent.setProducer("editio");
    agent.setCreator("editio");
    // title, creators and description come as XMP from the stylesheets (f:declarations); FOP
    // fills the document information dictionary from them
    if (!metadata.keywords().isBlank()) {
      agent.setKeywords(metadata.keywords());
    }
    agent.getRendererOptions().put("pdf-a-mode", "PDF/A-2b");
    agent.setAccessibility(true);
    return agent;
  }

  /** Starts a PDF written to {@code out}. */
  public Job newJob(OutputStream out, Metadata metadata) throws FOPException {
    return new Job(out, metadata);
  }

  /** Something that writes XSL-FO as SAX events (a transformation) into a job's {@link Job#handler()}. */
  @FunctionalInterface
  public interface FoSource {
    void writeTo(Job job) throws Exception;
  }

  /**
   * Resolves {@code classpath:} URIs (fonts, hyphenation) and the edition's fonts ({@code
   * editio-font:}, read once by {@link EditionFonts}) from memory, and everything else
   * (images) through the edition's {@link org.editio.xml.Resolver}: files of the edition only,
   * nothing from the network.
   */
  private static final class ClasspathResolver implements ResourceResolver {
    private final org.editio.xml.Resolver edition;
    private final EditionFonts editionFonts;

    ClasspathResolver(org.editio.xml.Resolver edition, EditionFonts editionFonts) {
      this.edition = edition;
      this.editionFonts = editionFonts;
    }

    /** Packaged resources (the fonts) by path, read once: inflating a font from its jar costs more than laying out a page. */
    private final Map<String, byte[]> packaged = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Resource getResource(URI uri) throws IOException {
      if (CLASSPATH.equals(uri.getScheme())) {
        String path = uri.getSchemeSpecificPart().replaceFirst("^/+", "");
        byte[] bytes = packaged.get(path);
        if (bytes == null) {
          try (InputStream in = Fop.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
              throw new IOException("missing packaged resource " + path);
            }
            bytes = in.readAllBytes();
          }
          packaged.put(path, bytes);
        }
        return new Resource(new java.io.ByteArrayInputStream(bytes));
      }
      if (EditionFonts.SCHEME.equals(uri.getScheme())) {
        // the edition's fonts, as read (and checked) once for the run
        return new Resource(new java.io.ByteArrayInputStream(editionFonts.bytes(uri)));
      }
      return new Resource(edition.open(edition.resolve(uri.toString(), null)));
    }

    @Override
    public OutputStream getOutputStream(URI uri) throws IOException {
      throw new IOException("'" + uri + "' refused: editio's PDFs write nothing but the PDF itself");
    }
  }
}
