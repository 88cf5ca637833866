<?xml version="1.0" encoding="UTF-8"?>
<!--
  editio's EPUB stylesheet: the files of the e-book. Applied to a TEI document it writes that
  document's chapter; the template m:epub-file writes any other file of the book by its key in the
  layout (the package document, navigation, NCX, cover, title page, introduction, registers), and
  f:epub-files says which files the book has, in reading order. The Java side (EpubPublisher)
  asks for each and packs them. Its stable address for an edition's own stylesheet is
  editio:epub.xsl:

    <xsl:stylesheet version="3.0" ...>
      <xsl:import href="editio:epub.xsl"/>
      ... templates and parameters that override editio's ...
    </xsl:stylesheet>

  The modules come in order of precedence, lowest first: what TEI means (common/), then what the
  e-book makes of it (html/phrasing.xsl, which the web pages share, and epub/). An edition's stylesheet, importing this one, comes above them all.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="common/functions.xsl"/>
  <xsl:import href="common/links.xsl"/>
  <xsl:import href="common/document.xsl"/>
  <xsl:import href="common/citation.xsl"/>
  <xsl:import href="common/collation.xsl"/>
  <xsl:import href="common/text.xsl"/>
  <xsl:import href="html/phrasing.xsl"/>
  <xsl:import href="epub/text.xsl"/>
  <xsl:import href="epub/book.xsl"/>
</xsl:stylesheet>
