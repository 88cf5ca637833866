<?xml version="1.0" encoding="UTF-8"?>
<!-- The home page: the edition's title, its introduction, and its documents in order. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/functions.xsl"/>
  <xsl:import href="page.xsl"/>
  <xsl:import href="text.xsl"/>

  <!-- The edition's documents, in the order they are published. -->
  <xsl:param name="documents" as="document-node()*" select="()"/>

  <xsl:template name="xsl:initial-template">
    <xsl:call-template name="f:page">
      <xsl:with-param name="title" select="f:label('home')"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="$edition-title"/></h1>
        <xsl:for-each select="$edition//tei:titleStmt/tei:title[@type = 'sub']">
          <p class="subtitle"><xsl:value-of select="."/></p>
        </xsl:for-each>
        <xsl:for-each select="$edition//tei:titleStmt/tei:respStmt">
          <p class="editors"><xsl:value-of select="normalize-space(tei:resp)"/><xsl:text> </xsl:text>
            <xsl:value-of select="string-join(tei:name ! normalize-space(.), ', ')"/></p>
        </xsl:for-each>
        <xsl:apply-templates select="$edition/tei:TEI/tei:text/tei:body/tei:div[@type = 'introduction']" mode="m:html">
          <xsl:with-param name="heading-offset" select="1" tunnel="yes"/>
        </xsl:apply-templates>
        <section class="document-list" aria-labelledby="documents-heading">
          <h2 id="documents-heading"><xsl:value-of select="f:label('documents')"/> (<xsl:value-of select="count($documents)"/>)</h2>
          <ol>
            <xsl:for-each select="$documents/tei:TEI">
              <xsl:variable name="date" select="f:document-date(.)"/>
              <li>
                <a href="documents/{f:doc-id(.)}.html"><xsl:value-of select="f:title(.)"/></a>
                <xsl:if test="$date">
                  <xsl:text> </xsl:text>
                  <time datetime="{f:date-sort-key($date)}"><xsl:value-of select="f:format-date($date)"/></time>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ol>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:mode name="m:html" on-no-match="text-only-copy"/>
</xsl:stylesheet>
