<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the search index holds for one document (f:search-record, called by the Java side for each
  document, in parallel with its page): what a result shows (title, date, sender, addressee,
  type), the facets it can be narrowed by (year, countries, document types, persons), and its
  searchable text in three fields, each a list of segments (a phrase never runs from one segment
  into the next):

  - title: the document's title;
  - text: the summary (abstract), the text in reading order with notes left out, then each note;
    where the page shows an editor's reading of a choice (corr, reg, expan), the source's reading
    (sic, orig, abbr) is kept beside it as <alt reading="...">shown text</alt>, so both are found;
  - names: every form of every register entry the document points to (in the text, or as sender,
    addressee, place in the header): "bloom" finds the document that mentions Blum.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/functions.xsl"/>

  <!-- Elements whose text is a block of its own: a phrase does not run across their edges. -->
  <xsl:variable name="blocks" select="('p', 'head', 'ab', 'item', 'l', 'label', 'cell', 'dateline', 'salute',
    'signed', 'byline', 'trailer', 'opener', 'closer', 'postscript', 'docTitle', 'titlePart', 'docAuthor',
    'docDate', 'bibl', 'figDesc', 'argument', 'epigraph', 'div', 'body', 'front', 'back', 'text', 'list',
    'table', 'row', 'lg', 'quote', 'q', 'listBibl', 'address', 'addrLine')"/>

  <xsl:function name="f:search-record" as="element(doc)" visibility="public">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="tei" select="$doc/tei:TEI"/>
    <xsl:variable name="date" select="f:document-date($tei)"/>
    <xsl:variable name="pointers" select="
        if ($doc//@xml:base)
        then (for $n in ($tei/tei:text//*[@ref], $tei/tei:teiHeader/tei:profileDesc//*[@ref or @corresp])
              return tokenize(($n/@ref, $n/@corresp)[1]) ! f:resolve(., $n))
        else f:targets(($tei/tei:text//*[@ref], $tei/tei:teiHeader/tei:profileDesc//*[@ref or @corresp])
              ! tokenize((@ref, @corresp)[1]), $doc)"/>
    <!-- "!", not "/": a path would sort entries of different registers in document order, which
         depends on the order the registers were loaded in, not on the document -->
    <xsl:variable name="entries" select="$pointers[self::tei:person or self::tei:place or self::tei:org or self::tei:persName
        or self::tei:placeName or self::tei:orgName] ! (ancestor-or-self::tei:person | ancestor-or-self::tei:place | ancestor-or-self::tei:org)[last()]"/>
    <doc id="{f:doc-id($tei)}" title="{f:title($tei)}" date="{($date ! f:format-date(.), '')[1]}"
         sender="{(f:party($tei, 'sender'), '')[1]}" addressee="{(f:party($tei, 'addressee'), '')[1]}"
         type="{string-join(f:categories($tei, 'document-types') ! f:category-label(.), ', ')}"
         calendar="{f:is-calendar($tei)}">
      <xsl:for-each select="f:year($tei)">
        <facet name="year" key="{.}" label="{.}"/>
      </xsl:for-each>
      <xsl:for-each select="distinct-values(f:categories($tei, 'countries'))">
        <facet name="country" key="{.}" label="{f:category-label(.)}"/>
      </xsl:for-each>
      <xsl:for-each select="distinct-values(f:categories($tei, 'document-types'))">
        <facet name="type" key="{.}" label="{f:category-label(.)}"/>
      </xsl:for-each>
      <!-- entries in the order the document first points to them, each once -->
      <xsl:for-each-group select="$entries[self::tei:person]" group-by="generate-id()">
        <facet name="person" key="{@xml:id}" label="{f:standard-name(.)}"/>
      </xsl:for-each-group>
      <field name="title"><seg><xsl:value-of select="f:title($tei)"/></seg></field>
      <field name="text">
        <xsl:for-each select="$tei/tei:teiHeader/tei:profileDesc/tei:abstract">
          <xsl:call-template name="m:segments"><xsl:with-param name="flat" as="item()*">
            <xsl:apply-templates mode="m:search"/>
          </xsl:with-param></xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="m:segments"><xsl:with-param name="flat" as="item()*">
          <xsl:apply-templates select="$tei/tei:text" mode="m:search"/>
        </xsl:with-param></xsl:call-template>
        <xsl:for-each select="$tei/tei:text//tei:note">
          <xsl:call-template name="m:segments"><xsl:with-param name="flat" as="item()*">
            <break/><xsl:apply-templates mode="m:search"/><break/>
          </xsl:with-param></xsl:call-template>
        </xsl:for-each>
      </field>
      <field name="names">
        <xsl:for-each-group select="$entries" group-by="generate-id()">
          <xsl:for-each select="distinct-values((tei:persName | tei:placeName | tei:orgName | tei:name) ! normalize-space(.))[.]">
            <seg><xsl:value-of select="."/></seg>
          </xsl:for-each>
        </xsl:for-each-group>
      </field>
    </doc>
  </xsl:function>

  <!--
    What the pointers of a document without xml:base point to, in their order: as f:resolve, but
    each file named is resolved once for the document, not once per pointer (resolving a URI
    against the node's base URI was most of the cost of a search record).
  -->
  <xsl:function name="f:targets" as="element()*">
    <xsl:param name="pointers" as="xs:string*"/>
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="base" select="base-uri($doc/*)"/>
    <xsl:variable name="files" as="map(xs:string, document-node()?)" select="map:merge(
        distinct-values($pointers[contains(., '#')] ! substring-before(., '#'))[. != '']
        ! map:entry(., map:get($registers, f:uri-key(string(resolve-uri(., $base))))))"/>
    <xsl:sequence select="for $p in $pointers[contains(., '#') and substring-after(., '#') != '']
        return if (starts-with($p, '#')) then id(substring-after($p, '#'), $doc)[1]
        else map:get($files, substring-before($p, '#')) ! id(substring-after($p, '#'), .)[1]"/>
  </xsl:function>

  <!-- The text flattened into text, <alt> and <break/> items, then cut into segments at the breaks. -->
  <xsl:template name="m:segments">
    <xsl:param name="flat" as="item()*"/>
    <xsl:for-each-group select="$flat" group-adjacent="not(self::break)">
      <xsl:if test="current-grouping-key() and normalize-space(string-join(current-group() ! string(.), ''))">
        <seg><xsl:sequence select="current-group()"/></seg>
      </xsl:if>
    </xsl:for-each-group>
  </xsl:template>

  <xsl:mode name="m:search" on-no-match="shallow-skip"/>

  <xsl:template match="text()" mode="m:search">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="*[local-name() = $blocks]" mode="m:search">
    <break/>
    <xsl:apply-templates mode="m:search"/>
    <break/>
  </xsl:template>

  <!-- notes are segments of their own, after the text -->
  <xsl:template match="tei:note" mode="m:search"/>

  <!-- the reading the page shows, with the source's reading beside it -->
  <xsl:template match="tei:choice[(tei:sic or tei:orig or tei:abbr) and (tei:corr or tei:reg or tei:expan)]" mode="m:search">
    <alt reading="{string-join((tei:sic | tei:orig | tei:abbr) ! string(.), ' ')}">
      <xsl:apply-templates select="tei:corr | tei:reg | tei:expan" mode="m:search"/>
    </alt>
  </xsl:template>
</xsl:stylesheet>
