<?xml version="1.0" encoding="UTF-8"?>
<!--
  editio's CMIF stylesheet (editio:cmif.xsl): the edition's correspondence metadata in the
  Correspondence Metadata Interchange Format 1.1 of the TEI Correspondence SIG, the file
  correspSearch harvests. The initial template writes the whole file from the edition's documents.

  One correspDesc per document that has a sender or an addressee (f:parties: correspDesc, else
  particDesc), with
    @key      the document's id (what identifies it when the edition has no base URL)
    @ref      the address of its page: the edition's base URL and the page's path (OutputLayout);
              without a base URL there is no address, and the file says so in a comment
    @source   the bibl of the edition, whose @xml:id is a UUID that stays the same between builds
  and a sent and a received action: the register entry's standard name (the document's own text
  for a name without an entry; "Unknown" where the document names nobody, as CMIF asks), its
  authority files as @ref (the entry's idno values that are http(s) addresses: GND, VIAF,
  GeoNames ...; an entry without one gets no @ref, which CMIF allows), the place, and the date as
  attributes only (CMIF's forms: YYYY-MM-DD, YYYY-MM, YYYY). What CMIF does not carry (the
  sender's office, the dateline's wording) stays in the edition.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns="http://www.tei-c.org/ns/1.0"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    exclude-result-prefixes="#all">

  <xsl:import href="common/functions.xsl"/>
  <xsl:import href="common/links.xsl"/>

  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <!-- The edition's documents, in the order they are published. -->
  <xsl:param name="documents" as="document-node()*" select="()"/>
  <!-- The bibl's @xml:id: a name-based UUID the Java side derives from the edition (stable between builds). -->
  <xsl:param name="cmif-id" as="xs:string" select="'e0000000-0000-3000-8000-000000000000'"/>
  <!-- When the file was made (xs:dateTime): the edition's publication date, for reproducible builds. -->
  <xsl:param name="published" as="xs:string" select="'1970-01-01T00:00:00Z'"/>

  <!-- The licences correspSearch accepts for correspondence metadata. -->
  <xsl:variable name="f:cmif-licences" as="map(xs:string, xs:string)" select="map{
    'https://creativecommons.org/licenses/by/4.0/': 'This file is licensed under the terms of the Creative Commons License CC-BY 4.0',
    'https://creativecommons.org/publicdomain/zero/1.0/': 'This file is licensed under the terms of the Creative Commons License CC0 1.0'}"/>

  <!-- The edition's licence when it is one CMIF accepts (http or https, with or without the trailing slash), else empty. -->
  <xsl:function name="f:cmif-licence" as="xs:string?">
    <xsl:param name="target" as="xs:string?"/>
    <xsl:variable name="normal" select="replace(replace(normalize-space($target), '^http:', 'https:'), '([^/])$', '$1/')"/>
    <xsl:sequence select="$normal[map:contains($f:cmif-licences, .)]" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>

  <!--
    The web address of an output file: the base URL resolved with the file's path from the home
    page (the base URL is the address of the HTML edition's folder; the output's other parts lie
    beside it). Empty without a base URL.
  -->
  <xsl:function name="f:web-address" as="xs:string?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="$f:web-base-url ! f:href(f:path('html:home'), $key) ! resolve-uri(., $f:web-base-url)
                          ! replace(., '^([A-Za-z][A-Za-z0-9+.-]*://[^/]+)(/\.\.)+/', '$1/')"/>
  </xsl:function>

  <!-- Authority-file addresses of a register entry: its idno values that are http(s) URLs. -->
  <xsl:function name="f:authority-refs" as="xs:string*">
    <xsl:param name="entry" as="element()?"/>
    <xsl:sequence select="distinct-values($entry/tei:idno ! normalize-space(.)[matches(., '^https?://\S+$')])"/>
  </xsl:function>

  <xsl:variable name="docs" select="$documents ! tei:TEI"/>
  <xsl:variable name="correspondence" select="$docs[exists(f:parties(., 'sender') | f:parties(., 'addressee'))]"/>
  <xsl:variable name="pub" select="$edition//tei:publicationStmt"/>
  <xsl:variable name="editors" select="$edition//tei:titleStmt/tei:respStmt/tei:name ! normalize-space(.)[.] ! (upper-case(substring(., 1, 1)) || substring(., 2))"/>

  <xsl:template name="xsl:initial-template">
    <xsl:variable name="licence" select="($pub/tei:availability/tei:licence/@target ! f:cmif-licence(.))[1]"/>
    <TEI>
      <teiHeader>
        <fileDesc>
          <titleStmt>
            <title><xsl:value-of select="$edition-title"/></title>
            <!-- the contact persons: the edition's editors, else its publisher -->
            <xsl:variable name="contacts" select="if (exists($editors)) then $editors else ($pub/tei:publisher ! normalize-space(.))[.][1]"/>
            <xsl:for-each select="$contacts">
              <editor><xsl:value-of select="."/></editor>
            </xsl:for-each>
            <xsl:if test="empty($contacts)"><editor/></xsl:if>
          </titleStmt>
          <publicationStmt>
            <publisher>
              <xsl:variable name="publisher" select="(($pub/tei:publisher ! normalize-space(.))[.], $editors, $edition-title)[1]"/>
              <xsl:choose>
                <xsl:when test="exists($f:web-base-url)"><ref target="{$f:web-base-url}"><xsl:value-of select="$publisher"/></ref></xsl:when>
                <xsl:otherwise><xsl:value-of select="$publisher"/></xsl:otherwise>
              </xsl:choose>
            </publisher>
            <!-- the address of this file; without a base URL only its name is known -->
            <idno type="url"><xsl:value-of select="(f:web-address('cmif:file'), f:path('cmif:file'))[1]"/></idno>
            <date when="{$published}"/>
            <availability>
              <xsl:choose>
                <xsl:when test="exists($licence)">
                  <licence target="{$licence}"><xsl:value-of select="$f:cmif-licences($licence)"/></licence>
                </xsl:when>
                <xsl:otherwise>
                  <p>The edition declares no licence under which correspSearch can publish these metadata (CC BY 4.0 or CC0 1.0).</p>
                </xsl:otherwise>
              </xsl:choose>
            </availability>
          </publicationStmt>
          <sourceDesc>
            <bibl type="online" xml:id="{$cmif-id}">
              <xsl:value-of select="string-join((
                string-join($editors, ', ')[.] ! (. || ' ' || f:label('editors-suffix')),
                $edition-title,
                normalize-space($edition//tei:editionStmt/tei:edition)[.],
                normalize-space($pub/tei:date)[.]), ', ')"/>
              <xsl:for-each select="$f:web-base-url">
                <xsl:text>, </xsl:text><ref target="{.}"><xsl:value-of select="."/></ref>
              </xsl:for-each>
            </bibl>
          </sourceDesc>
        </fileDesc>
        <profileDesc>
          <xsl:if test="empty($f:web-base-url) and exists($correspondence)">
            <xsl:comment> The edition has no base URL (edition.xml: publicationStmt/idno[@type='URL']): its documents are identified by their ids (@key), not by addresses. </xsl:comment>
          </xsl:if>
          <xsl:apply-templates select="$correspondence" mode="m:cmif"/>
        </profileDesc>
      </teiHeader>
      <text>
        <body>
          <p/>
        </body>
      </text>
    </TEI>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="m:cmif">
    <xsl:variable name="id" select="f:doc-id(.)"/>
    <correspDesc key="{$id}" source="#{$cmif-id}">
      <xsl:for-each select="f:web-address('html:document:' || $id)"><xsl:attribute name="ref" select="."/></xsl:for-each>
      <correspAction type="sent">
        <xsl:call-template name="m:cmif-parties"><xsl:with-param name="names" select="f:parties(., 'sender')"/></xsl:call-template>
        <xsl:apply-templates select="f:place-name(.)" mode="m:cmif"/>
        <xsl:apply-templates select="f:document-date(.)" mode="m:cmif"/>
      </correspAction>
      <correspAction type="received">
        <xsl:call-template name="m:cmif-parties"><xsl:with-param name="names" select="f:parties(., 'addressee')"/></xsl:call-template>
        <xsl:apply-templates select="f:sending(.)/../tei:correspAction[@type = 'received'][1]/tei:placeName" mode="m:cmif"/>
        <xsl:apply-templates select="f:sending(.)/../tei:correspAction[@type = 'received'][1]/tei:date[@when or @from or @to or @notBefore or @notAfter]" mode="m:cmif"/>
      </correspAction>
    </correspDesc>
  </xsl:template>

  <!-- The parties of an action; CMIF wants a name, "Unknown" when the document names nobody. -->
  <xsl:template name="m:cmif-parties">
    <xsl:param name="names" as="element()*"/>
    <xsl:apply-templates select="$names" mode="m:cmif"/>
    <xsl:if test="empty($names)"><persName>Unknown</persName></xsl:if>
  </xsl:template>

  <!-- A name: the register entry's standard name and authority files; the kind of name follows the entry. -->
  <xsl:template match="tei:persName | tei:orgName | tei:placeName | tei:name" mode="m:cmif">
    <xsl:variable name="entry" select="tokenize(@ref)[1] ! f:resolve(., current())"/>
    <xsl:variable name="kind" select="($entry ! f:entry-kind(.), 'other')[1]"/>
    <xsl:element name="{if ($kind = 'persons') then 'persName' else if ($kind = 'organizations') then 'orgName'
                        else if ($kind = 'places') then 'placeName' else if (self::tei:name) then 'persName' else local-name()}">
      <xsl:call-template name="m:cmif-certainty"/>
      <xsl:variable name="refs" select="f:authority-refs($entry)"/>
      <xsl:if test="exists($refs)"><xsl:attribute name="ref" select="$refs"/></xsl:if>
      <xsl:value-of select="(f:recorded-name($entry), normalize-space(.))[1]"/>
    </xsl:element>
  </xsl:template>

  <!-- A date as CMIF has it: its ISO attributes, no text. -->
  <xsl:template match="tei:date" mode="m:cmif">
    <date>
      <xsl:copy-of select="@when | @from | @to | @notBefore | @notAfter"/>
      <xsl:call-template name="m:cmif-certainty"/>
    </date>
  </xsl:template>

  <!-- CMIF's two marks of doubt: a conjecture of the editors, an uncertain attribution. -->
  <xsl:template name="m:cmif-certainty">
    <xsl:if test="tokenize(@evidence) = 'conjecture'"><xsl:attribute name="evidence" select="'conjecture'"/></xsl:if>
    <xsl:if test="@cert = 'low'"><xsl:attribute name="cert" select="'low'"/></xsl:if>
  </xsl:template>
</xsl:stylesheet>
