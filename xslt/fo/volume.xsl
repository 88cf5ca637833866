<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition as a book: half-title, title page, imprint, contents, introduction and editorial
  principles, the documents in order, and the indexes of persons and places.

  The indexes need the page of every mention, which only the layout knows. FOP lays out each
  page-sequence as soon as its end arrives, and editio streams this stylesheet's output into it
  (org.editio.pdf.VolumeStream): where an index belongs, the volume says
  <v:deferred part="..." ids="..."/>, and editio calls the template m:deferred for that part
  then, with the page (the printed number) of each of those FO ids. The indexes come last, so
  they move no page they list: the volume is laid out once.

  Content that lists pages of what comes after it cannot wait for them. It reads them from
  $pages (the pages of the last build's volume, or none), and declares which ids it used with
  <v:uses-pages ids="..."/>; when the layout puts one of them elsewhere, editio lays the volume
  out again with the pages it found, until they hold. A deferred part needs no declaration.

  A customised edition adds a deferred part with a template in mode m:deferred matching its
  name, and a <v:deferred part="name" ids="..."/> where it belongs (between page-sequences).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    xmlns:v="http://editio.org/ns/volume"
    exclude-result-prefixes="#all">

  <xsl:param name="documents" as="document-node()*" select="()"/>
  <!-- FO id -> page label, as the last build's layout of the volume placed it (see above); empty
       in a first build. In a deferred part, the tunnel parameter $pages holds this layout's. -->
  <xsl:param name="pages" as="map(xs:string, xs:string)" select="map{}"/>

  <xsl:variable name="docs" select="$documents ! (tei:TEI | tei:teiCorpus)"/>
  <!-- The volume's indexes, by the kind of register entry they list. -->
  <xsl:param name="index-kinds" as="xs:string*" select="('persons', 'places', 'organizations')"/>
  <!-- An index entry with more pages than this prints its first and last page and "passim". -->
  <xsl:param name="passim-after" as="xs:integer" select="12"/>
  <!--
    What each index lists, by kind: the mentions of register entries of that kind, as the site's
    registers have them (f:mentions-of): every element of a text pointing to an entry, and the
    parties of the correspondence in the headers, which the volume prints at each document's head.
  -->
  <xsl:variable name="index-mentions" as="map(xs:string, element()*)" select="map:merge(
      for $kind in $index-kinds
      return map:entry($kind, $docs ! f:mentions-of(.)[f:index-entry(.) ! f:entry-kind(.) = $kind]))"/>

  <!-- the indexes that list something (an edition without registers has none) -->
  <xsl:variable name="indexes" as="map(xs:string, xs:string)*"
      select="$index-kinds[exists($index-mentions(.))] ! map{'id': '_index-' || ., 'title': f:label('index-' || .), 'kind': .}"/>

  <!-- the FO ids an index may list a page of: the mentions of the texts, and the documents' starts (for the parties of their headers) -->
  <xsl:variable name="mention-ids" as="xs:string*"
      select="$docs ! tei:text//*[@ref] ! f:fo-mention-id(.), $docs ! f:doc-id(.)"/>

  <!-- The register entry a mention of an index points to (its first pointer). -->
  <xsl:function name="f:index-entry" as="element()?">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="f:resolve(tokenize(($mention/@ref, $mention/@corresp)[1])[1], $mention)"/>
  </xsl:function>

  <!-- Where an index finds a mention's page: the mention in its text, a party of the header at its document's start. -->
  <xsl:function name="f:index-anchor" as="xs:string?">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="if ($mention/ancestor::tei:text) then f:fo-mention-id($mention) else f:doc-id($mention)"/>
  </xsl:function>

  <xsl:template name="xsl:initial-template">
    <fo:root xml:lang="{$language}">
      <xsl:call-template name="f:layout-master-set"/>
      <xsl:call-template name="f:declarations">
        <xsl:with-param name="title" select="$edition-title"/>
        <xsl:with-param name="description" select="string(($edition//tei:titleStmt/tei:title[@type = 'sub'])[1])"/>
        <xsl:with-param name="creators" select="$f:edition-editors"/>
      </xsl:call-template>
      <xsl:call-template name="m:bookmarks"/>
      <xsl:call-template name="m:front"/>
      <xsl:call-template name="m:contents"/>
      <xsl:call-template name="m:introduction"/>
      <xsl:call-template name="m:front-lists"/>
      <fo:page-sequence master-reference="chapter" xsl:use-attribute-sets="f:text">
        <xsl:call-template name="f:static-content">
          <xsl:with-param name="verso" select="$edition-title"/>
          <xsl:with-param name="recto" select="'#document'"/>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <fo:block id="_documents" role="H1" keep-together.within-page="always" font-family="{$f:heading-font}" font-size="16pt" font-weight="bold" space-after="14pt">
            <xsl:value-of select="f:label('documents')"/>
          </fo:block>
          <xsl:for-each select="$docs">
            <fo:block space-before="18pt" keep-together.within-page="auto"
                break-before="{if (position() gt 1 and not(f:is-calendar(.))) then 'page' else 'auto'}">
              <xsl:call-template name="f:fo-document">
                <xsl:with-param name="tei" select="."/>
                <xsl:with-param name="number" select="(f:doc-number-label(.), string(position()))[1]"/>
                <xsl:with-param name="heading-offset" select="1" tunnel="yes"/>
              </xsl:call-template>
            </fo:block>
          </xsl:for-each>
        </fo:flow>
      </fo:page-sequence>
      <xsl:for-each select="$indexes">
        <v:deferred part="{?id}" ids="{$mention-ids}"/>
      </xsl:for-each>
    </fo:root>
  </xsl:template>

  <!--
    A deferred part of the volume, called by editio when everything before it is laid out:
    $pages holds the page of each id its v:deferred asked for (if laid out). Its page-sequences
    come wrapped in one v:part.
  -->
  <xsl:template name="m:deferred">
    <xsl:param name="part" as="xs:string"/>
    <xsl:param name="pages" as="map(xs:string, xs:string)"/>
    <v:part>
      <xsl:apply-templates select="$part" mode="m:deferred">
        <xsl:with-param name="pages" select="$pages" tunnel="yes"/>
      </xsl:apply-templates>
    </v:part>
  </xsl:template>

  <xsl:mode name="m:deferred" on-no-match="fail"/>

  <xsl:template match=".[. = $indexes?id]" mode="m:deferred">
    <xsl:call-template name="m:index"><xsl:with-param name="index" select="$indexes[?id = current()]"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="m:bookmarks">
    <fo:bookmark-tree>
      <fo:bookmark internal-destination="_title"><fo:bookmark-title><xsl:value-of select="$edition-title"/></fo:bookmark-title></fo:bookmark>
      <fo:bookmark internal-destination="_contents"><fo:bookmark-title><xsl:value-of select="f:label('contents')"/></fo:bookmark-title></fo:bookmark>
      <xsl:if test="$edition//tei:div[@type = 'introduction']">
        <fo:bookmark internal-destination="_introduction"><fo:bookmark-title><xsl:value-of select="f:label('introduction')"/></fo:bookmark-title></fo:bookmark>
      </xsl:if>
      <xsl:if test="$edition//tei:editorialDecl">
        <fo:bookmark internal-destination="_principles"><fo:bookmark-title><xsl:value-of select="f:label('editorial-principles')"/></fo:bookmark-title></fo:bookmark>
      </xsl:if>
      <!-- in the book's order: the lists stand before the documents -->
      <xsl:if test="exists($f:abbreviations)">
        <fo:bookmark internal-destination="_abbreviations"><fo:bookmark-title><xsl:value-of select="f:label('list-abbreviations')"/></fo:bookmark-title></fo:bookmark>
      </xsl:if>
      <xsl:if test="exists($f:person-entries)">
        <fo:bookmark internal-destination="_persons-list"><fo:bookmark-title><xsl:value-of select="f:label('list-persons')"/></fo:bookmark-title></fo:bookmark>
      </xsl:if>
      <fo:bookmark internal-destination="_documents" starting-state="show">
        <fo:bookmark-title><xsl:value-of select="f:label('documents')"/></fo:bookmark-title>
        <xsl:for-each select="$docs">
          <fo:bookmark internal-destination="{f:doc-id(.)}">
            <fo:bookmark-title><xsl:value-of select="(f:doc-number(.), string(position()))[1] || '. ' || f:title(.)"/></fo:bookmark-title>
          </fo:bookmark>
        </xsl:for-each>
      </fo:bookmark>
      <xsl:for-each select="$indexes">
        <fo:bookmark internal-destination="{?id}"><fo:bookmark-title><xsl:value-of select="?title"/></fo:bookmark-title></fo:bookmark>
      </xsl:for-each>
    </fo:bookmark-tree>
  </xsl:template>

  <!-- Half-title, title page, imprint. -->
  <xsl:template name="m:front">
    <xsl:variable name="pub" select="$edition//tei:publicationStmt"/>
    <fo:page-sequence master-reference="first" force-page-count="end-on-even" xsl:use-attribute-sets="f:text">
      <xsl:call-template name="f:crop-marks"/>
      <fo:flow flow-name="xsl-region-body">
        <fo:block id="_half-title" space-before="70mm" font-family="{$f:heading-font}" font-size="15pt" text-align="center" hyphenate="false">
          <xsl:value-of select="$edition-title"/>
        </fo:block>
        <!-- the verso of the half-title stays blank: the title page is a recto -->
        <fo:block break-before="page">&#160;</fo:block>
        <fo:block break-before="page" id="_title" role="H1" space-before="50mm" font-family="{$f:heading-font}" font-size="22pt" font-weight="bold"
            text-align="center" line-height="1.2" hyphenate="false"><xsl:value-of select="$edition-title"/></fo:block>
        <xsl:for-each select="$edition//tei:titleStmt/tei:title[@type = 'sub']">
          <fo:block space-before="8mm" font-size="12pt" text-align="center" hyphenate="false"><xsl:value-of select="."/></fo:block>
        </xsl:for-each>
        <xsl:for-each select="$edition//tei:titleStmt/tei:respStmt">
          <fo:block space-before="20mm" font-size="11pt" text-align="center">
            <xsl:value-of select="normalize-space(tei:resp) || ' ' || string-join(tei:name ! normalize-space(.), ', ')"/>
          </fo:block>
        </xsl:for-each>
        <fo:block space-before="50mm" font-size="10pt" text-align="center">
          <xsl:value-of select="string-join(($pub/tei:publisher, $pub/tei:date) ! normalize-space(.), ' · ')"/>
        </fo:block>
        <!-- imprint (verso of the title page) -->
        <fo:block break-before="page" id="_imprint" space-before="120mm" font-size="8.5pt" line-height="1.45" text-align="start">
          <fo:block font-weight="bold"><xsl:value-of select="$edition-title"/></fo:block>
          <xsl:for-each select="$edition//tei:titleStmt/tei:respStmt">
            <fo:block><xsl:value-of select="normalize-space(tei:resp) || ' ' || string-join(tei:name ! normalize-space(.), ', ')"/></fo:block>
          </xsl:for-each>
          <xsl:for-each select="$edition//tei:editionStmt/tei:edition">
            <fo:block><xsl:value-of select="normalize-space(.)"/></fo:block>
          </xsl:for-each>
          <fo:block space-before="4pt"><xsl:value-of select="string-join(($pub/tei:publisher ! normalize-space(.),
              $pub/tei:date ! (if (@when) then f:format-iso(@when) else normalize-space(.))), ', ')"/></fo:block>
          <xsl:for-each select="$pub/tei:availability/tei:licence">
            <fo:block space-before="4pt"><xsl:value-of select="normalize-space(.)"/>
              <xsl:if test="@target"><xsl:text> </xsl:text><fo:basic-link external-destination="url('{@target}')"><xsl:value-of select="@target"/></fo:basic-link></xsl:if>
            </fo:block>
          </xsl:for-each>
          <!-- the edition's own fonts (EDITION/fonts/) are named after editio's, their names not hyphenated -->
          <fo:block space-before="4pt"><xsl:if test="exists($edition-fonts)"><xsl:attribute name="hyphenate">false</xsl:attribute></xsl:if>
            <xsl:value-of select="if (exists($edition-fonts))
              then f:label('colophon-with-fonts', string-join($edition-fonts, ', ')) else f:label('colophon')"/></fo:block>
        </fo:block>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <xsl:template name="m:contents">
    <fo:page-sequence master-reference="chapter" initial-page-number="auto-odd" xsl:use-attribute-sets="f:text">
      <xsl:call-template name="f:static-content">
        <xsl:with-param name="verso" select="$edition-title"/>
        <xsl:with-param name="recto" select="f:label('contents')"/>
      </xsl:call-template>
      <fo:flow flow-name="xsl-region-body">
        <fo:block id="_contents" role="H1" keep-together.within-page="always" font-family="{$f:heading-font}" font-size="16pt" font-weight="bold" space-after="12pt">
          <xsl:value-of select="f:label('contents')"/>
        </fo:block>
        <!-- the tagged PDF's table of contents (TOC, an item TOCI per line; the documents a TOC of their own) -->
        <fo:block role="TOC">
          <xsl:if test="$edition//tei:div[@type = 'introduction']">
            <xsl:call-template name="m:toc-line"><xsl:with-param name="target" select="'_introduction'"/>
              <xsl:with-param name="title" select="f:label('introduction')"/></xsl:call-template>
          </xsl:if>
          <xsl:if test="$edition//tei:editorialDecl">
            <xsl:call-template name="m:toc-line"><xsl:with-param name="target" select="'_principles'"/>
              <xsl:with-param name="title" select="f:label('editorial-principles')"/></xsl:call-template>
          </xsl:if>
          <xsl:if test="exists($f:abbreviations)">
            <xsl:call-template name="m:toc-line"><xsl:with-param name="target" select="'_abbreviations'"/>
              <xsl:with-param name="title" select="f:label('list-abbreviations')"/></xsl:call-template>
          </xsl:if>
          <xsl:if test="exists($f:person-entries)">
            <xsl:call-template name="m:toc-line"><xsl:with-param name="target" select="'_persons-list'"/>
              <xsl:with-param name="title" select="f:label('list-persons')"/></xsl:call-template>
          </xsl:if>
          <fo:block role="TOC">
            <fo:block role="Caption" font-family="{$f:heading-font}" font-weight="bold" space-before="8pt" space-after="4pt" keep-with-next.within-page="always">
              <xsl:value-of select="f:label('documents')"/>
            </fo:block>
            <xsl:for-each select="$docs">
              <xsl:call-template name="m:toc-line">
                <xsl:with-param name="target" select="f:doc-id(.)"/>
                <xsl:with-param name="number" select="(f:doc-number(.), string(position()))[1]"/>
                <xsl:with-param name="title" select="f:title(.)"/>
              </xsl:call-template>
            </xsl:for-each>
          </fo:block>
          <fo:block space-before="8pt"/>
          <xsl:for-each select="$indexes">
            <xsl:call-template name="m:toc-line"><xsl:with-param name="target" select="?id"/><xsl:with-param name="title" select="?title"/></xsl:call-template>
          </xsl:for-each>
        </fo:block>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <!-- A line of the volume's contents, as f:fo-contents-line sets it; a document's line has its number. -->
  <xsl:template name="m:toc-line">
    <xsl:param name="target" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="number" as="xs:string?" select="()"/>
    <xsl:call-template name="f:fo-contents-line">
      <xsl:with-param name="target" select="$target"/>
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="number" select="$number"/>
      <xsl:with-param name="number-width" select="f:fo-number-width(($docs ! f:doc-number(.), string(count($docs))))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="m:introduction">
    <xsl:if test="$edition//tei:div[@type = 'introduction'] or $edition//tei:editorialDecl">
      <fo:page-sequence master-reference="chapter" xsl:use-attribute-sets="f:text">
        <xsl:call-template name="f:static-content">
          <xsl:with-param name="verso" select="$edition-title"/>
          <!-- each page names the part it shows (introduction, editorial principles): markers, as the documents' -->
          <xsl:with-param name="recto" select="'#division'"/>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <xsl:for-each select="$edition//tei:div[@type = 'introduction']">
            <fo:block id="_introduction"><fo:marker marker-class-name="division"><xsl:value-of select="f:label('introduction')"/></fo:marker>
              <xsl:apply-templates mode="m:text"/></fo:block>
          </xsl:for-each>
          <xsl:if test="$edition//tei:editorialDecl">
            <fo:block id="_principles" space-before="16pt">
              <fo:marker marker-class-name="division"><xsl:value-of select="f:label('editorial-principles')"/></fo:marker>
              <fo:block role="H1" font-family="{$f:heading-font}" font-weight="bold" font-size="13pt" space-after="8pt" keep-with-next.within-page="always"
                  keep-together.within-page="always">
                <xsl:value-of select="f:label('editorial-principles')"/>
              </fo:block>
              <xsl:for-each select="$edition//tei:editorialDecl/*">
                <fo:block role="H2" font-family="{$f:heading-font}" font-weight="bold" font-size="10pt" space-before="6pt" keep-with-next.within-page="always">
                  <xsl:value-of select="f:declaration-heading(.)"/>
                </fo:block>
                <xsl:apply-templates mode="m:text"/>
              </xsl:for-each>
            </fo:block>
          </xsl:if>
        </fo:flow>
      </fo:page-sequence>
    </xsl:if>
  </xsl:template>

  <!--
    Front matter as documentary editions have it: the persons of the documents with their
    identification (from the register: standard name, dates, office), and the abbreviations and
    terms (edition.xml's div type="abbreviations", a list of labels and items).
  -->
  <xsl:variable name="f:person-entries" as="element()*"
      select="$registers?*//tei:person[f:entry-kind(.) = 'persons'][tei:occupation or tei:birth or tei:death]"/>
  <xsl:variable name="f:abbreviations" as="element()*" select="$edition//tei:div[@type = 'abbreviations']"/>

  <xsl:template name="m:front-lists">
    <xsl:if test="exists($f:person-entries) or exists($f:abbreviations)">
      <fo:page-sequence master-reference="chapter" xsl:use-attribute-sets="f:text">
        <xsl:call-template name="f:static-content">
          <xsl:with-param name="verso" select="$edition-title"/>
          <xsl:with-param name="recto" select="'#division'"/>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body">
          <xsl:for-each select="$f:abbreviations">
            <fo:block><fo:marker marker-class-name="division"><xsl:value-of select="f:label('list-abbreviations')"/></fo:marker></fo:block>
            <fo:block id="_abbreviations" role="H1" keep-together.within-page="always" font-family="{$f:heading-font}" font-weight="bold" font-size="13pt" space-after="8pt" keep-with-next.within-page="always">
              <xsl:value-of select="f:label('list-abbreviations')"/>
            </fo:block>
            <fo:list-block provisional-distance-between-starts="10em" provisional-label-separation="1em" font-size="9pt">
              <xsl:for-each select=".//tei:list/tei:label">
                <fo:list-item space-after="2pt">
                  <fo:list-item-label end-indent="label-end()">
                    <fo:block font-weight="bold" text-align="start" hyphenate="false"><xsl:apply-templates mode="m:text"/></fo:block>
                  </fo:list-item-label>
                  <fo:list-item-body start-indent="body-start()">
                    <fo:block text-align="start"><xsl:apply-templates select="following-sibling::tei:item[1]/node()" mode="m:text"/></fo:block>
                  </fo:list-item-body>
                </fo:list-item>
              </xsl:for-each>
            </fo:list-block>
          </xsl:for-each>
          <xsl:if test="exists($f:person-entries)">
            <fo:block><fo:marker marker-class-name="division"><xsl:value-of select="f:label('list-persons')"/></fo:marker></fo:block>
            <fo:block id="_persons-list" role="H1" keep-together.within-page="always" font-family="{$f:heading-font}" font-weight="bold" font-size="13pt" space-before="16pt" space-after="8pt" keep-with-next.within-page="always">
              <xsl:value-of select="f:label('list-persons')"/>
            </fo:block>
            <xsl:for-each select="$f:person-entries">
              <xsl:sort select="f:standard-name(.)" collation="{$f:collation}"/>
              <fo:block font-size="8.5pt" start-indent="1.5em" text-indent="-1.5em" space-after="1.5pt" text-align="start" hyphenate="false">
                <fo:inline font-weight="bold"><xsl:value-of select="f:standard-name(.)"/></fo:inline>
                <xsl:if test="tei:birth or tei:death">
                  <xsl:value-of select="' (' || string-join((tei:birth/@when, tei:death/@when) ! string(.), '–') || ')'"/>
                </xsl:if>
                <xsl:for-each select="tei:occupation[1]">, <xsl:value-of select="normalize-space(.)"/></xsl:for-each>
              </fo:block>
            </xsl:for-each>
          </xsl:if>
        </fo:flow>
      </fo:page-sequence>
    </xsl:if>
  </xsl:template>

  <!--
    An index: every register entry mentioned in the volume, with its pages (ranges merged),
    linked; set in two columns (the page sequence "columns") under the letters of the reader's
    alphabet (f:index-letter, as the site's registers have them), the title across both columns.
  -->
  <xsl:template name="m:index">
    <xsl:param name="index" as="map(xs:string, xs:string)"/>
    <!-- one per entry, in the reader's alphabet: its name and its mentions -->
    <xsl:variable name="entries" as="map(xs:string, item()*)*">
      <xsl:for-each-group select="$index-mentions($index?kind)" group-by="generate-id(f:index-entry(.))">
        <xsl:sort select="f:standard-name(f:index-entry(.))" collation="{$f:collation}"/>
        <xsl:for-each select="f:index-entry(.)">
          <xsl:sequence select="map{'name': f:standard-name(.), 'mentions': current-group()}"/>
        </xsl:for-each>
      </xsl:for-each-group>
    </xsl:variable>
    <fo:page-sequence master-reference="columns" xsl:use-attribute-sets="f:text">
      <xsl:call-template name="f:static-content">
        <xsl:with-param name="verso" select="$edition-title"/>
        <xsl:with-param name="recto" select="$index?title"/>
      </xsl:call-template>
      <fo:flow flow-name="xsl-region-body">
        <!-- padding, not space: the space after a block that spans the columns is dropped at the columns' top -->
        <fo:block id="{$index?id}" role="H1" keep-together.within-page="always" span="all" font-family="{$f:heading-font}" font-size="16pt" font-weight="bold" padding-after="10pt">
          <xsl:value-of select="$index?title"/>
        </fo:block>
        <fo:block font-size="8.5pt" line-height="1.35" text-align="start" hyphenate="false">
          <xsl:for-each-group select="$entries" group-adjacent="f:index-letter(?name)">
            <fo:block role="H2" font-family="{$f:heading-font}" font-weight="bold" font-size="9.5pt" space-before="8pt" space-after="2pt"
                keep-with-next.within-column="always"><xsl:value-of select="current-grouping-key()"/></fo:block>
            <xsl:for-each select="current-group()">
              <xsl:call-template name="m:index-entry">
                <xsl:with-param name="name" select="?name"/>
                <xsl:with-param name="mentions" select="?mentions"/>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:for-each-group>
        </fo:block>
        <!--
          FOP balances the columns before a block that spans them, not at the end of the flow: the
          last page's columns end level. Not in an empty index: FOP 2.11 cannot balance nothing.
        -->
        <xsl:if test="exists($entries)"><fo:block span="all"/></xsl:if>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <xsl:template name="m:index-entry">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="mentions" as="element()*"/>
    <xsl:param name="pages" as="map(xs:string, xs:string)" tunnel="yes"/>
    <!-- page number -> the first mention on that page (link target) -->
    <xsl:variable name="on-page" as="map(xs:integer, xs:string)" select="map:merge(
        for $m in $mentions, $id in f:index-anchor($m), $p in $pages($id)[. castable as xs:integer]
        return map{xs:integer($p): $id}, map{'duplicates': 'use-first'})"/>
    <xsl:variable name="numbers" select="sort(map:keys($on-page))"/>
    <fo:block start-indent="1.5em" text-indent="-1.5em" keep-together.within-page="always">
      <xsl:value-of select="$name"/>
      <xsl:if test="exists($numbers)"><xsl:text>  </xsl:text></xsl:if>
      <xsl:choose>
        <!-- a name on very many pages: its first and last page and "passim", as printed indexes have it -->
        <xsl:when test="count($numbers) gt $passim-after">
          <xsl:call-template name="m:page-range">
            <xsl:with-param name="from" select="$numbers[1]"/><xsl:with-param name="to" select="$numbers[last()]"/>
            <xsl:with-param name="target" select="$on-page($numbers[1])"/><xsl:with-param name="first" select="true()"/>
          </xsl:call-template>
          <xsl:text> </xsl:text><fo:inline font-style="italic"><xsl:value-of select="f:label('passim')"/></fo:inline>
        </xsl:when>
        <xsl:otherwise>
      <!-- runs of consecutive pages become ranges: 12–14 -->
      <xsl:iterate select="$numbers">
        <xsl:param name="start" as="xs:integer?" select="()"/>
        <xsl:param name="previous" as="xs:integer?" select="()"/>
        <xsl:param name="first" as="xs:boolean" select="true()"/>
        <xsl:on-completion>
          <xsl:if test="exists($start)">
            <xsl:call-template name="m:page-range">
              <xsl:with-param name="from" select="$start"/><xsl:with-param name="to" select="$previous"/>
              <xsl:with-param name="target" select="$on-page($start)"/><xsl:with-param name="first" select="$first"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:on-completion>
        <xsl:choose>
          <xsl:when test="empty($start)">
            <xsl:next-iteration><xsl:with-param name="start" select="."/><xsl:with-param name="previous" select="."/></xsl:next-iteration>
          </xsl:when>
          <xsl:when test=". = $previous + 1">
            <xsl:next-iteration><xsl:with-param name="previous" select="."/></xsl:next-iteration>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="m:page-range">
              <xsl:with-param name="from" select="$start"/><xsl:with-param name="to" select="$previous"/>
              <xsl:with-param name="target" select="$on-page($start)"/><xsl:with-param name="first" select="$first"/>
            </xsl:call-template>
            <xsl:next-iteration>
              <xsl:with-param name="start" select="."/><xsl:with-param name="previous" select="."/>
              <xsl:with-param name="first" select="false()"/>
            </xsl:next-iteration>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:iterate>
        </xsl:otherwise>
      </xsl:choose>
    </fo:block>
  </xsl:template>

  <xsl:template name="m:page-range">
    <xsl:param name="from" as="xs:integer"/>
    <xsl:param name="to" as="xs:integer"/>
    <xsl:param name="target" as="xs:string"/>
    <xsl:param name="first" as="xs:boolean"/>
    <xsl:if test="not($first)">, </xsl:if>
    <fo:basic-link internal-destination="{$target}">
      <!-- a WORD JOINER after the dash: a range is not broken across lines (UAX #14 rule LB11) -->
      <xsl:value-of select="if ($to gt $from) then $from || '–&#x2060;' || $to else string($from)"/>
    </fo:basic-link>
  </xsl:template>
</xsl:stylesheet>
