<?xml version="1.0" encoding="UTF-8"?>
<!--
  A document as every output presents it: a title (its own first head, or a generated one), the
  metadata block (after the first head of the body, else before the text), the text, the notes.
  The metadata block is one list of fields, decided here; the renderers lay it out (the HTML
  panel, the PDF's line under the heading and source lines after the text) through b:metadata.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    exclude-result-prefixes="#all">

  <!--
    Whether the output prints the title from the header: when the text has no head of its own, or
    when its first head is the source's heading and the header's title (type="editorial") is the editors' title in
    the edition's form ("Telegram from M. M. Litvinov to NKID, 14 May 1937"). The source's heading
    then stays, one level down, as a heading of the text.
  -->
  <xsl:function name="f:needs-title" as="xs:boolean">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="head" select="f:text-heading($tei)"/>
    <xsl:sequence select="$tei/self::tei:teiCorpus or not($head) or ($tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)[1]/@type = 'editorial'
                          and f:reading-text($head) ne f:title($tei)"/>
  </xsl:function>

  <!--
    The text's own heading, which heads the whole text: the first head of its body, when it is the
    body's head or the head of a division that stands alone (a letter, a report), and no title
    page or front matter with headings of its own comes before it. The head of one division among
    several (one letter of a file of letters, one session of a meeting, an act, a chapter), of a
    verse group, or a body's heading after a title page, a cast list or a preface, or the head of a
    division that body paragraphs precede, is a heading inside the text: the document's title is
    then printed above it.
  -->
  <xsl:function name="f:text-heading" as="element(tei:head)?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="($tei/tei:text/tei:body//tei:head)[1][parent::tei:body
        or parent::*[f:is-division(.)][not((preceding-sibling::* | following-sibling::*)[f:is-division(.)])]
          (: nothing of the body's text before the division (FRUS: source paragraphs, then the one div) :)
          [not(preceding-sibling::*[not(self::tei:pb or self::tei:lb or self::tei:cb or self::tei:milestone or self::tei:anchor or self::tei:fw)])]]
        [empty($tei/tei:text/tei:front//(tei:head | tei:titlePage))]"/>
  </xsl:function>

  <!-- A division of a text: div, div1 … div7. -->
  <xsl:function name="f:is-division" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:div4
                                   or self::tei:div5 or self::tei:div6 or self::tei:div7])"/>
  </xsl:function>

  <!--
    How many levels the document's title takes above the other headings of its text: one when the
    title is printed above the text, or when the text's own heading is its body's head (its
    divisions, level 1 of their own, stand under it); none when it heads the one division.
  -->
  <xsl:function name="f:title-offset" as="xs:integer">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="if (f:needs-title($tei) and $tei/tei:text//tei:head
                              or f:metadata-anchor($tei)/parent::tei:body) then 1 else 0"/>
  </xsl:function>

  <!-- The head the metadata block follows (the text's own heading); with a printed title, the block stands before the text. -->
  <xsl:function name="f:metadata-anchor" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="f:text-heading($tei)[not(f:needs-title($tei))]"/>
  </xsl:function>

  <!--
    The document's metadata block: one map per field, in reading order, each with
      'key'    date, place, sender, addressee, author, type, classification, countries, archive,
               source, calendar, summary
      'group'  'line' (what the document is: date to countries), 'source' (where it comes from),
               'notice' (the calendar mark), 'summary' (the abstract)
      'label'  the field's label in the edition's language
      'value'  the field's text
    and, for some: 'datetime' (ISO date), 'href' (a safe URL), 'title' (the source's title),
    'content' (TEI nodes to render: the summary).
  -->
  <xsl:function name="f:metadata-fields" as="map(xs:string, item()*)*">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="date" select="f:document-date($tei)"/>
    <xsl:variable name="source" select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[tei:ref/@target][1]"/>
    <xsl:sequence select="(
      $date ! map{'key': 'date', 'group': 'line', 'label': f:label('date'), 'value': f:format-date(.), 'datetime': f:date-sort-key(.)},
      f:place($tei) ! map{'key': 'place', 'group': 'line', 'label': f:label('place'), 'value': .},
      f:party($tei, 'sender') ! map{'key': 'sender', 'group': 'line', 'label': f:label('sender'), 'value': .},
      f:party($tei, 'addressee') ! map{'key': 'addressee', 'group': 'line', 'label': f:label('addressee'), 'value': .},
      (if (empty(f:party($tei, 'sender'))) then string-join(f:authors($tei), '; ')[.] else ())
        ! map{'key': 'author', 'group': 'line', 'label': f:label(if (contains(., ';')) then 'authors' else 'author'), 'value': .},
      for $scheme in ('document-types', 'classifications', 'countries'),
          $value in string-join(f:categories($tei, $scheme) ! f:category-label(.), ', ')[.]
      return map{'key': map{'document-types': 'type', 'classifications': 'classification', 'countries': 'countries'}($scheme),
                 'group': 'line', 'value': $value,
                 'label': f:label(map{'document-types': 'type', 'classifications': 'classification', 'countries': 'countries'}($scheme))},
      f:citation($tei) ! map{'key': 'archive', 'group': 'source', 'label': f:label('archive'), 'value': .},
      $source ! map{'key': 'source', 'group': 'source', 'label': f:label('source'),
                    'value': normalize-space(tei:ref[1]), 'href': f:safe-url(tei:ref[1]/@target),
                    'title': normalize-space(tei:title[1]), 'text': normalize-space(.)},
      map{'key': 'calendar', 'group': 'notice', 'label': f:label('calendar'), 'value': f:label('calendar')}[f:is-calendar($tei)],
      $tei/tei:teiHeader/tei:profileDesc/tei:abstract !
        map{'key': 'summary', 'group': 'summary', 'label': f:label('summary'), 'value': normalize-space(.), 'content': node()}
    )"/>
  </xsl:function>

  <!--
    The fields of where a document comes from (group 'source') that its source note
    (f:source-note) does not already say: one source statement per document. With a note, the
    archival citation and the source description it holds are in it; a second description is
    not. Without one, every field of the group.
  -->
  <xsl:function name="f:sources-beyond-note" as="map(xs:string, item()*)*">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="fields" as="map(xs:string, item()*)*"/>
    <xsl:variable name="note" select="f:source-note($tei)"/>
    <xsl:sequence select="if (empty($note)) then $fields[?group = 'source']
                          else $fields[?key = 'source'][?text ne normalize-space($note?bibl)]"/>
  </xsl:function>

  <!--
    The divisions a document's contents list: its divisions with a heading, three levels deep
    (corpus members with them), when it has at least three (a book, a play, a collection: not a
    letter). Notes, figures and embedded texts hold none.
  -->
  <xsl:function name="f:contents" as="element()*" cache="yes">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="divisions" select="($tei/tei:TEI, $tei//tei:text//(tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4)[tei:head[normalize-space()]])
        [not(ancestor::tei:note or ancestor::tei:floatingText or ancestor::tei:figure or ancestor::tei:q or ancestor::tei:quote)]
        [f:division-level(.) le 3]"/>
    <xsl:sequence select="if (count($divisions) ge 3) then $divisions else ()"/>
  </xsl:function>

  <!--
    What the contents follow: a book's title page (front/titlePage), else the text's own heading
    when it is the page's title (with the metadata after it), else nothing: then the contents
    stand before the text.
  -->
  <xsl:function name="f:contents-anchor" as="element()?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="(($tei/tei:text/tei:front/tei:titlePage)[last()], f:metadata-anchor($tei))[1]"/>
  </xsl:function>

  <!--
    Whether a document is a book: at least two headed divisions at its top level and a title page,
    or long (over 40,000 characters). In print, a book's top-level divisions (its chapters) start a
    page and name the pages they run over.
  -->
  <xsl:function name="f:is-book" as="xs:boolean" cache="yes">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="top" select="$tei/tei:text/(tei:front | tei:body | tei:back)/(tei:div | tei:div1)[tei:head]"/>
    <xsl:sequence select="count($top) ge 2 and (exists($tei/tei:text/tei:front/tei:titlePage)
                          or string-length(string($tei/tei:text)) gt 40000)"/>
  </xsl:function>

  <!-- A chapter: a top-level division of a book. -->
  <xsl:function name="f:is-chapter" as="xs:boolean">
    <xsl:param name="division" as="element()"/>
    <xsl:sequence select="exists($division[self::tei:div or self::tei:div1][tei:head][f:division-level(.) = 1]
                          [parent::tei:front or parent::tei:body or parent::tei:back][f:is-book(f:document(.))])"/>
  </xsl:function>

  <!-- What the contents (and the running heads of print) call a division: its first heading's text, notes left out. -->
  <xsl:function name="f:division-title" as="xs:string">
    <xsl:param name="division" as="element()"/>
    <xsl:sequence select="if ($division/self::tei:TEI) then f:title($division)
        else f:reading-text(($division/tei:head[normalize-space()][not(f:is-running-head(.))])[1])"/>
  </xsl:function>

  <!-- What the running heads of print call a division: its heading for running heads, else its title. -->
  <xsl:function name="f:running-title" as="xs:string">
    <xsl:param name="division" as="element()"/>
    <xsl:variable name="short" select="$division/tei:head[f:is-running-head(.)][1]"/>
    <xsl:sequence select="if ($short) then f:reading-text($short) else f:division-title($division)"/>
  </xsl:function>

  <!-- The id a division has in the outputs (its xml:id, else one made from its place): what the contents link to. -->
  <xsl:function name="f:division-id" as="xs:string">
    <xsl:param name="division" as="element()"/>
    <xsl:sequence select="if ($division/@xml:id) then string($division/@xml:id) else f:doc-id($division) || '-div-' || f:node-key($division)"/>
  </xsl:function>

  <!-- Whether the contents list this division (it then needs an id in the outputs). -->
  <xsl:function name="f:in-contents" as="xs:boolean">
    <xsl:param name="division" as="element()"/>
    <xsl:sequence select="exists(f:contents(f:document($division))[. is $division])"/>
  </xsl:function>

  <!--
    The manuscripts a document describes, when describing them is what it is for: a manuscript
    description file (msDesc in its sourceDesc, a text without words of its own). The outputs print
    them where the text would stand.
  -->
  <xsl:function name="f:described-manuscripts" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="if (normalize-space(string-join($tei/tei:text//text())) = '')
                          then $tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:msDesc[not(ancestor::tei:msDesc)] else ()"/>
  </xsl:function>

  <!--
    What the outputs print as a document's substance, in order: the manuscripts a manuscript
    description file describes, its text, the members of a corpus (whose headers, like every
    header, are metadata, not text).
  -->
  <xsl:function name="f:printed-parts" as="element()*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="f:described-manuscripts($tei), $tei/tei:text, $tei/(tei:TEI | tei:teiCorpus)"/>
  </xsl:function>

  <!-- Whether an element is printed with its document's substance (f:printed-parts), so that a pointer may lead to it. -->
  <xsl:function name="f:is-printed" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/ancestor-or-self::tei:text)
                          or exists($e/ancestor-or-self::tei:msDesc intersect f:described-manuscripts(f:document($e)))"/>
  </xsl:function>

  <!--
    The opener after which a calendar entry's summary stands: a calendar entry reads as printed
    calendars print it, heading, dateline, then the editors' summary (not the summary first).
  -->
  <xsl:function name="f:summary-anchor" as="element(tei:opener)?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="($tei[f:is-calendar(.)][tei:teiHeader/tei:profileDesc/tei:abstract]
                           /tei:text/tei:body//tei:div[@type = 'calendar']/tei:opener[tei:dateline])[1]"/>
  </xsl:function>

  <!-- The heading of a part of edition.xml's editorial declaration (correction, normalization ...). -->
  <xsl:function name="f:declaration-heading" as="xs:string">
    <xsl:param name="part" as="element()"/>
    <xsl:sequence select="(f:label-or-empty('decl-' || local-name($part)),
                           upper-case(substring(local-name($part), 1, 1)) || substring(local-name($part), 2))[1]"/>
  </xsl:function>
</xsl:stylesheet>
