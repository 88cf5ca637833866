<?xml version="1.0" encoding="UTF-8"?>
<!--
  What each TEI element of a text means, decided once for every output (mode m:text).

  Every template here answers "what is this element?" by calling a behaviour: a named template
  in the b: namespace (b:block, b:inline, b:heading, b:paragraph, b:list, b:table, b:note,
  b:alternate, b:link, b:name, b:break, b:generated ...), with the element as the context item and
  the decisions as parameters (the heading's level, the list's entries and labels, the reading
  that shows, the note's number). Each renderer (html/text.xsl, fo/text.xsl) defines every
  behaviour once, saying only what markup it becomes: the idea of TEI Publisher's processing
  model (elements mapped to behaviours, behaviours implemented per output) in plain XSLT.

  Adding an element is one template here (which behaviour, with which parameters) and, when no
  existing behaviour fits, one new behaviour in each renderer. An element without a template of
  its own is a block or an inline by f:is-block and keeps its text.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    xmlns:m="http://editio.org/ns/mode"
    xmlns:b="http://editio.org/ns/behaviour"
    exclude-result-prefixes="#all">

  <xsl:mode name="m:text" on-no-match="text-only-copy"/>

  <!-- ============================================================ blocks and inlines -->

  <!-- Which elements are blocks (f:is-block) is common/functions.xsl's: the search index cuts the text where the pages do. -->

  <xsl:template match="tei:*" mode="m:text" priority="-1">
    <xsl:choose>
      <xsl:when test="f:is-block(.)"><xsl:call-template name="b:block"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="b:inline"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Elements of other namespaces (rare in TEI text) keep their text. -->
  <xsl:template match="*" mode="m:text" priority="-2">
    <xsl:call-template name="b:inline"/>
  </xsl:template>

  <!-- The header is metadata (the document's metadata block), not text; the text element is only a container. -->
  <xsl:template match="tei:teiHeader" mode="m:text"/>
  <xsl:template match="tei:text" mode="m:text">
    <xsl:apply-templates mode="m:text"/>
  </xsl:template>

  <xsl:template match="tei:div" mode="m:text">
    <xsl:call-template name="b:section"/>
  </xsl:template>

  <!-- The head of the outermost division is level 1; heads of nested divisions, verse groups, lists, tables and figures step down. -->
  <xsl:function name="f:heading-level" as="xs:integer">
    <xsl:param name="head" as="element()"/>
    <xsl:sequence select="max((1, min((count($head/(ancestor::tei:div | ancestor::tei:div1 | ancestor::tei:div2 | ancestor::tei:div3
                          | ancestor::tei:lg | ancestor::tei:list | ancestor::tei:table | ancestor::tei:figure)), 6))))"/>
  </xsl:function>

  <xsl:template match="tei:head" mode="m:text">
    <xsl:call-template name="b:heading">
      <xsl:with-param name="level" select="f:heading-level(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A document's metadata block follows the first head of its body (see common/document.xsl). -->
  <xsl:template match="tei:head" mode="m:text" priority="1">
    <xsl:param name="metadata-after" as="element()?" tunnel="yes" select="()"/>
    <xsl:next-match/>
    <xsl:if test=". is $metadata-after">
      <xsl:call-template name="b:metadata">
        <xsl:with-param name="tei" select="ancestor::tei:TEI[last()]"/>
        <xsl:with-param name="fields" select="f:metadata-fields(ancestor::tei:TEI[last()])"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab | tei:dateline | tei:salute | tei:signed | tei:byline | tei:trailer" mode="m:text">
    <xsl:call-template name="b:paragraph"/>
  </xsl:template>

  <!-- A quotation in the line stands in the quotation marks of the edition's language. -->
  <xsl:template match="tei:quote" mode="m:text">
    <xsl:variable name="block" select="f:is-block(.)"/>
    <xsl:call-template name="b:quote">
      <xsl:with-param name="block" select="$block"/>
      <xsl:with-param name="before" select="if ($block) then () else f:label('quote-open')"/>
      <xsl:with-param name="after" select="if ($block) then () else f:label('quote-close')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ highlighting -->

  <!--
    How an element is set, from its @rend: italic, bold, superscript, subscript, smallcaps,
    underline, strikethrough, code. The renderers know these words and nothing of @rend.
  -->
  <xsl:function name="f:renditions" as="xs:string*">
    <xsl:param name="rend" as="xs:string?"/>
    <xsl:variable name="r" select="string($rend)"/>
    <xsl:sequence select="
      ('superscript'[matches($r, 'sup')], 'subscript'[matches($r, 'sub')],
       'bold'[matches($r, 'bold|strong')], 'italic'[matches($r, 'italic')],
       'smallcaps'[matches($r, 'small-?caps')], 'underline'[matches($r, 'underline')],
       'strikethrough'[matches($r, 'strike|line-through')])"/>
  </xsl:function>

  <xsl:template match="tei:hi" mode="m:text">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="renditions" select="f:renditions(@rend)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:emph | tei:foreign | tei:title[ancestor::tei:text] | tei:term" mode="m:text">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="renditions" select="'italic'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An element name (in editorial principles): <name>, set as code. -->
  <xsl:template match="tei:gi" mode="m:text">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="renditions" select="'code'"/>
      <xsl:with-param name="content" as="text()"><xsl:value-of select="'&lt;' || . || '&gt;'"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ lists -->

  <xsl:function name="f:is-ordered" as="xs:boolean">
    <xsl:param name="list" as="element(tei:list)"/>
    <xsl:sequence select="$list/@type = ('ordered', 'numbered') or $list/@rend = ('numbered', 'ordered')"/>
  </xsl:function>

  <!--
    A list's entries, in order: an item with the label before it (label/item pairs) is one entry;
    text or elements before the first label or item are an entry of their own. Each entry is a map:
      'label'     the TEI label, if any
      'content'   what the entry shows after its label: the item's children and whatever else
                  stands in the list up to the next entry (nothing is dropped)
      'number'    its number among the list's entries
      'generated' the label editio prints where the TEI has none ('3.' in ordered lists, '•' else)
      'prefix'    true for the text before the first entry
  -->
  <xsl:function name="f:list-entries" as="map(xs:string, item()*)*">
    <xsl:param name="list" as="element(tei:list)"/>
    <xsl:variable name="ordered" select="f:is-ordered($list)"/>
    <xsl:variable name="groups" as="map(xs:string, item()*)*">
      <xsl:for-each-group select="$list/(node() except tei:head)"
          group-starting-with="tei:label | tei:item[not(preceding-sibling::*[1][self::tei:label])]">
        <xsl:variable name="starts" select="exists(current-group()[1][self::tei:item or self::tei:label])"/>
        <xsl:if test="$starts or current-group()[self::* or normalize-space()]">
          <xsl:sequence select="map{
            'label': current-group()[1][self::tei:label],
            'item': current-group()[self::tei:item][1],
            'content': (current-group() except current-group()[1][self::tei:label]) ! (if (self::tei:item) then node() else .),
            'prefix': not($starts)}"/>
        </xsl:if>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:for-each select="$groups">
      <xsl:variable name="n" select="count(subsequence($groups, 1, position())[not(?prefix)])"/>
      <xsl:sequence select="map:put(., 'number', $n) => map:put('generated', if (?prefix) then '' else if ($ordered) then $n || '.' else '•')"/>
    </xsl:for-each>
  </xsl:function>

  <xsl:template match="tei:list" mode="m:text">
    <xsl:apply-templates select="tei:head" mode="m:text"/>
    <xsl:call-template name="b:list">
      <xsl:with-param name="ordered" select="f:is-ordered(.)"/>
      <xsl:with-param name="entries" select="f:list-entries(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ tables -->

  <xsl:function name="f:is-label-cell" as="xs:boolean">
    <xsl:param name="cell" as="element(tei:cell)"/>
    <xsl:sequence select="$cell/@role = 'label' or $cell/parent::tei:row/@role = 'label'"/>
  </xsl:function>

  <xsl:function name="f:span" as="xs:integer">
    <xsl:param name="value" as="attribute()?"/>
    <xsl:sequence select="if ($value castable as xs:integer and xs:integer($value) ge 1) then min((xs:integer($value), 1000)) else 1"/>
  </xsl:function>

  <!--
    How many columns a table has: its rows laid out on a grid, cells spanning @cols columns and
    @rows rows (a cell spanning rows takes its columns in the rows below).
  -->
  <xsl:function name="f:table-columns" as="xs:integer">
    <xsl:param name="table" as="element(tei:table)"/>
    <xsl:iterate select="$table/tei:row">
      <!-- for each column: how many more rows a cell from above still covers -->
      <xsl:param name="covered" as="xs:integer*" select="()"/>
      <xsl:param name="width" as="xs:integer" select="0"/>
      <xsl:on-completion><xsl:sequence select="max(($width, 1))"/></xsl:on-completion>
      <xsl:variable name="after" as="xs:integer*">
        <xsl:iterate select="tei:cell">
          <xsl:param name="grid" as="xs:integer*" select="$covered"/>
          <xsl:param name="at" as="xs:integer" select="1"/>
          <xsl:on-completion><xsl:sequence select="$grid"/></xsl:on-completion>
          <!-- the first column from $at that no cell from above covers -->
          <xsl:variable name="free" select="(for $i in $at to count($grid) + 1 return $i[not($grid[$i] gt 0)])[1]"/>
          <xsl:variable name="cols" select="f:span(@cols)"/>
          <xsl:variable name="rows" select="f:span(@rows)"/>
          <xsl:next-iteration>
            <xsl:with-param name="grid" select="for $i in 1 to max((count($grid), $free + $cols - 1))
                return if ($i ge $free and $i lt $free + $cols) then $rows else ($grid[$i], 0)[1]"/>
            <xsl:with-param name="at" select="$free + $cols"/>
          </xsl:next-iteration>
        </xsl:iterate>
      </xsl:variable>
      <xsl:next-iteration>
        <xsl:with-param name="covered" select="$after ! max((. - 1, 0))"/>
        <xsl:with-param name="width" select="max(($width, count($after)))"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

  <xsl:template match="tei:table" mode="m:text">
    <xsl:call-template name="b:table">
      <xsl:with-param name="caption" select="tei:head"/>
      <xsl:with-param name="columns" select="f:table-columns(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:row" mode="m:text">
    <xsl:call-template name="b:row">
      <xsl:with-param name="label" select="@role = 'label'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:cell" mode="m:text">
    <xsl:call-template name="b:cell">
      <xsl:with-param name="label" select="f:is-label-cell(.)"/>
      <xsl:with-param name="rows" select="f:span(@rows)"/>
      <xsl:with-param name="cols" select="f:span(@cols)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ alternate readings -->

  <!-- Which reading of a choice shows (f:shown-reading) is common/functions.xsl's: the search index finds both. -->
  <xsl:template match="tei:choice" mode="m:text">
    <xsl:variable name="shown" select="f:shown-reading(.)"/>
    <xsl:call-template name="b:alternate">
      <xsl:with-param name="shown" select="$shown"/>
      <xsl:with-param name="alternates" select="f:alternate-readings(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A reading inside a choice: shown or alternate. Outside a choice, sic, orig and abbr are simply the text. -->
  <xsl:template match="tei:choice/*" mode="m:text">
    <xsl:call-template name="b:reading">
      <xsl:with-param name="shown" select=". is f:shown-reading(..)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ editorial additions -->

  <xsl:template match="tei:gap" mode="m:text">
    <xsl:call-template name="b:generated">
      <xsl:with-param name="text" select="f:label('gap')"/>
      <xsl:with-param name="title" select="string-join((@reason, @extent, @quantity ! (. || ' ' || ../@unit)), ', ')"/>
      <xsl:with-param name="for" select="."/>
    </xsl:call-template>
  </xsl:template>

  <!-- Text the writer struck out stays in the edition, marked as deleted. -->
  <xsl:template match="tei:del" mode="m:text">
    <xsl:call-template name="b:deletion"/>
  </xsl:template>

  <!-- Supplied text stands in brackets. -->
  <xsl:template match="tei:supplied" mode="m:text">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="before" select="'['"/>
      <xsl:with-param name="after" select="']'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ breaks -->

  <xsl:template match="tei:lb" mode="m:text">
    <xsl:call-template name="b:break"><xsl:with-param name="kind" select="'line'"/></xsl:call-template>
  </xsl:template>

  <!-- A page break of the source: a marginal page reference, never a line of text. -->
  <xsl:template match="tei:pb" mode="m:text">
    <xsl:call-template name="b:break">
      <xsl:with-param name="kind" select="'page'"/>
      <xsl:with-param name="n" select="@n ! string(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ links and names -->

  <!-- The element a pointer inside the same document names (#id), if any. -->
  <xsl:function name="f:local-target" as="element()?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="if (starts-with($pointer, '#')) then f:resolve($pointer, $context) else ()"/>
  </xsl:function>

  <xsl:template match="tei:ref[@target] | tei:ptr[@target]" mode="m:text">
    <xsl:variable name="pointer" select="tokenize(@target)[1]"/>
    <xsl:variable name="href" select="f:safe-url($pointer)"/>
    <xsl:call-template name="b:link">
      <xsl:with-param name="href" select="$href"/>
      <xsl:with-param name="target" select="f:local-target($pointer, .)"/>
      <!-- a pointer has no text: it shows where it leads -->
      <xsl:with-param name="content" as="node()*">
        <xsl:choose>
          <xsl:when test="self::tei:ptr"><xsl:value-of select="($href, $pointer)[1]"/></xsl:when>
          <xsl:otherwise><xsl:sequence select="node()"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A name that points into a register is a mention: linked to its entry, counted, and indexed in print. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name" mode="m:text">
    <xsl:variable name="entry" select="tokenize(@ref)[1] ! f:resolve(., current())"/>
    <xsl:call-template name="b:name">
      <xsl:with-param name="entry" select="$entry"/>
      <xsl:with-param name="mention" select="if (@ref and ancestor::tei:text) then f:mention-id(.) else ()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:figure" mode="m:text">
    <xsl:call-template name="b:figure">
      <xsl:with-param name="caption" select="tei:head"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:graphic[@url]" mode="m:text">
    <xsl:call-template name="b:graphic">
      <xsl:with-param name="src" select="f:safe-url(@url)"/>
      <xsl:with-param name="alt" select="normalize-space(../tei:figDesc)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ============================================================ notes -->

  <!-- The mark a note's source printed, when it differs from editio's number (shown with the note). -->
  <xsl:function name="f:note-source-mark" as="xs:string?">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="$note/@n[string(.) ne string(f:note-number($note))] ! string(.)"/>
  </xsl:function>

  <!-- A note leaves its mark where it stands; where its text goes is the renderer's (foot of the page, end of the document). -->
  <xsl:template match="tei:note" mode="m:text">
    <xsl:call-template name="b:note">
      <xsl:with-param name="number" select="f:note-number(.)"/>
      <xsl:with-param name="id" select="f:note-id(.)"/>
      <xsl:with-param name="source-mark" select="f:note-source-mark(.)"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
