<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the search index holds for one document (f:search-record, called by the Java side for each
  document, in parallel with its page): where its page is (the layout's path, relative to the
  search page: a result links it as it is), what a result shows (title, date, sender, addressee,
  type), the facets it can be narrowed by (year, countries, document types, persons), and its
  searchable text in three fields, each a list of segments (a phrase never runs from one segment
  into the next):

  - title: the document's title;
  - text: the summary (abstract), the text in reading order with notes left out, then each note;
    cut into segments where the pages have blocks (f:is-block); where a choice shows one reading
    (f:shown-reading: corr, reg, expan), the others (f:alternate-readings: sic, orig, abbr) are
    kept beside it as <alt reading="...">shown text</alt>, so both are found; a name (of the text or the summary) that
    points to a register entry (@ref) carries the entry's forms as <also names="...">name</also>, so that
    "Ismet" in the text counts as a mention of İnönü where it stands (ranking, marking);
  - names: every form of every register entry the document points to (f:entries-pointed-to: in
    the text, or as sender, addressee, place in the header): "bloom" finds the document that
    mentions Blum.

  What an element is (a block, a choice's readings, a register entry and its names) is decided in
  common/functions.xsl, as for the pages: this module only says what of it the index keeps.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/functions.xsl"/>
  <xsl:import href="../common/links.xsl"/>

  <xsl:function name="f:search-record" as="element(doc)" visibility="public">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="tei" select="$doc/(tei:TEI | tei:teiCorpus)[1]"/>
    <xsl:variable name="date" select="f:document-date($tei)"/>
    <xsl:variable name="entries" select="f:entries-pointed-to($tei)"/>
    <!-- the forms of the entries each @ref of the text points to, each distinct @ref resolved once -->
    <xsl:variable name="mentions" as="map(xs:string, xs:string*)" select="if (root($tei)//@xml:base) then map{} else map:merge(
        for $ref in distinct-values(($tei/tei:text, $tei/tei:teiHeader/tei:profileDesc/tei:abstract)//*[@ref]/@ref ! normalize-space(.))
        return map:entry($ref, distinct-values(f:resolve-all(tokenize($ref), root($tei)) ! f:entry-of(.) ! f:name-forms(.))))"/>
    <doc id="{f:doc-id($tei)}" page="{f:href($here, 'html:document:' || f:doc-id($tei))}" title="{f:title($tei)}"
         date="{($date ! f:format-date(.), '')[1]}"
         sender="{(f:party($tei, 'sender'), '')[1]}" addressee="{(f:party($tei, 'addressee'), '')[1]}"
         type="{string-join(f:categories($tei, 'document-types') ! f:category-label(.), ', ')}"
         calendar="{f:is-calendar($tei)}">
      <xsl:for-each select="f:year($tei)">
        <facet name="year" key="{.}" label="{f:year-label(.)}"/>
      </xsl:for-each>
      <xsl:for-each select="distinct-values(f:categories($tei, 'countries'))">
        <facet name="country" key="{.}" label="{f:category-label(.)}"/>
      </xsl:for-each>
      <xsl:for-each select="distinct-values(f:categories($tei, 'document-types'))">
        <facet name="type" key="{.}" label="{f:category-label(.)}"/>
      </xsl:for-each>
      <xsl:for-each select="$entries[self::tei:person]">
        <facet name="person" key="{@xml:id}" label="{f:standard-name(.)}"/>
      </xsl:for-each>
      <field name="title"><seg><xsl:value-of select="f:title($tei)"/></seg></field>
      <field name="text">
        <xsl:for-each select="$tei/tei:teiHeader/tei:profileDesc/tei:abstract">
          <xsl:call-template name="m:segments"><xsl:with-param name="flat" as="item()*">
            <xsl:apply-templates mode="m:search"><xsl:with-param name="mentions" select="$mentions" tunnel="yes"/></xsl:apply-templates>
          </xsl:with-param></xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="m:segments"><xsl:with-param name="flat" as="item()*">
          <xsl:apply-templates select="$tei/tei:text" mode="m:search">
            <xsl:with-param name="mentions" select="$mentions" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:with-param></xsl:call-template>
        <xsl:for-each select="$tei/tei:text//tei:note">
          <xsl:call-template name="m:segments"><xsl:with-param name="flat" as="item()*">
            <break/><xsl:apply-templates mode="m:search"><xsl:with-param name="mentions" select="$mentions" tunnel="yes"/></xsl:apply-templates><break/>
          </xsl:with-param></xsl:call-template>
        </xsl:for-each>
      </field>
      <field name="names">
        <xsl:for-each select="$entries ! f:name-forms(.)">
          <seg><xsl:value-of select="."/></seg>
        </xsl:for-each>
      </field>
    </doc>
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

  <!-- (next to a break inside a word, the whitespace around the break goes: f:word-break-trimmed) -->
  <xsl:template match="text()" mode="m:search">
    <xsl:value-of select="f:word-break-trimmed(.)"/>
  </xsl:template>

  <!--
    A line, column or page break separates words ("ends here<lb/>and" is "here" and "and"); one
    inside a word (break="no") joins them, and a weak pc before it (the source's hyphen at the
    line's end) goes: "Ver<pc force="weak">-</pc><lb break="no"/>handlung" is "Verhandlung".
  -->
  <xsl:template match="tei:lb | tei:cb | tei:pb" mode="m:search">
    <xsl:if test="not(f:is-word-break(.))"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="tei:pc[f:ends-broken-word(.)]" mode="m:search"/>

  <!-- an empty g is the character its declaration maps it to -->
  <xsl:template match="tei:g[f:is-empty-glyph(.)]" mode="m:search"><xsl:value-of select="f:glyph-mapping(.)"/></xsl:template>

  <!-- the indentation inside a choice, subst or app is no text: "re<subst> <del>a</del> <add>e</add> </subst>d" is one word -->
  <xsl:template match="text()[f:is-indentation(.)]" mode="m:search"/>

  <!-- a block of the page is a segment of its own -->
  <xsl:template match="*[f:is-block(.)]" mode="m:search">
    <break/>
    <xsl:apply-templates mode="m:search"/>
    <break/>
  </xsl:template>

  <!-- an index entry's terms are not words of the text (as on the pages) -->
  <xsl:template match="tei:index" mode="m:search" priority="2"/>

  <!-- notes are segments of their own, after the text -->
  <xsl:template match="tei:note" mode="m:search" priority="2"/>

  <!--
    A name in the text or the summary that points to register entries: its words, with every form
    of the entries beside them (xml:base makes each pointer resolve on its own).
  -->
  <xsl:template match="*[@ref]" mode="m:search" priority="0.7">
    <xsl:param name="mentions" as="map(xs:string, xs:string*)?" tunnel="yes"/>
    <xsl:variable name="ref" select="normalize-space(@ref)"/>
    <xsl:variable name="forms" select="if (exists($mentions) and map:contains($mentions, $ref)) then $mentions($ref)
        else distinct-values(tokenize($ref) ! f:resolve(., current()) ! f:entry-of(.) ! f:name-forms(.))"/>
    <xsl:choose>
      <xsl:when test="exists($forms)">
        <also names="{string-join($forms, ' ')}"><xsl:next-match/></also>
      </xsl:when>
      <xsl:otherwise><xsl:next-match/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the reading the page shows, with the others (the source's) beside it -->
  <xsl:template match="tei:choice" mode="m:search" priority="1">
    <alt reading="{string-join(f:alternate-readings(.) ! string(.), ' ')}">
      <xsl:apply-templates select="f:shown-reading(.)" mode="m:search"/>
    </alt>
  </xsl:template>
</xsl:stylesheet>
