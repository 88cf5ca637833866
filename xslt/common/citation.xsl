<?xml version="1.0" encoding="UTF-8"?>
<!--
  What a reader needs to cite a document and to know what its text is, for every output: the
  document's number in the edition, its source note (what the text is, where it was read, when,
  and its archival citation or the lack of one), whether the edition's text is a machine
  translation, and the citation in the forms readers use (Chicago, BibTeX, CSL-JSON).
  The number comes from Java ($layout 'number:ID': the document's place in the edition's order),
  so that the book, the site's lists, the page, the PDF and the citation give the same one.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="http://editio.org/ns/function"
    exclude-result-prefixes="#all">

  <!-- The document's number in the edition ("16"), or empty when the layout has none (a loose file). -->
  <xsl:function name="f:doc-number" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$layout('number:' || f:doc-id($tei))"/>
  </xsl:function>

  <!-- "No. 16", in the edition's language. -->
  <xsl:function name="f:doc-number-label" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="f:doc-number($tei) ! f:label('document-number', .)"/>
  </xsl:function>

  <!--
    Whether the edition's text is a machine translation: edition.xml's langUsage declares a
    language whose tag carries the BCP 47 transform extension's "t0" field (RFC 6497: the text was
    translated by machine, e.g. en-t-ru-t0-und, English machine-translated from Russian).
  -->
  <xsl:variable name="f:machine-translation" as="xs:boolean"
      select="exists($edition//tei:profileDesc/tei:langUsage/tei:language[matches(@ident, '-t-.*-t0-', 'i')])"/>

  <!--
    Whose a note is, as edition.xml's principles distinguish them: the label of a note of the
    source (type="source") or of the editors (type="editorial", or resp naming the editors), or
    empty for a note that says neither.
  -->
  <xsl:function name="f:note-kind-label" as="xs:string?">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="if ($note/@type = 'source') then f:label('note-of-source')
                          else if ($note/@type = 'editorial' or $note/@resp) then f:label('note-of-editors') else ()"/>
  </xsl:function>

  <!-- The date the source page was read (sourceDesc's date[@type='access']), if recorded. -->
  <xsl:function name="f:access-date" as="element(tei:date)?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="($tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:date[@type = 'access'])[1]"/>
  </xsl:function>

  <!--
    The source note's parts, in reading order, as FRUS gives it at the head of a document:
      'bibl'     the source description (TEI nodes: what the text is, where it was published, when
                 read): sourceDesc's first bibl, else its first paragraph
      'href'     the page's address, spelled out (a safe URL), if any
      'archive'  the archival citation, or the sentence saying the source page gives none (only
                 where the source is a web page of an archive, bibl type="web-page" with its
                 address, as editio's importer and calendar write it: a description of a printed
                 book, or another project's that links its digital source, says nothing of it)
  -->
  <xsl:function name="f:source-note" as="map(xs:string, item()*)?">
    <xsl:param name="tei" as="element()"/>
    <!-- a description of the source (bibl), else its prose (p: FRUS links the scan of each original there) -->
    <xsl:variable name="source" select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc"/>
    <xsl:variable name="bibl" select="($source/tei:bibl[tei:ref/@target or normalize-space()], $source/tei:p[tei:ref/@target or normalize-space()])[1]"/>
    <xsl:sequence select="$bibl ! map{
      'bibl': $bibl,
      'href': f:safe-url(($bibl/tei:ref/@target)[1]),
      'archive': (f:citation($tei) ! f:label('archival-citation', replace(., '\.$', '')),
                  f:label('no-archival-citation')[tokenize($bibl/@type) = 'web-page' and exists(f:safe-url(($bibl/tei:ref/@target)[1]))])[1]}"/>
  </xsl:function>

  <!-- The source note as one line of text (for the PDF's bookmarks, tests and plain outputs). -->
  <xsl:function name="f:source-note-text" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="f:source-note($tei) ! string-join((normalize-space(?bibl), ?href, ?archive), ' ')"/>
  </xsl:function>

  <!-- The document's stable address: the base URL (edition.xml) and its page's path. -->
  <xsl:function name="f:document-address" as="xs:string?">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="f:address('html:document:' || f:doc-id($tei))"/>
  </xsl:function>

  <!--
    The editors as a citation names them, each with a capital (edition.xml writes the name as it
    stands inside a sentence: "Edited by the editio editorial team").
  -->
  <xsl:variable name="f:edition-editors" as="xs:string*"
      select="$edition//tei:titleStmt/tei:respStmt/tei:name ! normalize-space(.) ! (upper-case(substring(., 1, 1)) || substring(., 2))"/>
  <xsl:variable name="f:edition-version" as="xs:string?" select="normalize-space($edition//tei:editionStmt/tei:edition)[.]"/>
  <xsl:variable name="f:edition-publisher" as="xs:string?" select="normalize-space(($edition//tei:publicationStmt/tei:publisher)[1])[.]"/>
  <xsl:variable name="f:edition-year" as="xs:string?"
      select="(($edition//tei:publicationStmt/tei:date)[1] ! (substring(@when, 1, 4)[.], normalize-space(.))[1])[.]"/>

  <!--
    The citation in Chicago's notes-and-bibliography form for a document in an edition:
    Editors, eds. "Title." No. 16 in Edition title. Version. Publisher, year. URL. Accessed date.
    $accessed: the access date as the reader's citation should print it (ISO); empty leaves it out.
  -->
  <xsl:function name="f:citation-chicago" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="accessed" as="xs:string?"/>
    <xsl:sequence select="string-join((
      string-join($f:edition-editors, ', ')[.] ! (. || ' ' || f:label('editors-suffix') || '.'),
      f:label('quoted-title', f:title($tei) || '.'),
      string-join((f:doc-number-label($tei), f:label('in', $edition-title)), ' ') || '.',
      $f:edition-version ! (replace(., '\.$', '') || '.'),
      string-join(($f:edition-publisher, $f:edition-year), ', ')[.] ! (. || '.'),
      f:document-address($tei) ! (. || '.'),
      $accessed[.] ! (f:label('accessed', f:format-iso(.)) || '.')), ' ')"/>
  </xsl:function>

  <!-- BibTeX (biblatex fields): an @incollection-like @misc with the edition as booktitle. -->
  <xsl:function name="f:citation-bibtex" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="accessed" as="xs:string?"/>
    <xsl:variable name="fields" as="xs:string*" select="(
      'title = {' || f:bibtex-escape(f:title($tei)) || '}',
      string-join($f:edition-editors ! ('{' || f:bibtex-escape(.) || '}'), ' and ')[.] ! ('editor = {' || . || '}'),
      'booktitle = {' || f:bibtex-escape($edition-title) || '}',
      f:doc-number($tei) ! ('number = {' || . || '}'),
      $f:edition-version ! ('edition = {' || f:bibtex-escape(.) || '}'),
      $f:edition-publisher ! ('publisher = {' || f:bibtex-escape(.) || '}'),
      $f:edition-year ! ('year = {' || . || '}'),
      f:document-address($tei) ! ('url = {' || . || '}'),
      $accessed[.] ! ('urldate = {' || . || '}'))"/>
    <xsl:sequence select="'@misc{' || f:doc-id($tei) || ',&#10;  ' || string-join($fields, ',&#10;  ') || '&#10;}'"/>
  </xsl:function>

  <xsl:function name="f:bibtex-escape" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace(replace($s, '([\\{}])', '\\$1'), '([&amp;%$#_])', '\\$1')"/>
  </xsl:function>

  <!-- CSL-JSON (the format of Zotero and citeproc): one item, type "document". -->
  <xsl:function name="f:citation-csl" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="accessed" as="xs:string?"/>
    <xsl:variable name="item" as="map(*)" select="map:merge((
      map{'id': f:doc-id($tei), 'type': 'document', 'title': f:title($tei), 'container-title': $edition-title},
      map{'editor': array{$f:edition-editors ! map{'literal': .}}}[exists($f:edition-editors)],
      f:doc-number($tei) ! map{'number': .},
      $f:edition-version ! map{'version': .},
      $f:edition-publisher ! map{'publisher': .},
      $f:edition-year[. castable as xs:integer] ! map{'issued': map{'date-parts': array{array{xs:integer(.)}}}},
      f:document-address($tei) ! map{'URL': .},
      $accessed[. castable as xs:date] ! map{'accessed': map{'date-parts': array{array{
        xs:integer(substring(., 1, 4)), xs:integer(substring(., 6, 2)), xs:integer(substring(., 9, 2))}}}}
      ))" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <!-- addresses as readers copy them: the JSON serializer writes / as \/, which JSON does not require -->
    <xsl:sequence select="replace(serialize(array{$item}, map{'method': 'json', 'indent': true()}), '\\/', '/')"/>
  </xsl:function>
</xsl:stylesheet>
