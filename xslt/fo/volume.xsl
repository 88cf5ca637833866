<?xml version="1.0" encoding="UTF-8"?>
<!-- The edition as a book: title pages, contents, introduction, the documents in order. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/functions.xsl"/>
  <xsl:import href="layout.xsl"/>
  <xsl:import href="text.xsl"/>

  <xsl:param name="edition-title" as="xs:string" select="'Edition'"/>
  <xsl:param name="documents" as="document-node()*" select="()"/>

  <xsl:template name="xsl:initial-template">
    <fo:root xml:lang="{($edition/tei:TEI/@xml:lang, 'en')[1]}">
      <xsl:call-template name="f:layout-master-set"/>
      <fo:declarations>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
          <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <dc:title><xsl:value-of select="$edition-title"/></dc:title>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
      </fo:declarations>
      <fo:bookmark-tree>
        <fo:bookmark internal-destination="_contents"><fo:bookmark-title><xsl:value-of select="f:label('contents')"/></fo:bookmark-title></fo:bookmark>
        <xsl:if test="$edition//tei:div[@type = 'introduction']">
          <fo:bookmark internal-destination="_introduction"><fo:bookmark-title><xsl:value-of select="f:label('introduction')"/></fo:bookmark-title></fo:bookmark>
        </xsl:if>
        <fo:bookmark internal-destination="_documents">
          <fo:bookmark-title><xsl:value-of select="f:label('documents')"/></fo:bookmark-title>
          <xsl:for-each select="$documents ! tei:TEI">
            <fo:bookmark internal-destination="{f:doc-id(.)}">
              <fo:bookmark-title><xsl:value-of select="position() || '. ' || f:title(.)"/></fo:bookmark-title>
            </fo:bookmark>
          </xsl:for-each>
        </fo:bookmark>
      </fo:bookmark-tree>

      <!-- Title page and contents -->
      <fo:page-sequence master-reference="first" xsl:use-attribute-sets="f:text">
        <fo:flow flow-name="xsl-region-body">
          <fo:block space-before="60mm" font-family="{$f:heading-font}" font-size="22pt" font-weight="bold"
              text-align="center" line-height="1.2" hyphenate="false"><xsl:value-of select="$edition-title"/></fo:block>
          <xsl:for-each select="$edition//tei:titleStmt/tei:title[@type = 'sub']">
            <fo:block space-before="8mm" font-size="12pt" text-align="center" hyphenate="false"><xsl:value-of select="."/></fo:block>
          </xsl:for-each>
          <xsl:for-each select="$edition//tei:titleStmt/tei:respStmt">
            <fo:block space-before="20mm" font-size="11pt" text-align="center">
              <xsl:value-of select="normalize-space(tei:resp) || ' ' || string-join(tei:name ! normalize-space(.), ', ')"/>
            </fo:block>
          </xsl:for-each>
          <xsl:for-each select="$edition//tei:publicationStmt">
            <fo:block space-before="40mm" font-size="10pt" text-align="center">
              <xsl:value-of select="string-join((normalize-space(tei:publisher), normalize-space(tei:date)), ' · ')"/>
            </fo:block>
          </xsl:for-each>
          <fo:block break-before="page" id="_contents" font-family="{$f:heading-font}" font-size="14pt" font-weight="bold" space-after="10pt">
            <xsl:value-of select="f:label('contents')"/>
          </fo:block>
          <xsl:if test="$edition//tei:div[@type = 'introduction']">
            <xsl:call-template name="m:toc-line">
              <xsl:with-param name="target" select="'_introduction'"/>
              <xsl:with-param name="title" select="f:label('introduction')"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:for-each select="$documents ! tei:TEI">
            <xsl:call-template name="m:toc-line">
              <xsl:with-param name="target" select="f:doc-id(.)"/>
              <xsl:with-param name="title" select="position() || '. ' || f:title(.)"/>
            </xsl:call-template>
          </xsl:for-each>
        </fo:flow>
      </fo:page-sequence>

      <xsl:for-each select="$edition//tei:div[@type = 'introduction']">
        <fo:page-sequence master-reference="chapter" xsl:use-attribute-sets="f:text">
          <xsl:call-template name="f:static-content">
            <xsl:with-param name="verso" select="$edition-title"/>
            <xsl:with-param name="recto" select="f:label('introduction')"/>
          </xsl:call-template>
          <fo:flow flow-name="xsl-region-body">
            <fo:block id="_introduction"><xsl:apply-templates mode="m:fo"/></fo:block>
          </fo:flow>
        </fo:page-sequence>
      </xsl:for-each>

      <xsl:for-each select="$documents ! tei:TEI">
        <fo:page-sequence master-reference="chapter" xsl:use-attribute-sets="f:text">
          <xsl:call-template name="f:static-content">
            <xsl:with-param name="verso" select="$edition-title"/>
            <xsl:with-param name="recto" select="f:title(.)"/>
          </xsl:call-template>
          <fo:flow flow-name="xsl-region-body">
            <xsl:if test="position() = 1"><fo:block id="_documents"/></xsl:if>
            <xsl:call-template name="f:fo-document">
              <xsl:with-param name="tei" select="."/>
              <xsl:with-param name="number" select="string(position())"/>
            </xsl:call-template>
          </fo:flow>
        </fo:page-sequence>
      </xsl:for-each>
    </fo:root>
  </xsl:template>

  <xsl:template name="m:toc-line">
    <xsl:param name="target" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <fo:block text-align-last="justify" space-after="3pt" start-indent="0pt" end-indent="8mm" last-line-end-indent="-8mm" hyphenate="false">
      <fo:basic-link internal-destination="{$target}">
        <xsl:value-of select="$title"/>
        <fo:leader leader-pattern="dots"/>
        <fo:page-number-citation ref-id="{$target}"/>
      </fo:basic-link>
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
