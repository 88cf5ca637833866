<?xml version="1.0" encoding="UTF-8"?>
<!--
  Where HTML allows phrasing only (a heading), TEI may hold blocks: a head of verse lines (TEI
  allows lg and l in head). Shared by the web pages (html/text.xsl) and the e-book's XHTML
  (epub/text.xsl), which follow HTML's content model alike: the heading's content is rendered as
  usual, then each block element of it becomes a span of the same classes and class as-block
  (the stylesheets set it as a block).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    exclude-result-prefixes="#all">

  <!-- The content of the element in context, as phrasing (its text as m:text renders it). -->
  <xsl:template name="f:phrasing">
    <xsl:choose>
      <xsl:when test="exists(*[f:is-block(.)])">
        <xsl:variable name="rendered"><xsl:apply-templates mode="m:text"/></xsl:variable>
        <xsl:apply-templates select="$rendered/node()" mode="m:phrasing"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="m:text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="m:phrasing">
    <xsl:variable name="block" select="local-name() = ('div', 'p', 'section', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
                                       'table', 'tbody', 'thead', 'tr', 'td', 'th', 'caption', 'figure', 'figcaption', 'aside',
                                       'header', 'footer', 'nav', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'pre')"/>
    <xsl:element name="{if ($block) then 'span' else local-name()}" namespace="{namespace-uri()}">
      <xsl:copy-of select="@*"/>
      <xsl:if test="$block"><xsl:attribute name="class" select="string-join((@class, 'as-block'), ' ')"/></xsl:if>
      <xsl:apply-templates mode="m:phrasing"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="text() | comment() | processing-instruction()" mode="m:phrasing"><xsl:copy/></xsl:template>
</xsl:stylesheet>
