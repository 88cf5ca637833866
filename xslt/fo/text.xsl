<?xml version="1.0" encoding="UTF-8"?>
<!--
  The XSL-FO renderer of the text: what each behaviour of common/text.xsl becomes on the page.
  What an element means was decided there; here is only XSL-FO. How a particular element is set
  (a dateline to the right in italics, a paragraph indented after another) is mode m:fo-style,
  the print counterpart of the HTML edition's CSS: templates that add attributes. Notes become
  footnotes at the foot of the page where their mark stands.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    xmlns:b="http://editio.org/ns/behaviour"
    exclude-result-prefixes="#all">

  <!-- ============================================================ styles -->

  <xsl:mode name="m:fo-style" on-no-match="deep-skip"/>

  <!--
    A paragraph that continues the prose of a paragraph before it starts with an indent. A typed
    ab (a calendar entry's "Persons mentioned", "Places mentioned") is a line of its own kind, not
    prose: it starts at the margin, as does the one after it.
  -->
  <xsl:template match="tei:p | tei:ab" mode="m:fo-style">
    <xsl:attribute name="text-align">justify</xsl:attribute>
    <xsl:attribute name="space-after">4pt</xsl:attribute>
    <xsl:attribute name="text-indent" select="if (not(self::tei:ab[@type]) and preceding-sibling::*[1][self::tei:p]) then '1.2em' else '0pt'"/>
  </xsl:template>
  <xsl:template match="tei:opener" mode="m:fo-style">
    <xsl:attribute name="space-after">8pt</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:template>
  <xsl:template match="tei:dateline" mode="m:fo-style">
    <xsl:attribute name="text-align">end</xsl:attribute>
    <xsl:attribute name="font-style">italic</xsl:attribute>
  </xsl:template>
  <xsl:template match="tei:closer | tei:postscript" mode="m:fo-style">
    <xsl:attribute name="space-before">8pt</xsl:attribute>
    <xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute>
  </xsl:template>
  <xsl:template match="tei:signed | tei:salute" mode="m:fo-style">
    <xsl:attribute name="text-align">end</xsl:attribute>
  </xsl:template>
  <xsl:template match="tei:lg" mode="m:fo-style">
    <xsl:attribute name="space-after">6pt</xsl:attribute>
    <xsl:attribute name="start-indent">2em</xsl:attribute>
  </xsl:template>
  <xsl:template match="tei:l" mode="m:fo-style">
    <xsl:attribute name="text-align">start</xsl:attribute>
  </xsl:template>

  <!-- How each rendition of common/text.xsl (f:renditions) is set. -->
  <xsl:template name="f:fo-renditions">
    <xsl:param name="renditions" as="xs:string*"/>
    <xsl:if test="$renditions = 'italic'"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:if>
    <xsl:if test="$renditions = 'bold'"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
    <xsl:if test="$renditions = ('superscript', 'subscript')">
      <xsl:attribute name="baseline-shift" select="if ($renditions = 'superscript') then 'super' else 'sub'"/>
      <xsl:attribute name="font-size">70%</xsl:attribute>
    </xsl:if>
    <xsl:if test="$renditions = 'smallcaps'"><xsl:attribute name="font-variant">small-caps</xsl:attribute></xsl:if>
    <xsl:if test="$renditions = ('underline', 'strikethrough')">
      <xsl:attribute name="text-decoration" select="string-join(($renditions[. = 'underline'], 'line-through'[$renditions = 'strikethrough']), ' ')"/>
    </xsl:if>
    <xsl:if test="$renditions = 'code'"><xsl:attribute name="font-family" select="$f:code-font"/></xsl:if>
    <xsl:if test="$renditions = 'spaced'"><xsl:attribute name="letter-spacing">0.12em</xsl:attribute></xsl:if>
    <xsl:if test="$renditions = 'large'"><xsl:attribute name="font-size">120%</xsl:attribute></xsl:if>
    <xsl:if test="$renditions = 'small'"><xsl:attribute name="font-size">85%</xsl:attribute></xsl:if>
    <xsl:if test="$renditions = 'center'"><xsl:attribute name="text-align">center</xsl:attribute></xsl:if>
    <xsl:if test="$renditions = 'right'"><xsl:attribute name="text-align">end</xsl:attribute></xsl:if>
  </xsl:template>

  <!-- What every element's FO carries: its style (m:fo-style), how it is set (its renditions: $renditions and its own), its id. -->
  <xsl:template name="f:fo-element">
    <xsl:param name="renditions" as="xs:string*" select="()"/>
    <xsl:param name="block" as="xs:boolean" select="true()"/>
    <xsl:apply-templates select="." mode="m:fo-style"/>
    <xsl:variable name="all" select="($renditions, f:renditions(.))"/>
    <xsl:call-template name="f:fo-renditions"><xsl:with-param name="renditions" select="$all"/></xsl:call-template>
    <xsl:if test="$block and $all = 'indent'"><xsl:attribute name="start-indent">2em</xsl:attribute></xsl:if>
    <!-- a block in a language written right to left: said to the Java side (pdf/Directions, which
         takes the attribute away before FOP sees it), which refuses such a paragraph: FOP would set it left to right -->
    <xsl:if test="$block and f:direction(f:language-of(.)) = 'rtl'">
      <xsl:attribute name="direction" namespace="http://editio.org/ns/fo-check" select="'rtl'"/>
    </xsl:if>
    <xsl:call-template name="f:fo-id"/>
  </xsl:template>

  <!-- Ids in a volume are scoped per document: the document id is part of every FO id. -->
  <xsl:function name="f:fo-id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="f:fo-scoped($e, string($e/@xml:id))"/>
  </xsl:function>

  <xsl:function name="f:fo-scoped" as="xs:string">
    <xsl:param name="e" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="if (starts-with($id, f:doc-id($e))) then $id else f:doc-id($e) || '--' || $id"/>
  </xsl:function>

  <!-- The FO id of what a link names (an element with an id, a note, an apparatus entry, a division of the contents; a document: its start in the volume). -->
  <xsl:function name="f:fo-target-id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e is root($e)/*) then f:doc-id($e) else f:fo-scoped($e, f:output-id($e))"/>
  </xsl:function>

  <!-- $copy: the element is printed a second time (a lemma repeated in the apparatus): its id stays with the first. -->
  <xsl:template name="f:fo-id">
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$copy"/>
      <!-- a mention of a register entry: the id the index finds its page by -->
      <xsl:when test="@ref and ancestor::tei:text"><xsl:attribute name="id" select="f:fo-mention-id(.)"/></xsl:when>
      <!-- an id the source gives twice (invalid, but found) goes to its first element only: FOP refuses ids used twice -->
      <xsl:when test="@xml:id and . is id(@xml:id, root(.))[1]"><xsl:attribute name="id" select="f:fo-id(.)"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <!--
    The FO id of a mention of the text (f:mention-anchor: its xml:id, else its mention id), scoped
    to its document; the mention id when its xml:id is one the source gives twice. The volume's
    index finds a mention's page by it.
  -->
  <xsl:function name="f:fo-mention-id" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="f:mention-anchor($e) ! (if ($e/@xml:id and not($e is id($e/@xml:id, root($e))[1])) then f:mention-id($e) else f:fo-scoped($e, .))"/>
  </xsl:function>

  <!-- ============================================================ behaviours -->

  <xsl:template name="b:block">
    <xsl:param name="content" as="node()*" select="node()"/>
    <fo:block><xsl:call-template name="f:fo-element"/><xsl:apply-templates select="$content" mode="m:text"/></fo:block>
  </xsl:template>

  <!--
    A division; $title: a heading editio prints for it. A book's chapter (f:is-chapter) starts a
    page and names the pages it runs over (the marker of the running head). A division the contents
    list carries the id the contents' page number cites.
  -->
  <xsl:template name="b:section">
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="heading-offset" as="xs:integer" tunnel="yes" select="0"/>
    <xsl:variable name="chapter" select="f:is-chapter(.)"/>
    <xsl:variable name="context" select="."/>
    <fo:block>
      <xsl:call-template name="f:fo-element"/>
      <xsl:if test="not(@xml:id) and f:in-contents(.)"><xsl:attribute name="id" select="f:fo-scoped(., f:division-id(.))"/></xsl:if>
      <xsl:if test="$chapter"><xsl:attribute name="break-before">page</xsl:attribute></xsl:if>
      <xsl:if test="$chapter"><fo:marker marker-class-name="division"><xsl:value-of select="f:fo-running-head(f:running-title(.))"/></fo:marker></xsl:if>
      <xsl:for-each select="$title">
        <fo:block role="{f:fo-heading-role(f:section-level($context) + $heading-offset)}" font-family="{$f:heading-font}" font-weight="bold" keep-with-next.within-page="always" keep-together.within-page="always" font-size="11pt"
            space-before="6pt" space-after="6pt" text-align="start" hyphenate="false"><xsl:value-of select="."/></fo:block>
      </xsl:for-each>
      <xsl:apply-templates mode="m:text"/>
    </fo:block>
  </xsl:template>

  <xsl:template name="b:paragraph">
    <xsl:call-template name="b:block"/>
  </xsl:template>

  <!-- A line of verse: its number, when it shows one, at the right margin. -->
  <xsl:template name="b:line">
    <xsl:param name="number" as="xs:string?"/>
    <fo:block>
      <xsl:call-template name="f:fo-element"/>
      <xsl:choose>
        <xsl:when test="exists($number)">
          <xsl:attribute name="text-align-last">justify</xsl:attribute>
          <xsl:apply-templates mode="m:text"/>
          <fo:leader leader-pattern="space"/>
          <fo:inline font-size="7.5pt" color="#555"><xsl:value-of select="$number"/></fo:inline>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="m:text"/></xsl:otherwise>
      </xsl:choose>
    </fo:block>
  </xsl:template>

  <!--
    The structure type of a heading in the tagged PDF (FOP maps role="H1" … to it): H1 for a
    document's title in its own PDF and for the parts of the volume (contents, introduction,
    documents, lists, indexes), one level lower for each level below; at most H6. The tunnel
    parameter $heading-offset holds what stands above the text's own headings.
  -->
  <xsl:function name="f:fo-heading-role" as="xs:string">
    <xsl:param name="level" as="xs:integer"/>
    <xsl:sequence select="'H' || max((1, min((6, $level))))"/>
  </xsl:function>

  <xsl:template name="b:heading">
    <xsl:param name="level" as="xs:integer"/>
    <xsl:param name="heading-offset" as="xs:integer" tunnel="yes" select="0"/>
    <xsl:variable name="chapter" select="parent::*[f:is-chapter(.)] and empty(preceding-sibling::tei:head)"/>
    <fo:block role="{f:fo-heading-role($level + $heading-offset)}" font-family="{$f:heading-font}" font-weight="bold" keep-with-next.within-page="always"
        keep-together.within-page="always"
        font-size="{if ($chapter) then '16pt' else if ($level le 1) then '13pt' else '11pt'}"
        space-before="{if ($chapter) then '24pt' else if ($level le 1) then '0pt' else '8pt'}"
        space-after="{if ($chapter) then '14pt' else '8pt'}" text-align="start" hyphenate="false" line-height="1.25">
      <xsl:call-template name="f:fo-element"/>
      <xsl:apply-templates mode="m:text"/>
    </fo:block>
  </xsl:template>

  <xsl:template name="b:quote">
    <xsl:param name="block" as="xs:boolean"/>
    <xsl:param name="before" as="xs:string?" select="()"/>
    <xsl:param name="after" as="xs:string?" select="()"/>
    <xsl:choose>
      <xsl:when test="$block">
        <fo:block start-indent="2em" end-indent="1em" space-after="4pt"><xsl:call-template name="f:fo-element"/><xsl:apply-templates mode="m:text"/></fo:block>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="b:inline">
          <xsl:with-param name="before" select="$before"/>
          <xsl:with-param name="after" select="$after"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    An inline: its text set as its renditions say. One without text is an id's place only (an
    anchor: a wrapper, which FOP gives no area; an empty fo:inline trips FOP's hyphenation), or
    nothing.
  -->
  <xsl:template name="b:inline">
    <xsl:param name="content" as="node()*" select="node()"/>
    <xsl:param name="renditions" as="xs:string*" select="()"/>
    <xsl:param name="before" as="xs:string?" select="()"/>
    <xsl:param name="after" as="xs:string?" select="()"/>
    <xsl:choose>
      <xsl:when test="empty($content[self::* or normalize-space()]) and not($before or $after)">
        <xsl:if test="@xml:id"><fo:wrapper><xsl:call-template name="f:fo-id"/></fo:wrapper></xsl:if>
        <xsl:value-of select="$content"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="f:fo-inline">
          <xsl:with-param name="content" select="$content"/>
          <xsl:with-param name="renditions" select="$renditions"/>
          <xsl:with-param name="before" select="$before"/>
          <xsl:with-param name="after" select="$after"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="f:fo-inline">
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="renditions" as="xs:string*"/>
    <xsl:param name="before" as="xs:string?"/>
    <xsl:param name="after" as="xs:string?"/>
    <fo:inline>
      <xsl:call-template name="f:fo-element">
        <xsl:with-param name="renditions" select="$renditions"/>
        <xsl:with-param name="block" select="false()"/>
      </xsl:call-template>
      <xsl:value-of select="$before"/>
      <xsl:apply-templates select="$content" mode="m:text"/>
      <xsl:value-of select="$after"/>
    </fo:inline>
  </xsl:template>

  <xsl:template name="b:generated">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="for" as="element()?" select="()"/>
    <fo:inline><xsl:value-of select="$text"/></fo:inline>
  </xsl:template>

  <xsl:template name="b:deletion">
    <fo:inline text-decoration="line-through"><xsl:call-template name="f:fo-id"/><xsl:apply-templates mode="m:text"/></fo:inline>
  </xsl:template>

  <xsl:template name="b:break">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="n" as="xs:string?" select="()"/>
    <xsl:choose>
      <xsl:when test="$kind = 'line'"><fo:block/></xsl:when>
      <xsl:when test="$kind = 'milestone'">
        <xsl:if test="$n">
          <fo:inline font-size="7pt" color="#555"><xsl:call-template name="f:fo-id"/><xsl:value-of select="' ' || $n || ' '"/></fo:inline>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <!--
          a source page break: a mark and its number in the line, small and grey. Not in the margin:
          FOP 2.11's fo:float (the only way to the margin from a line) drops words of the line it
          stands in (found in TEI Simple's Romeo and Juliet) and fails to lay out pages whose
          footnotes hold a table or list (NoSuchElementException): nothing may be lost.
        -->
        <fo:inline font-size="7pt" color="#555"><xsl:call-template name="f:fo-id"/>|<xsl:value-of select="$n"/><xsl:if test="$n">|</xsl:if></fo:inline>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="b:list">
    <xsl:param name="ordered" as="xs:boolean"/>
    <xsl:param name="entries" as="map(xs:string, item()*)*"/>
    <xsl:if test="exists($entries)">
      <fo:list-block provisional-distance-between-starts="2em" space-after="4pt">
        <xsl:call-template name="f:fo-id"/>
        <xsl:for-each select="$entries">
          <fo:list-item>
            <fo:list-item-label end-indent="label-end()">
              <fo:block>
                <xsl:choose>
                  <xsl:when test="exists(?label)"><xsl:apply-templates select="?label/node()" mode="m:text"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="?generated"/></xsl:otherwise>
                </xsl:choose>
              </fo:block>
            </fo:list-item-label>
            <fo:list-item-body start-indent="body-start()">
              <fo:block><xsl:apply-templates select="?content" mode="m:text"/></fo:block>
            </fo:list-item-body>
          </fo:list-item>
        </xsl:for-each>
      </fo:list-block>
    </xsl:if>
  </xsl:template>

  <!-- A table's heads stand above it as headings; label cells are set in bold. -->
  <xsl:template name="b:table">
    <xsl:param name="caption" as="element()*"/>
    <xsl:param name="columns" as="xs:integer"/>
    <xsl:apply-templates select="$caption" mode="m:text"/>
    <xsl:if test="tei:row">
      <fo:table table-layout="fixed" width="100%" space-after="6pt">
        <xsl:call-template name="f:fo-id"/>
        <xsl:for-each select="1 to $columns">
          <fo:table-column column-width="proportional-column-width(1)"/>
        </xsl:for-each>
        <fo:table-body>
          <xsl:apply-templates select="tei:row" mode="m:text"/>
        </fo:table-body>
      </fo:table>
    </xsl:if>
    <!-- a table of no rows (TEI allows one of graphics only): what it holds, as blocks -->
    <xsl:if test="empty(tei:row)">
      <xsl:for-each select="node()[self::* or normalize-space()][not(self::tei:head)]">
        <fo:block space-after="6pt"><xsl:apply-templates select="." mode="m:text"/></fo:block>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template name="b:row">
    <xsl:param name="label" as="xs:boolean"/>
    <fo:table-row>
      <xsl:if test="$label"><xsl:attribute name="keep-with-next.within-page">always</xsl:attribute></xsl:if>
      <xsl:apply-templates select="tei:cell" mode="m:text"/>
    </fo:table-row>
  </xsl:template>

  <xsl:template name="b:cell">
    <xsl:param name="label" as="xs:boolean"/>
    <xsl:param name="rows" as="xs:integer"/>
    <xsl:param name="cols" as="xs:integer"/>
    <fo:table-cell padding="2pt" border="0.3pt solid #999">
      <xsl:if test="$cols gt 1"><xsl:attribute name="number-columns-spanned" select="$cols"/></xsl:if>
      <!-- a span past the table's last row is cut at that row, as browsers do (FOP would stop the build) -->
      <xsl:variable name="rows" select="min(($rows, 1 + count(parent::tei:row/following-sibling::tei:row)))"/>
      <xsl:if test="$rows gt 1"><xsl:attribute name="number-rows-spanned" select="$rows"/></xsl:if>
      <xsl:if test="$label"><xsl:attribute name="font-weight">bold</xsl:attribute></xsl:if>
      <fo:block><xsl:call-template name="f:fo-id"/>
        <!-- what stands between the rows (f:between-rows): before the first row opens the first cell, after a row ends its last -->
        <xsl:variable name="between" select="f:between-rows(.)"/>
        <xsl:apply-templates select="$between[. &lt;&lt; current()]" mode="m:text"/>
        <xsl:apply-templates mode="m:text"/>
        <xsl:apply-templates select="$between[. >> current()]" mode="m:text"/>
      </fo:block>
    </fo:table-cell>
  </xsl:template>

  <!--
    In print the shown reading stands in the text and the source's reading follows in brackets,
    labelled, as edition.xml's principle says: "Blum [source: bloom]" (brackets alone would mean
    an insertion). Other alternates (orig, abbr) follow in brackets without the label.
  -->
  <xsl:template name="b:alternate">
    <xsl:param name="shown" as="element()?"/>
    <xsl:param name="alternates" as="element()*"/>
    <fo:inline>
      <xsl:apply-templates select="$shown" mode="m:text"/>
      <xsl:if test="exists($alternates)">
        <xsl:text> [</xsl:text>
        <xsl:for-each select="$alternates">
          <xsl:if test="position() gt 1">; </xsl:if>
          <xsl:if test="self::tei:sic and not(f:is-omitted-reading(.))"><xsl:value-of select="f:label('source-reading')"/>: </xsl:if>
          <xsl:if test="f:is-omitted-reading(.)"><xsl:value-of select="f:label('source-omitted')"/></xsl:if>
          <xsl:if test="not(f:is-source-reading(.))"><xsl:value-of select="f:label('other-reading')"/>: </xsl:if>
          <xsl:apply-templates select="." mode="m:text"/>
        </xsl:for-each>
        <xsl:text>]</xsl:text>
      </xsl:if>
    </fo:inline>
  </xsl:template>

  <xsl:template name="b:reading">
    <xsl:param name="shown" as="xs:boolean"/>
    <fo:inline>
      <xsl:if test="not($shown)"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:if>
      <xsl:call-template name="f:fo-id"/>
      <xsl:apply-templates mode="m:text"/>
    </fo:inline>
  </xsl:template>

  <!-- A link inside the document goes to its target; others to their (safe) address. -->
  <xsl:template name="b:link">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:param name="target" as="element()?"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="link-kind" as="xs:string?" tunnel="yes" select="()"/>
    <xsl:choose>
      <xsl:when test="$target">
        <fo:basic-link internal-destination="{f:fo-target-id($target)}" color="#1a4f8a"><xsl:call-template name="f:fo-id"/><xsl:apply-templates select="$content" mode="m:text"/></fo:basic-link>
      </xsl:when>
      <!--
        only an absolute address is a link, and another document's PDF beside this one (editio made
        both: kind 'file'): a PDF travels alone, and a relative address of the TEI (FRUS's
        "../chapter-8#fn28") resolves against wherever the file lies and opens nothing; it is text
      -->
      <xsl:when test="$href and (matches($href, '^(https?|ftp|mailto|urn|doi|tel):', 'i') or $link-kind = 'file')">
        <fo:basic-link external-destination="url('{replace($href, '''', '%27')}')" color="#1a4f8a">
          <xsl:call-template name="f:fo-id"/>
          <xsl:apply-templates select="$content" mode="m:text"/>
        </fo:basic-link>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="b:inline"><xsl:with-param name="content" select="$content"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A name pointing into a register is a mention: its id lets the index find its page. -->
  <xsl:template name="b:name">
    <xsl:param name="entry" as="element()?"/>
    <xsl:param name="mention" as="xs:string?"/>
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <!-- proper names are not hyphenated (issue 16) -->
      <xsl:when test="exists($mention) and not($copy)"><fo:inline id="{f:fo-mention-id(.)}" hyphenate="false"><xsl:apply-templates mode="m:text"/></fo:inline></xsl:when>
      <xsl:otherwise><xsl:call-template name="b:inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="b:figure">
    <xsl:param name="caption" as="element()*"/>
    <fo:block space-before="4pt" space-after="6pt">
      <xsl:call-template name="f:fo-element"/>
      <xsl:apply-templates select="node() except $caption" mode="m:text"/>
      <xsl:for-each select="$caption">
        <fo:block font-size="8.5pt" text-align="center" keep-with-previous.within-page="always"><xsl:call-template name="f:fo-id"/><xsl:apply-templates mode="m:text"/></fo:block>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!--
    An image of the edition (FOP reads the file through the edition's resolver), scaled to the
    column, its description (figDesc) printed under it (print has no alternative text to show on
    demand); an image on the web, a link; an image editio could not find, a notice.
  -->
  <xsl:template name="b:graphic">
    <xsl:param name="file" as="xs:string?"/>
    <xsl:param name="url" as="xs:string?"/>
    <xsl:param name="alt" as="xs:string"/>
    <xsl:variable name="description" select="(../tei:figDesc, tei:desc)[1][normalize-space()]"/>
    <xsl:choose>
      <xsl:when test="$file">
        <fo:block text-align="center" space-after="3pt" keep-with-next.within-page="always">
          <xsl:call-template name="f:fo-id"/>
          <fo:external-graphic src="url('{replace($file, '''', '%27')}')" content-width="scale-down-to-fit" content-height="scale-down-to-fit"
              inline-progression-dimension.maximum="100%" block-progression-dimension.maximum="150mm" scaling="uniform" fox:alt-text="{($alt[.], f:label('figure'))[1]}"/>
        </fo:block>
        <xsl:for-each select="$description">
          <fo:block font-size="8pt" font-style="italic" text-align="center" space-after="3pt"><xsl:apply-templates mode="m:text"/></fo:block>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="$url">
        <fo:inline font-size="8.5pt"><xsl:call-template name="f:fo-id"/>[<fo:basic-link external-destination="url('{replace($url, '''', '%27')}')" color="#1a4f8a"><xsl:value-of select="f:label('image-online')"/></fo:basic-link>]</fo:inline>
      </xsl:when>
      <xsl:otherwise>
        <fo:inline font-size="8.5pt" color="#555"><xsl:call-template name="f:fo-id"/><xsl:value-of select="'[' || f:label('image-absent') || ']'"/></fo:inline>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    A note's mark (a footnote's, an endnote's, an apparatus entry's) stays on the line of the word
    before it, never alone at the start of a line. FOP lays out no line break between a word and
    the footnote that follows it directly, but it breaks at whitespace before the mark (TEI written
    with the note on a line of its own, or an element ending in a space), and it ignores
    keep-with-previous.within-line. A WORD JOINER (U+2060) before the mark takes that break away
    (Unicode line breaking, UAX #14 rule LB11: no break before WJ, even after a space); FOP draws
    nothing for it and it is not in the PDF's text. Whitespace at the end of an element just before
    a note gets its joiner there (m:text on text(), at the end of this module), in the same text as
    the space.
  -->
  <!--
    A note: at the foot of the page where its mark stands (a note inside a note's text, or in the
    header's description of the source, cannot be a footnote of its own: it follows in brackets); an endnote's mark links to the notes after the
    document; a note that stands among blocks is printed there, numbered; an inline one in brackets.
  -->
  <!-- What a footnote's body sets afresh, not taking it from the inline its mark stands in (b:note). -->
  <xsl:attribute-set name="f:footnote-reset">
    <xsl:attribute name="font-family" select="$f:body-font"/>
    <xsl:attribute name="font-style">normal</xsl:attribute>
    <xsl:attribute name="font-weight">normal</xsl:attribute>
    <xsl:attribute name="font-variant">normal</xsl:attribute>
    <xsl:attribute name="color">black</xsl:attribute>
    <xsl:attribute name="text-decoration">no-underline no-overline no-line-through</xsl:attribute>
    <xsl:attribute name="letter-spacing">normal</xsl:attribute>
    <xsl:attribute name="text-transform">none</xsl:attribute>
    <xsl:attribute name="hyphenate">true</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">auto</xsl:attribute>
    <xsl:attribute name="keep-together.within-page">auto</xsl:attribute>
  </xsl:attribute-set>

  <xsl:template name="b:note">
    <xsl:param name="number" as="xs:integer"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="source-mark" as="xs:string?"/>
    <xsl:param name="place" as="xs:string"/>
    <xsl:choose>
      <!-- a note of the header (in the source's description, which may itself stand in a footnote) is in parentheses -->
      <xsl:when test="$place = 'inline' or ($place = ('foot', 'end') and (ancestor::tei:note or ancestor::tei:teiHeader))">
        <fo:inline>
          <!-- the header's notes are not numbered: no id of their own -->
          <xsl:if test="not(ancestor::tei:teiHeader)"><xsl:attribute name="id" select="f:fo-scoped(., $id)"/></xsl:if>
          <xsl:value-of select="if ($place = 'inline' or ancestor::tei:teiHeader) then ' (' else ' [' || $label || ': '"/>
          <xsl:choose>
            <!-- inside a note's text, which may be a footnote's, where FOP allows no block in a line: its paragraphs run on -->
            <xsl:when test="ancestor::tei:note">
              <xsl:variable name="text"><xsl:apply-templates mode="m:text"/></xsl:variable>
              <xsl:apply-templates select="$text/node()" mode="m:run-on"/>
            </xsl:when>
            <xsl:otherwise><xsl:apply-templates mode="m:text"/></xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="if ($place = 'inline' or ancestor::tei:teiHeader) then ')' else ']'"/>
        </fo:inline>
      </xsl:when>
      <xsl:when test="$place = 'block'">
        <fo:list-block provisional-distance-between-starts="2em" space-after="4pt" id="{f:fo-scoped(., $id)}">
          <fo:list-item>
            <fo:list-item-label end-indent="label-end()"><fo:block><xsl:value-of select="$label"/></fo:block></fo:list-item-label>
            <fo:list-item-body start-indent="body-start()"><fo:block><xsl:apply-templates mode="m:text"/></fo:block></fo:list-item-body>
          </fo:list-item>
        </fo:list-block>
      </xsl:when>
      <xsl:when test="$place = 'end'">
        <xsl:text>&#x2060;</xsl:text>
        <fo:basic-link internal-destination="{f:fo-scoped(., $id)}"><fo:inline baseline-shift="super" font-size="65%"><xsl:value-of select="$label"/></fo:inline></fo:basic-link>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>&#x2060;</xsl:text>
        <fo:footnote>
          <fo:inline baseline-shift="super" font-size="65%"><xsl:if test="@type = 'editorial' or @resp"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:if><xsl:value-of select="$label"/></fo:inline>
          <fo:footnote-body>
            <!--
              a footnote is set as every other, whatever inline its mark stands in: FOP hands the
              properties of a del, ref or head around the mark (line-through, link colour, the
              heading's font and weight) down to the footnote's body, which struck the note of a
              deletion through
            -->
            <fo:block xsl:use-attribute-sets="f:footnote-reset">
              <xsl:call-template name="f:fo-note-body">
                <xsl:with-param name="label" select="$label"/>
                <xsl:with-param name="id" select="$id"/>
                <xsl:with-param name="source-mark" select="$source-mark"/>
              </xsl:call-template>
            </fo:block>
          </fo:footnote-body>
        </fo:footnote>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    A note's text set in a line (a note in a note's text): each block (a paragraph, the paragraph of
    a floating text) becomes an inline, after a space when text comes before it; its id and its
    font stay, its block properties (spaces, indents, alignment) are left.
  -->
  <xsl:template match="fo:block" mode="m:run-on">
    <xsl:if test="preceding-sibling::node()"><xsl:text> </xsl:text></xsl:if>
    <fo:inline>
      <xsl:copy-of select="@id | @font-family | @font-size | @font-style | @font-weight | @color | @xml:lang | @language"/>
      <xsl:apply-templates mode="m:run-on"/>
    </fo:inline>
  </xsl:template>
  <xsl:template match="*" mode="m:run-on">
    <xsl:copy><xsl:copy-of select="@*"/><xsl:apply-templates mode="m:run-on"/></xsl:copy>
  </xsl:template>
  <xsl:template match="text()" mode="m:run-on"><xsl:copy/></xsl:template>

  <!-- A note's text under its label, as footnotes and endnotes print it. -->
  <xsl:template name="f:fo-note-body">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="source-mark" as="xs:string?"/>
    <xsl:param name="with-id" as="xs:boolean" select="true()"/>
    <fo:list-block provisional-distance-between-starts="{if (string-length($label) gt 2) then '2.4em' else '1.6em'}" font-size="8.5pt" line-height="1.3"
        text-indent="0pt" text-align="justify" start-indent="0pt" font-style="normal" font-weight="normal">
      <fo:list-item space-before="2pt">
        <xsl:if test="$with-id and (@xml:id or f:is-link-target(.))"><xsl:attribute name="id" select="f:fo-scoped(., $id)"/></xsl:if>
        <fo:list-item-label end-indent="label-end()"><fo:block><xsl:value-of select="$label"/></fo:block></fo:list-item-label>
        <fo:list-item-body start-indent="body-start()">
          <fo:block>
            <xsl:if test="@type = 'editorial' or @resp"><xsl:attribute name="font-style">italic</xsl:attribute></xsl:if>
            <xsl:for-each select="f:note-kind-label(.)"><fo:inline font-family="{$f:heading-font}" font-size="7.5pt" font-style="normal" font-weight="bold"><xsl:value-of select="."/>. </fo:inline></xsl:for-each>
            <xsl:apply-templates mode="m:text"/>
            <xsl:for-each select="$source-mark"> (<xsl:value-of select="f:label('source-mark')"/>: <xsl:value-of select="."/>)</xsl:for-each>
          </fo:block>
        </fo:list-item-body>
      </fo:list-item>
    </fo:list-block>
  </xsl:template>

  <!-- Whether a link of the document names this note (then its footnote carries the id the link goes to). -->
  <xsl:key name="f:local-links" match="tei:ref[normalize-space(@target)] | tei:ptr[normalize-space(@target)]" use="let $r := . return tokenize($r/@target)[1] ! f:pointer(., $r)[?kind = 'local']?id"/>
  <xsl:function name="f:is-link-target" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists(key('f:local-links', f:output-id($e), root($e)))"/>
  </xsl:function>

  <!-- The endnotes of a document (f:note-place 'end'), after its text. -->
  <xsl:template name="f:fo-endnotes">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="heading-offset" as="xs:integer" tunnel="yes" select="0"/>
    <xsl:variable name="notes" select="key('f:text-notes', 'all', root($tei))[f:note-place(.) = 'end'][not(ancestor::tei:note)]"/>
    <xsl:if test="$notes">
      <fo:block space-before="12pt">
        <fo:block role="{f:fo-heading-role($heading-offset + 2)}" font-family="{$f:heading-font}" font-weight="bold" font-size="11pt" space-after="6pt" keep-with-next.within-page="always">
          <xsl:value-of select="f:label('notes')"/>
        </fo:block>
        <xsl:for-each select="$notes">
          <fo:block id="{f:fo-scoped(., f:note-id(.))}">
            <xsl:call-template name="f:fo-note-body">
              <xsl:with-param name="label" select="f:note-label(.)"/>
              <xsl:with-param name="id" select="f:note-id(.)"/>
              <xsl:with-param name="source-mark" select="f:note-source-mark(.)"/>
              <xsl:with-param name="with-id" select="false()"/>
            </xsl:call-template>
          </fo:block>
        </xsl:for-each>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!--
    An apparatus entry: the lemma in the text, its mark (a letter), and at the foot of the page
    the lemma again, a bracket, and the other readings with their witnesses. Inside another entry's
    reading (or a note), the readings follow the lemma in brackets.
  -->
  <xsl:template name="b:apparatus">
    <xsl:param name="lemma" as="element()?"/>
    <xsl:param name="lemma-witnesses" as="xs:string?"/>
    <xsl:param name="readings" as="map(xs:string, item()*)*"/>
    <xsl:param name="notes" as="element()*"/>
    <xsl:param name="label" as="xs:string?"/>
    <xsl:param name="id" as="xs:string?"/>
    <xsl:param name="location" as="xs:string?" select="()"/>
    <xsl:choose>
      <!-- an entry of a location-referenced apparatus: a line, "8 lemma] readings; notes" -->
      <xsl:when test="exists($location)">
        <fo:block font-size="8.5pt" start-indent="1.5em" text-indent="-1.5em" space-after="1pt">
          <xsl:call-template name="f:fo-id"/>
          <xsl:if test="$location"><fo:inline font-weight="bold"><xsl:value-of select="$location"/></fo:inline><xsl:text> </xsl:text></xsl:if>
          <xsl:if test="$lemma">
            <xsl:apply-templates select="$lemma/node()" mode="m:text"><xsl:with-param name="in-apparatus" select="true()" tunnel="yes"/></xsl:apply-templates>
            <xsl:for-each select="$lemma-witnesses"><xsl:text> </xsl:text><fo:inline font-style="italic"><xsl:value-of select="."/></fo:inline></xsl:for-each>
            <xsl:if test="exists($readings) or exists($notes)"><xsl:text>] </xsl:text></xsl:if>
          </xsl:if>
          <xsl:call-template name="f:fo-readings">
            <xsl:with-param name="readings" select="$readings"/>
            <xsl:with-param name="notes" select="$notes"/>
          </xsl:call-template>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:inline>
          <xsl:call-template name="f:fo-element">
            <xsl:with-param name="block" select="false()"/>
            <xsl:with-param name="copy" select="exists($label)" tunnel="yes"/>
          </xsl:call-template>
          <xsl:apply-templates select="$lemma/node()" mode="m:text"/>
          <xsl:choose>
            <xsl:when test="exists($label) and not(ancestor::tei:note)">
              <xsl:text>&#x2060;</xsl:text>
              <fo:footnote>
                <fo:inline baseline-shift="super" font-size="65%" font-style="italic"><xsl:value-of select="$label"/></fo:inline>
                <fo:footnote-body>
                  <fo:list-block xsl:use-attribute-sets="f:footnote-reset" provisional-distance-between-starts="1.6em" font-size="8pt" line-height="1.3" text-indent="0pt"
                      text-align="start" start-indent="0pt" font-style="normal" font-weight="normal">
                    <fo:list-item space-before="1pt" id="{f:fo-scoped(., $id)}">
                      <fo:list-item-label end-indent="label-end()"><fo:block font-style="italic"><xsl:value-of select="$label"/></fo:block></fo:list-item-label>
                      <fo:list-item-body start-indent="body-start()">
                        <fo:block>
                          <xsl:apply-templates select="$lemma/node()" mode="m:text">
                            <xsl:with-param name="in-apparatus" select="true()" tunnel="yes"/>
                            <xsl:with-param name="copy" select="true()" tunnel="yes"/>
                          </xsl:apply-templates>
                          <xsl:for-each select="$lemma-witnesses"><xsl:text> </xsl:text><fo:inline font-style="italic"><xsl:value-of select="."/></fo:inline></xsl:for-each>
                          <xsl:text>] </xsl:text>
                          <xsl:call-template name="f:fo-readings">
                            <xsl:with-param name="readings" select="$readings"/>
                            <xsl:with-param name="notes" select="$notes"/>
                          </xsl:call-template>
                        </fo:block>
                      </fo:list-item-body>
                    </fo:list-item>
                  </fo:list-block>
                </fo:footnote-body>
              </fo:footnote>
            </xsl:when>
            <xsl:otherwise>
              <xsl:text> [</xsl:text>
              <xsl:call-template name="f:fo-readings">
                <xsl:with-param name="readings" select="$readings"/>
                <xsl:with-param name="notes" select="$notes"/>
              </xsl:call-template>
              <xsl:text>]</xsl:text>
            </xsl:otherwise>
          </xsl:choose>
        </fo:inline>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="f:fo-readings">
    <xsl:param name="readings" as="map(xs:string, item()*)*"/>
    <xsl:param name="notes" as="element()*"/>
    <xsl:for-each select="$readings">
      <xsl:if test="position() gt 1">; </xsl:if>
      <xsl:choose>
        <xsl:when test="normalize-space(?reading) or ?reading/*">
          <xsl:apply-templates select="?reading/node()" mode="m:text"><xsl:with-param name="in-apparatus" select="true()" tunnel="yes"/></xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="f:label('lemma-omitted')"/></xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="?witnesses"><xsl:text> </xsl:text><fo:inline font-style="italic"><xsl:value-of select="."/></fo:inline></xsl:for-each>
    </xsl:for-each>
    <xsl:for-each select="$notes">
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="m:text"><xsl:with-param name="in-apparatus" select="true()" tunnel="yes"/></xsl:apply-templates>
    </xsl:for-each>
  </xsl:template>

  <!-- The witnesses of a document's apparatus, after its text: each siglum and what the witness is. -->
  <xsl:template name="f:fo-witnesses">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="heading-offset" as="xs:integer" tunnel="yes" select="0"/>
    <xsl:variable name="witnesses" select="f:witness-list($tei)"/>
    <xsl:if test="exists($witnesses) and exists($tei//tei:text//tei:app)">
      <fo:block space-before="10pt" font-size="8.5pt">
        <fo:block role="{f:fo-heading-role($heading-offset + 2)}" font-family="{$f:heading-font}" font-weight="bold" space-after="3pt" keep-with-next.within-page="always"><xsl:value-of select="f:label('witnesses')"/></fo:block>
        <xsl:for-each select="$witnesses">
          <fo:block start-indent="2em" text-indent="-2em"><fo:inline font-style="italic"><xsl:value-of select="?siglum"/></fo:inline><xsl:text>  </xsl:text>
            <xsl:apply-templates select="?witness/node()" mode="m:text"/></fo:block>
        </xsl:for-each>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- A document's contents (f:contents): each division, indented by level, with its page; a book's on a page of their own. -->
  <xsl:template name="b:contents">
    <xsl:param name="divisions" as="element()+"/>
    <xsl:param name="heading-offset" as="xs:integer" tunnel="yes" select="0"/>
    <fo:block role="TOC" space-before="6pt" space-after="12pt">
      <xsl:if test="f:is-book(f:document($divisions[1]))"><xsl:attribute name="break-after">page</xsl:attribute></xsl:if>
      <fo:block role="{f:fo-heading-role($heading-offset + 1)}" font-family="{$f:heading-font}" font-size="13pt" font-weight="bold" space-after="8pt" keep-with-next.within-page="always">
        <xsl:value-of select="f:label('contents')"/>
      </fo:block>
      <xsl:for-each select="$divisions">
        <xsl:call-template name="f:fo-contents-line">
          <xsl:with-param name="target" select="f:fo-scoped(., f:division-id(.))"/>
          <xsl:with-param name="title" select="f:division-title(.)"/>
          <xsl:with-param name="indent" select="(f:division-level(.) - 1) * 1.5 || 'em'"/>
        </xsl:call-template>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!--
    A line of contents (the volume's, a book's): the number, if any, right-aligned in a column of
    its own ($number-width), so that 9 and 10 end at the same place; the title after it, its wrapped
    lines starting where the title starts (a hanging indent); a dotted leader and the page number
    at the right margin. The title's word spaces keep their width (word-spacing as a length makes
    them inelastic): on the justified last line only the leader stretches. The dots are the
    leader's dotted border, which runs its whole length: FOP repeats a dot character only in whole
    units and leaves the rest empty, so the gap before the number varied by up to a dot; now the
    gap is a fixed space.
  -->
  <xsl:template name="f:fo-contents-line">
    <xsl:param name="target" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="number" as="xs:string?" select="()"/>
    <xsl:param name="number-width" as="xs:string" select="'2em'"/>
    <xsl:param name="indent" as="xs:string" select="'0pt'"/>
    <xsl:variable name="line" as="element(fo:block)">
      <fo:block text-align="start" text-align-last="justify" word-spacing="0pt" end-indent="10mm" last-line-end-indent="-10mm"
          hyphenate="false">
        <xsl:if test="empty($number)">
          <xsl:attribute name="start-indent" select="'(' || $indent || ') + 1.5em'"/>
          <xsl:attribute name="text-indent">-1.5em</xsl:attribute>
        </xsl:if>
        <fo:basic-link internal-destination="{$target}">
          <xsl:value-of select="$title"/>
          <fo:leader leader-pattern="space" leader-length="0.3em"/>
          <fo:leader leader-pattern="space" leader-length.minimum="1em" leader-length.optimum="1em" leader-length.maximum="100%"
              border-bottom="0.9pt dotted #555"/>
          <fo:leader leader-pattern="space" leader-length="0.4em"/>
          <fo:page-number-citation ref-id="{$target}"/>
        </fo:basic-link>
      </fo:block>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="exists($number)">
        <fo:list-block role="TOCI" provisional-distance-between-starts="{$number-width}" provisional-label-separation="0.5em"
            start-indent="{$indent}" space-after="2pt" font-size="9.5pt">
          <fo:list-item>
            <fo:list-item-label end-indent="label-end()"><fo:block text-align="end"><xsl:value-of select="$number || '.'"/></fo:block></fo:list-item-label>
            <fo:list-item-body start-indent="body-start()"><xsl:sequence select="$line"/></fo:list-item-body>
          </fo:list-item>
        </fo:list-block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block role="TOCI" space-after="2pt" font-size="9.5pt"><xsl:sequence select="$line"/></fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The width of a column of numbers ("95."): the longest, in DejaVu's digits (0.64em each), its period and a gap. -->
  <xsl:function name="f:fo-number-width" as="xs:string">
    <xsl:param name="numbers" as="xs:string*"/>
    <xsl:sequence select="format-number(max((($numbers ! string-length(.)), 1)) * 0.64 + 0.32 + 0.5, '0.00') || 'em'"/>
  </xsl:function>

  <!--
    The metadata block: a line under the document's heading (place, date, sender → addressee,
    classification), the calendar mark and the summary; the archival citation and the source
    follow the text (f:fo-sources).
  -->
  <xsl:template name="b:metadata">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="fields" as="map(xs:string, item()*)*"/>
    <xsl:variable name="value" select="function($key) { $fields[?key = $key]?value }"/>
    <xsl:variable name="parts" select="(
      $value('place'), $value('date'),
      string-join(($value('sender'), $value('addressee')), ' → ')[.],
      $value('classification'))"/>
    <xsl:if test="exists($parts)">
      <fo:block font-family="{$f:heading-font}" font-size="8.5pt" color="#444" space-after="8pt"
          keep-with-next.within-page="always" hyphenate="false">
        <xsl:value-of select="string-join($parts, ' · ')"/>
      </fo:block>
    </xsl:if>
    <xsl:for-each select="$fields[?key = 'calendar']">
      <fo:block font-family="{$f:heading-font}" font-size="8.5pt" space-after="6pt" padding="2pt 4pt"
          border-left="2pt solid #c08a00" background-color="#fbf3dc" keep-with-next.within-page="always">
        <xsl:value-of select="?value"/>
      </fo:block>
    </xsl:for-each>
    <xsl:for-each select="$fields[?key = 'summary'][empty(f:summary-anchor($tei))]">
      <fo:block space-after="6pt" font-style="italic" keep-with-next.within-page="always">
        <xsl:apply-templates select="?content" mode="m:text"/>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!--
    Where the document comes from, after its text, said once: the source note (m:fo-source-note),
    which holds the source description, the page's address and the archival citation. Without a
    source note, the archival citation alone; a second source description with an address (the
    note takes the first) follows as a line of its own, so that nothing of the header is lost.
  -->
  <xsl:template name="f:fo-sources">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="fields" as="map(xs:string, item()*)*"/>
    <xsl:variable name="note" select="f:source-note($tei)"/>
    <xsl:choose>
      <xsl:when test="exists($note)">
        <xsl:call-template name="m:fo-source-note"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$fields[?key = 'archive']">
          <fo:block font-size="8pt" color="#333" space-before="10pt" keep-with-previous.within-page="always" hyphenate="false" text-align="start">
            <xsl:value-of select="f:label('archival-citation', replace(?value, '\.$', ''))"/>
          </fo:block>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:for-each select="f:sources-beyond-note($tei, $fields)[?key = 'source']">
      <fo:block font-size="8pt" color="#333" space-before="4pt" keep-with-previous.within-page="always" hyphenate="false" text-align="start">
        <xsl:value-of select="?label"/>: <xsl:value-of select="?title"/>,
        <xsl:choose>
          <xsl:when test="?href">
            <fo:basic-link external-destination="url('{replace(?href, '''', '%27')}')" color="#1a4f8a"><xsl:value-of select="?href"/></fo:basic-link>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="?value"/></xsl:otherwise>
        </xsl:choose>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- One document: its number, a generated heading when the text has none, metadata, text, sources. -->
  <xsl:template name="f:fo-document">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="number" as="xs:string?" select="()"/>
    <!-- 0 in a document's PDF (its title is H1); 1 in the volume (the part "Documents" is H1) -->
    <xsl:param name="heading-offset" as="xs:integer" tunnel="yes" select="0"/>
    <xsl:variable name="fields" select="f:metadata-fields($tei)"/>
    <xsl:variable name="anchor" select="f:metadata-anchor($tei)"/>
    <fo:block id="{f:doc-id($tei)}">
      <fo:marker marker-class-name="document"><xsl:value-of select="f:fo-running-head((if ($number) then $number || '. ' else '') || f:fo-short-title($tei))"/></fo:marker>
      <!-- the running head of a book's pages before its first chapter -->
      <xsl:if test="f:is-book($tei)"><fo:marker marker-class-name="division"><xsl:value-of select="f:fo-running-head(f:fo-short-title($tei))"/></fo:marker></xsl:if>
      <xsl:if test="$number">
        <fo:block font-family="{$f:heading-font}" font-size="9pt" color="#555" space-after="3pt" keep-with-next.within-page="always">
          <xsl:value-of select="$number"/>
        </fo:block>
      </xsl:if>
      <xsl:if test="f:needs-title($tei)">
        <!-- a title is never split across pages (6×9 in split one after two lines) -->
        <fo:block role="{f:fo-heading-role($heading-offset + 1)}" font-family="{$f:heading-font}" font-weight="bold" font-size="13pt" space-after="8pt" keep-with-next.within-page="always"
            keep-together.within-page="always" hyphenate="false" text-align="start">
          <xsl:value-of select="f:title($tei)"/>
        </fo:block>
      </xsl:if>
      <xsl:if test="not($anchor)">
        <xsl:call-template name="b:metadata">
          <xsl:with-param name="tei" select="$tei"/>
          <xsl:with-param name="fields" select="$fields"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$f:machine-translation and not(f:is-calendar($tei))">
        <fo:block font-family="{$f:heading-font}" font-size="8pt" color="#8a3d14" space-after="6pt" keep-with-next.within-page="always">
          <xsl:value-of select="f:label('machine-translation')"/>
        </fo:block>
      </xsl:if>
      <xsl:if test="$tei/self::tei:teiCorpus">
        <xsl:call-template name="f:contents-here"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
      </xsl:if>
      <xsl:apply-templates select="f:printed-parts($tei)" mode="m:text">
        <xsl:with-param name="metadata-after" select="$anchor" tunnel="yes"/>
        <!-- the text's own headings: below the printed title, or the first of them is the title -->
        <xsl:with-param name="heading-offset" select="$heading-offset + (if (f:needs-title($tei)) then 1 else 0)" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:call-template name="f:fo-endnotes"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
      <xsl:call-template name="f:fo-witnesses"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
      <xsl:call-template name="f:fo-sources">
        <xsl:with-param name="tei" select="$tei"/>
        <xsl:with-param name="fields" select="$fields"/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <!--
    The source note (common/citation.xsl, f:source-note), the document's one source statement in
    print: after its text, in small type, the last thing of the document. Not a footnote: the
    volume runs calendar entries on, several to a page, and each footnote would need a mark of its
    own on its page; where it stands the note needs none, and it stays with its document.
  -->
  <xsl:template name="m:fo-source-note">
    <xsl:param name="tei" as="element()"/>
    <xsl:for-each select="f:source-note($tei)">
      <fo:block font-size="8pt" line-height="1.35" color="#333" text-align="start" hyphenate="false" space-before="10pt"
          keep-with-previous.within-page="always" keep-together.within-page="always" start-indent="0" end-indent="0" font-weight="normal" font-style="normal">
        <fo:inline font-family="{$f:heading-font}" font-weight="bold"><xsl:value-of select="f:label('source-note')"/>. </fo:inline>
        <!-- the description's own leading whitespace would widen the space after the label -->
        <xsl:apply-templates select="?bibl/node()[not(position() = 1 and self::text() and not(normalize-space()))]" mode="m:text"/>
        <xsl:for-each select="?href">
          <xsl:text> </xsl:text><fo:basic-link external-destination="url('{replace(., '''', '%27')}')" color="#1a4f8a"><xsl:value-of select="."/></fo:basic-link>
        </xsl:for-each>
        <xsl:for-each select="?archive"><xsl:text> </xsl:text><xsl:value-of select="."/></xsl:for-each>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!--
    Long runs of letters and digits that hold a digit (a hash, a shelfmark, a number, an identifier
    in a table cell) have no break opportunity in Unicode line breaking and no hyphenation, so FOP
    set them past the margin, off the page or over the next table cell. A ZERO WIDTH SPACE
    (U+200B) every 8 characters of such a run (16 or more) lets the line break there; FOP draws
    nothing for it and leaves it out of the PDF's text, so the text layer keeps every character.
    Words of letters only are left to hyphenation. (Addresses break after their slashes already.)
  -->
  <xsl:template match="text()[matches(., '[\p{L}\p{M}\p{N}]{16}')]" mode="m:text" priority="0.25">
    <xsl:analyze-string select="." regex="[\p{{L}}\p{{M}}\p{{N}}]{{16,}}">
      <xsl:matching-substring>
        <xsl:value-of select="if (matches(., '\p{N}')) then string-join(for $i in 0 to (string-length(.) - 1) idiv 8
          return substring(., $i * 8 + 1, 8), '&#x200B;') else ."/>
      </xsl:matching-substring>
      <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:template>

  <!-- Text ending in whitespace inside an element that a note's mark follows (<hi>word </hi><note>): the joiner goes after the space (see b:note). -->
  <xsl:template match="text()[matches(., '\s$')][following::node()[1][self::tei:note][f:note-place(.) = ('foot', 'end')]]
                             [not(following-sibling::node()[1][self::tei:note])]" mode="m:text">
    <xsl:next-match/>
    <xsl:text>&#x2060;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
