<?xml version="1.0" encoding="UTF-8"?>
<!--
  editio's HTML stylesheet: the document pages (applied to a TEI document) and the edition's
  pages (the initial template). Its stable address for an edition's own stylesheet is
  editio:html.xsl:

    <xsl:stylesheet version="3.0" ...>
      <xsl:import href="editio:html.xsl"/>
      ... templates and parameters that override editio's ...
    </xsl:stylesheet>

  The modules come in order of precedence, lowest first: what TEI means (common/), then what HTML
  makes of it (html/). An edition's stylesheet, importing this one, comes above them all.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="common/functions.xsl"/>
  <xsl:import href="common/links.xsl"/>
  <xsl:import href="common/document.xsl"/>
  <xsl:import href="common/citation.xsl"/>
  <xsl:import href="common/collation.xsl"/>
  <xsl:import href="common/text.xsl"/>
  <xsl:import href="html/page.xsl"/>
  <xsl:import href="html/phrasing.xsl"/>
  <xsl:import href="html/text.xsl"/>
  <xsl:import href="html/document.xsl"/>
  <xsl:import href="html/site.xsl"/>
</xsl:stylesheet>
