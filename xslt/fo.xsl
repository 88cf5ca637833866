<?xml version="1.0" encoding="UTF-8"?>
<!--
  editio's XSL-FO stylesheet: a document's PDF (applied to a TEI document) and the edition's
  volume (the initial template). Its stable address for an edition's own stylesheet is
  editio:fo.xsl:

    <xsl:stylesheet version="3.0" ...>
      <xsl:import href="editio:fo.xsl"/>
      ... templates and parameters that override editio's ...
    </xsl:stylesheet>

  The modules come in order of precedence, lowest first: what TEI means (common/), then what
  XSL-FO makes of it (fo/). An edition's stylesheet, importing this one, comes above them all.
-->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="common/functions.xsl"/>
  <xsl:import href="common/links.xsl"/>
  <xsl:import href="common/document.xsl"/>
  <xsl:import href="common/citation.xsl"/>
  <xsl:import href="common/collation.xsl"/>
  <xsl:import href="common/text.xsl"/>
  <xsl:import href="fo/layout.xsl"/>
  <xsl:import href="fo/text.xsl"/>
  <xsl:import href="fo/document.xsl"/>
  <xsl:import href="fo/volume.xsl"/>
</xsl:stylesheet>
