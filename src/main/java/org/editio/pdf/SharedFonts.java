package org.editio.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.fop.apps.FOPException;
import org.apache.fop.apps.io.InternalResourceResolver;
import org.apache.fop.complexscripts.fonts.GlyphDefinitionTable;
import org.apache.fop.complexscripts.fonts.GlyphPositioningTable;
import org.apache.fop.complexscripts.fonts.GlyphSubstitutionTable;
import org.apache.fop.fonts.CIDFontType;
import org.apache.fop.fonts.CMapSegment;
import org.apache.fop.fonts.EmbeddingMode;
import org.apache.fop.fonts.FontInfo;
import org.apache.fop.fonts.FontTriplet;
import org.apache.fop.fonts.LazyFont;
import org.apache.fop.fonts.MultiByteFont;
import org.apache.fop.fonts.truetype.FontFileReader;
import org.apache.fop.fonts.truetype.OFFontLoader;
import org.apache.fop.fonts.truetype.TTFFile;
import org.apache.fop.render.intermediate.IFDocumentHandler;
import org.apache.fop.render.intermediate.IFDocumentHandlerConfigurator;
import org.apache.fop.render.intermediate.util.IFDocumentHandlerProxy;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The fonts of {@code fop.xconf}, parsed once per run instead of once per PDF.
 *
 * <p>FOP sets up a document's fonts as {@link LazyFont}s that read and parse their TrueType file
 * the first time the layout asks for a glyph: for a one-page document PDF that was a third of its
 * cost. Here each font is parsed once into a {@link Template} (metrics, character map, kerning,
 * the OpenType tables), and every PDF gets fresh {@link MultiByteFont}s built from it, exactly as
 * FOP's own loader ({@code OFFontLoader.buildFont}, TrueType as CID font) builds them from a
 * parsed file: fresh, because a font records the glyphs a PDF uses (its subset) and the PDF's
 * event listener (a missing glyph fails the build). {@code SharedFontsTest} renders documents
 * both ways and compares the bytes, so an upgrade of FOP that changes the loader shows.
 *
 * <p>The OpenType tables fill caches of their own as they are used (plain hash maps), so a set of
 * templates serves one PDF at a time: PDFs laid out at the same time each {@link #lease() lease} a
 * set, and a set is parsed only when every other one is in use (as many sets as cores, at most).
 */
final class SharedFonts {

  /** One font of the configuration: where it is and which font triplets it serves. */
  private record Configured(URI uri, List<FontTriplet> triplets) {}

  private final List<Configured> configured;
  private final ConcurrentLinkedQueue<Map<URI, Template>> idle = new ConcurrentLinkedQueue<>();
  private final org.apache.xmlgraphics.io.ResourceResolver bytes;
  private final java.util.function.Function<URI, TTFFile> parsed;

  /**
   * @param configuration fop.xconf (only its fonts are read)
   * @param bytes reads the font files (the class-path resolver of the FOP factory)
   * @param parsed a font already parsed (an edition's font, parsed when it was checked), once, or
   *     null: what the first set uses instead of parsing the file again
   */
  SharedFonts(byte[] configuration, org.apache.xmlgraphics.io.ResourceResolver bytes,
      java.util.function.Function<URI, TTFFile> parsed) {
    this.configured = fonts(configuration);
    this.bytes = bytes;
    this.parsed = parsed;
  }

  /** The fonts fop.xconf embeds, in its order. */
  private static List<Configured> fonts(byte[] configuration) {
    try {
      DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
      dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      NodeList fonts = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(configuration)).getElementsByTagName("font");
      List<Configured> list = new ArrayList<>();
      for (int i = 0; i < fonts.getLength(); i++) {
        Element font = (Element) fonts.item(i);
        if (!font.hasAttribute("embed-url")) {
          continue;
        }
        List<FontTriplet> triplets = new ArrayList<>();
        NodeList ts = font.getElementsByTagName("font-triplet");
        for (int j = 0; j < ts.getLength(); j++) {
          Element t = (Element) ts.item(j);
          triplets.add(FontInfo.createFontKey(t.getAttribute("name"), t.getAttribute("style"),
              "bold".equals(t.getAttribute("weight")) ? 700 : "normal".equals(t.getAttribute("weight")) ? 400
                  : Integer.parseInt(t.getAttribute("weight"))));
        }
        list.add(new Configured(URI.create(font.getAttribute("embed-url")), List.copyOf(triplets)));
      }
      return List.copyOf(list);
    } catch (ParserConfigurationException | SAXException | IOException | NumberFormatException e) {
      throw new IllegalStateException("the fonts of the FOP configuration cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * A set of parsed fonts for one PDF; {@link Lease#close()} gives it back. A new set (when every
   * other is in use) is parsed here, before FOP's serialized set-up of the PDF begins.
   */
  Lease lease() throws FOPException {
    Map<URI, Template> set = idle.poll();
    if (set == null) {
      set = new LinkedHashMap<>();
      for (Configured font : configured) {
        set.put(font.uri(), Template.parse(font.uri(), bytes, parsed.apply(font.uri())));
      }
    }
    return new Lease(set);
  }

  /** The parsed fonts one PDF uses while it is laid out and written. */
  final class Lease implements AutoCloseable {
    private final Map<URI, Template> set;
    private boolean closed;

    private Lease(Map<URI, Template> set) {
      this.set = set;
    }

    /**
     * Replaces the configured fonts FOP has just set up as lazy fonts with fonts built from the
     * parsed templates; the internal keys, triplets and everything else stay as FOP made them.
     */
    void install(FontInfo fontInfo, InternalResourceResolver resolver) throws FOPException {
      for (Configured font : configured) {
        String key = null;
        for (FontTriplet t : font.triplets()) {
          String k = fontInfo.getInternalFontKey(t);
          if (k != null && fontInfo.getFonts().get(k) instanceof LazyFont) {
            key = k;
            break;
          }
        }
        if (key == null) {
          continue;
        }
        fontInfo.addMetrics(key, set.get(font.uri()).newFont(resolver));
      }
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        idle.offer(set);
      }
    }
  }

  /**
   * A document handler whose fonts come from a lease: FOP asks the handler's configurator to set
   * up the fonts of each PDF, and this one lets FOP do so, then puts the leased fonts in place.
   */
  static IFDocumentHandler withFonts(IFDocumentHandler handler, Lease lease) {
    IFDocumentHandlerConfigurator own = handler.getConfigurator();
    IFDocumentHandlerConfigurator leased = new IFDocumentHandlerConfigurator() {
      @Override
      public void configure(IFDocumentHandler documentHandler) throws FOPException {
        own.configure(documentHandler);
      }

      @Override
      public void setupFontInfo(String mimeType, FontInfo fontInfo) throws FOPException {
        own.setupFontInfo(mimeType, fontInfo);
        lease.install(fontInfo, handler.getContext().getUserAgent().getFontManager().getResourceResolver());
      }
    };
    return new IFDocumentHandlerProxy(handler) {
      @Override
      public IFDocumentHandlerConfigurator getConfigurator() {
        return leased;
      }
    };
  }

  /**
   * A TrueType font parsed once: what {@code OFFontLoader.buildFont} copies from the parsed file
   * into a font, kept so that it can be copied again for every PDF.
   */
  private record Template(URI uri, String fontName, String fullName, java.util.Set<String> familyNames,
      String subFamilyName, int capHeight, int xHeight, int ascender, int descender, int[] fontBBox,
      int underlinePosition, int underlineThickness, int strikeoutPosition, int strikeoutThickness, int flags,
      int stemV, int italicAngle, int weight, int[] widths, java.awt.Rectangle[] boundingBoxes, CMapSegment[] cmap,
      Map<Integer, Map<Integer, Integer>> kerning, GlyphDefinitionTable gdef, GlyphSubstitutionTable gsub,
      GlyphPositioningTable gpos) {

    /** @param parsed the font's file parsed already (as here), or null */
    static Template parse(URI uri, org.apache.xmlgraphics.io.ResourceResolver bytes, TTFFile parsed) throws FOPException {
      return parsed != null ? of(uri, parsed) : parse(uri, bytes);
    }

    static Template parse(URI uri, org.apache.xmlgraphics.io.ResourceResolver bytes) throws FOPException {
      try (InputStream in = bytes.getResource(uri)) {
        FontFileReader reader = new FontFileReader(in);
        String header = OFFontLoader.readHeader(reader);
        // kerning and the OpenType tables, as FOP loads the configured fonts (kerning="yes",
        // complex scripts on)
        TTFFile ttf = new TTFFile(true, true);
        if (header.equals("OTTO") || !ttf.readFont(reader, header, (String) null)) {
          throw new FOPException("not a TrueType font with a Unicode character map: " + uri);
        }
        return of(uri, ttf);
      } catch (IOException e) {
        throw new FOPException("cannot read the font " + uri + ": " + e.getMessage(), e);
      }
    }

    /** The template of a parsed TrueType file. */
    private static Template of(URI uri, TTFFile ttf) throws FOPException {
      if (!ttf.isEmbeddable()) {
        throw new FOPException("the font " + uri + " may not be embedded (its licence forbids it)");
      }
      return new Template(uri, ttf.getEmbedFontName().isEmpty() ? ttf.getPostScriptName() : ttf.getEmbedFontName(),
          ttf.getFullName(), ttf.getFamilyNames(), ttf.getSubFamilyName(), ttf.getCapHeight(), ttf.getXHeight(),
          ttf.getLowerCaseAscent(), ttf.getLowerCaseDescent(), ttf.getFontBBox(),
          ttf.getUnderlinePosition() - ttf.getUnderlineThickness() / 2, ttf.getUnderlineThickness(),
          ttf.getStrikeoutPosition() - ttf.getStrikeoutThickness() / 2, ttf.getStrikeoutThickness(), ttf.getFlags(),
          Integer.parseInt(ttf.getStemV()), Integer.parseInt(ttf.getItalicAngle()), ttf.getWeightClass(),
          ttf.getWidths(), ttf.getBoundingBoxes(), ttf.getCMaps().toArray(new CMapSegment[0]),
          kerning(ttf), ttf.getGDEF(), ttf.getGSUB(), ttf.getGPOS());
    }

    /** The kerning map FOP's loader builds entry by entry ({@code putKerningEntry}), built once. */
    private static Map<Integer, Map<Integer, Integer>> kerning(TTFFile ttf) {
      if (ttf.getKerning() == null) {
        return null;
      }
      Map<Integer, Map<Integer, Integer>> kerning = new java.util.HashMap<>();
      ttf.getKerning().forEach(kerning::put);
      return kerning;
    }

    /** A new font of this template for one PDF: {@code OFFontLoader.buildFont}, TrueType, embedded as CID font subset. */
    MultiByteFont newFont(InternalResourceResolver resolver) {
      MultiByteFont font = new MultiByteFont(resolver, EmbeddingMode.SUBSET);
      font.setIsOTFFile(false);
      font.setTTCName(null);
      font.setSimulateStyle(false);
      font.setFontURI(uri);
      font.setFontName(fontName);
      font.setFullName(fullName);
      font.setFamilyNames(familyNames);
      font.setFontSubFamilyName(subFamilyName);
      font.setCapHeight(capHeight);
      font.setXHeight(xHeight);
      font.setAscender(ascender);
      font.setDescender(descender);
      font.setFontBBox(fontBBox);
      font.setUnderlinePosition(underlinePosition);
      font.setUnderlineThickness(underlineThickness);
      font.setStrikeoutPosition(strikeoutPosition);
      font.setStrikeoutThickness(strikeoutThickness);
      font.setFlags(flags);
      font.setStemV(stemV);
      font.setItalicAngle(italicAngle);
      font.setMissingWidth(0);
      font.setWeight(weight);
      font.setCIDType(CIDFontType.CIDTYPE2);
      // read only once built: shared by every PDF of the lease (the kerning map too)
      font.setWidthArray(widths);
      font.setBBoxArray(boundingBoxes);
      font.setCMap(cmap);
      if (kerning != null) {
        font.replaceKerningMap(kerning);
      }
      font.setGDEF(gdef);
      font.setGSUB(gsub);
      font.setGPOS(gpos);
      font.setEmbedURI(uri);
      return font;
    }
  }
}
