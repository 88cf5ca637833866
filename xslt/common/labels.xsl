<?xml version="1.0" encoding="UTF-8"?>
<!--
  Every word editio itself prints, in every language it ships (English, German), chosen by the
  edition's language ($language: edition.xml's TEI/@xml:lang, else its documents', else English;
  computed by the Java side). A label may hold placeholders {1}, {2} ... filled by f:label#2.

  An edition adds or changes labels in its own stylesheets (EDITION/xslt/html.xsl and fo.xsl, or
  a file both include) by overriding $f:edition-labels, e.g.
    <xsl:variable name="f:edition-labels" select="map{'fr': map{'notes': 'Notes', ...}}"/>
  A key missing in the edition's language falls back to English, then to the key itself.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:f="http://editio.org/ns/function"
    exclude-result-prefixes="#all">

  <!-- The edition's language (a BCP 47 tag such as 'en', 'de', 'de-AT'). -->
  <xsl:param name="language" as="xs:string" select="'en'"/>

  <!-- Labels an edition adds or overrides: language -> (key -> text). -->
  <xsl:variable name="f:edition-labels" as="map(xs:string, map(xs:string, xs:string))" select="map{}"/>

  <xsl:variable name="f:labels" as="map(xs:string, map(xs:string, xs:string))" select="map{
    'en': map{
      'author': 'Author',
      'authors': 'Authors',
      'sic': 'sic',
      'space': 'space left blank',
      'column': 'col.',
      'gathering': 'gathering',
      'apparatus': 'Critical apparatus',
      'apparatus-entry': 'Apparatus entry',
      'witnesses': 'Witnesses',
      'lemma-omitted': 'om.',
      'ms-contents': 'Contents',
      'ms-physical': 'Physical description',
      'ms-history': 'History',
      'ms-additional': 'Additional information',
      'ms-part': 'Part',
      'folio': 'fol.',
      'figure': 'Figure',
      'table': 'Table',
      'image-online': 'image online',
      'image-absent': 'image not available',
      'document-number': 'No. {1}',
      'passim': 'passim',
      'date-undated': 'undated [{1}]',
      'year-count-one': '{1}: 1 document',
      'document-noun': 'document',
      'source-note': 'Source note',
      'note-of-source': 'Note in the source',
      'note-of-editors': 'Editors’ note',
      'no-archival-citation': 'No archival citation on the source page.',
      'archival-citation': 'Archival citation: {1}.',
      'machine-translation': 'Machine translation. The text is a machine translation of the source, not revised by the editors; evident errors of the translation are corrected and marked.',
      'machine-translation-short': 'Machine translation',
      'reading-switch': 'Reading',
      'reading-edited': 'edited',
      'reading-source': 'source',
      'marks-key': 'Marks',
      'mark-name': 'dotted underline: a name, linked to the registers',
      'mark-correction': 'wavy underline: an editorial correction; the source’s reading is shown on hover or with the switch',
      'mark-note': 'superscript number: a note, labelled as a note in the source or as the editors’ note (in italics)',
      'cite-bibtex': 'BibTeX',
      'cite-csl': 'CSL-JSON',
      'accessed': 'Accessed {1}',
      'mentioned-in-one': 'Mentioned in 1 document',
      'sections-mark': '§ 1, § 2 …: the passages of a document where the name occurs, in the order of the text.',
      'list-persons': 'Persons',
      'entry-unnamed': '(no name)',
      'year-bc': '{1} BC',
      'list-persons-intro': 'The persons the documents mention, with their identification from the register.',
      'list-abbreviations': 'Abbreviations and terms',
      'notes': 'Notes',
      'note': 'Note',
      'date': 'Date',
      'place': 'Place',
      'sender': 'From',
      'addressee': 'To',
      'source': 'Source',
      'documents': 'Documents',
      'contents': 'Contents',
      'home': 'Home',
      'previous': 'Previous document',
      'next': 'Next document',
      'skip': 'Skip to the text',
      'back-to-text': 'Back to the text',
      'original-reading': 'original reading',
      'download-tei': 'TEI source',
      'download-pdf': 'PDF',
      'downloads': 'Downloads',
      'edition-pdf': 'the edition as a book (PDF)',
      'edition-epub': 'as an e-book (EPUB)',
      'page': 'page',
      'page-abbreviation': 'p.',
      'source-reading': 'source',
      'other-reading': 'other reading',
      'source-omitted': 'not in the source',
      'glyph-unmapped': 'character without mapping',
      'source-mark': 'mark in the source',
      'undated': 'undated',
      'gap': '[…]',
      'gap-extent': '[… {1}]',
      'introduction': 'Introduction',
      'site-navigation': 'Site',
      'persons': 'Persons',
      'places': 'Places',
      'organizations': 'Organizations',
      'persons-noun': 'persons',
      'places-noun': 'places',
      'organizations-noun': 'organizations',
      'index-persons': 'Index of persons',
      'index-places': 'Index of places',
      'index-organizations': 'Index of organizations',
      'search': 'Search',
      'about': 'About the edition',
      'type': 'Type',
      'countries': 'Countries',
      'classification': 'Classification',
      'archive': 'Archival citation',
      'summary': 'Summary',
      'calendar': 'Calendar entry: the text is not transcribed in this edition',
      'calendar-short': 'not transcribed',
      'documents-transcribed': 'Documents transcribed in full',
      'cite': 'Cite this document',
      'editors-suffix': '(eds.)',
      'in': 'in {1}',
      'quoted-title': '“{1}”',
      'quote-open': '“',
      'quote-close': '”',
      'quote-open-inner': '‘',
      'quote-close-inner': '’',
      'mentioned-in': 'Mentioned in {1} documents',
      'passage': 'passage {1} in this document',
      'not-mentioned': 'Not mentioned in any document.',
      'all': 'All',
      'year': 'Year',
      'year-count': '{1}: {2} documents',
      'filter': 'Filter the documents',
      'filter-count': '{1} of {2} documents',
      'timeline': 'Documents per year, by country',
      'timeline-years': 'Documents per year',
      'search-label': 'Search the documents',
      'search-button': 'Search',
      'no-results': 'No document matches.',
      'result-one': '{1} document matches.',
      'result-many': '{1} documents match.',
      'names-matched': 'Names',
      'more-results': 'Show more results',
      'narrow': 'Narrow the results',
      'search-error': 'The search could not run',
      'search-error-way': 'the {1} works without it.',
      'search-help': 'Words are found in any form and without accents (treaty, treaties; Inonu, İnönü); the last word also as the beginning of longer words; &quot;words in quotes&quot; as a phrase.',
      'search-needs-script': 'The search runs in the browser and needs JavaScript; the {1} works without it.',
      'document-list': 'list of documents',
      'editorial-principles': 'Editorial principles',
      'licence': 'Licence',
      'holds': 'The edition holds',
      'documents-noun': 'documents',
      'years-span': 'from {1} to {2}',
      'holdings-detail': '{1} transcribed in full, {2} calendar entries',
      'no-edition-file': 'This edition has no edition file (edition.xml) declaring its editors, editorial principles and licence: what each document says of itself is in its own header, and its TEI source is linked from its page.',
      'in-registers': 'in the registers',
      'letter-index': 'Index',
      'show-note': 'Show note',
      'close': 'Close',
      'forms': 'Other forms of the name',
      'undated-group': 'Undated',
      'none': 'not stated',
      'published-with': 'published with editio',
      'colophon': 'Published with editio from TEI P5 sources; set in DejaVu Serif and DejaVu Sans.',
      'colophon-with-fonts': 'Published with editio from TEI P5 sources; set in DejaVu Serif and DejaVu Sans, and in {1}.',
      'colophon-epub': 'Published with editio from TEI P5 sources; set in DejaVu Serif.',
      'cover': 'Cover',
      'title-page': 'Title page',
      'registers': 'Registers',
      'landmarks': 'Guide',
      'image': 'image',
      'a11y-summary': 'The text of every document, its notes (linked both ways) and the registers are text with structure (headings, lists, tables); the contents and the landmarks lead to every part. The one image, the cover, repeats the title page.',
      'decl-correction': 'Correction',
      'decl-normalization': 'Normalization',
      'decl-interpretation': 'Interpretation',
      'decl-segmentation': 'Segmentation',
      'decl-quotation': 'Quotation',
      'decl-hyphenation': 'Hyphenation',
      'decl-punctuation': 'Punctuation',
      'decl-stdVals': 'Standard values',
      'decl-p': 'Principles',
      'date-day': '{1} {2} {3}',
      'date-month': '{1} {2}',
      'date-range': '{1} – {2}',
      'date-between': 'between {1} and {2}',
      'date-from': 'from {1}',
      'date-not-before': 'not before {1}',
      'month-1': 'January', 'month-2': 'February', 'month-3': 'March', 'month-4': 'April',
      'month-5': 'May', 'month-6': 'June', 'month-7': 'July', 'month-8': 'August',
      'month-9': 'September', 'month-10': 'October', 'month-11': 'November', 'month-12': 'December'
    },
    'de': map{
      'author': 'Autor',
      'authors': 'Autoren',
      'sic': 'sic',
      'space': 'freigelassener Raum',
      'column': 'Sp.',
      'gathering': 'Lage',
      'apparatus': 'Kritischer Apparat',
      'apparatus-entry': 'Apparateintrag',
      'witnesses': 'Textzeugen',
      'lemma-omitted': 'om.',
      'ms-contents': 'Inhalt',
      'ms-physical': 'Äußere Beschreibung',
      'ms-history': 'Geschichte',
      'ms-additional': 'Weitere Angaben',
      'ms-part': 'Teil',
      'folio': 'fol.',
      'figure': 'Abbildung',
      'table': 'Tabelle',
      'image-online': 'Abbildung online',
      'image-absent': 'Abbildung nicht verfügbar',
      'document-number': 'Nr. {1}',
      'passim': 'passim',
      'date-undated': 'undatiert [{1}]',
      'year-count-one': '{1}: 1 Dokument',
      'document-noun': 'Dokument',
      'source-note': 'Quellenangabe',
      'note-of-source': 'Anmerkung der Vorlage',
      'note-of-editors': 'Anmerkung der Herausgeber',
      'no-archival-citation': 'Die Seite der Vorlage nennt keine archivalische Signatur.',
      'archival-citation': 'Archivalische Signatur: {1}.',
      'machine-translation': 'Maschinelle Übersetzung. Der Text ist eine maschinelle Übersetzung der Vorlage, von den Herausgebern nicht überarbeitet; offensichtliche Übersetzungsfehler sind berichtigt und gekennzeichnet.',
      'machine-translation-short': 'Maschinelle Übersetzung',
      'reading-switch': 'Lesart',
      'reading-edited': 'berichtigt',
      'reading-source': 'Vorlage',
      'marks-key': 'Zeichen',
      'mark-name': 'gepunktet unterstrichen: ein Name, mit den Registern verlinkt',
      'mark-correction': 'gewellt unterstrichen: eine Berichtigung der Herausgeber; die Lesart der Vorlage zeigt sich beim Darüberfahren oder mit dem Umschalter',
      'mark-note': 'hochgestellte Ziffer: eine Anmerkung, bezeichnet als Anmerkung der Vorlage oder der Herausgeber (kursiv)',
      'cite-bibtex': 'BibTeX',
      'cite-csl': 'CSL-JSON',
      'accessed': 'Abgerufen am {1}',
      'mentioned-in-one': 'Erwähnt in 1 Dokument',
      'sections-mark': '§ 1, § 2 …: die Stellen eines Dokuments, an denen der Name vorkommt, in der Reihenfolge des Textes.',
      'list-persons': 'Personen',
      'entry-unnamed': '(ohne Namen)',
      'year-bc': '{1} v. Chr.',
      'list-persons-intro': 'Die in den Dokumenten erwähnten Personen mit ihrer Identifizierung aus dem Register.',
      'list-abbreviations': 'Abkürzungen und Begriffe',
      'notes': 'Anmerkungen',
      'note': 'Anmerkung',
      'date': 'Datum',
      'place': 'Ort',
      'sender': 'Absender',
      'addressee': 'Empfänger',
      'source': 'Quelle',
      'documents': 'Dokumente',
      'contents': 'Inhalt',
      'home': 'Startseite',
      'previous': 'Vorheriges Dokument',
      'next': 'Nächstes Dokument',
      'skip': 'Zum Text springen',
      'back-to-text': 'Zurück zum Text',
      'original-reading': 'Lesart der Vorlage',
      'download-tei': 'TEI-Quelle',
      'download-pdf': 'PDF',
      'downloads': 'Herunterladen',
      'edition-pdf': 'die Edition als Buch (PDF)',
      'edition-epub': 'als E-Book (EPUB)',
      'page': 'Seite',
      'page-abbreviation': 'S.',
      'source-reading': 'Vorlage',
      'other-reading': 'andere Lesart',
      'source-omitted': 'fehlt in der Vorlage',
      'glyph-unmapped': 'Zeichen ohne Zuordnung',
      'source-mark': 'Zeichen der Vorlage',
      'undated': 'undatiert',
      'gap': '[…]',
      'gap-extent': '[… {1}]',
      'introduction': 'Einleitung',
      'site-navigation': 'Website',
      'persons': 'Personen',
      'places': 'Orte',
      'organizations': 'Organisationen',
      'persons-noun': 'Personen',
      'places-noun': 'Orte',
      'organizations-noun': 'Organisationen',
      'index-persons': 'Personenregister',
      'index-places': 'Ortsregister',
      'index-organizations': 'Register der Organisationen',
      'search': 'Suche',
      'about': 'Über die Edition',
      'type': 'Dokumenttyp',
      'countries': 'Länder',
      'classification': 'Geheimhaltung',
      'archive': 'Archivsignatur',
      'summary': 'Regest',
      'calendar': 'Regest: der Text ist in dieser Edition nicht transkribiert',
      'calendar-short': 'nicht transkribiert',
      'documents-transcribed': 'Vollständig transkribierte Dokumente',
      'cite': 'Dieses Dokument zitieren',
      'editors-suffix': '(Hg.)',
      'in': 'in: {1}',
      'quoted-title': '„{1}“',
      'quote-open': '„',
      'quote-close': '“',
      'quote-open-inner': '‚',
      'quote-close-inner': '‘',
      'mentioned-in': 'Erwähnt in {1} Dokumenten',
      'passage': 'Stelle {1} in diesem Dokument',
      'not-mentioned': 'In keinem Dokument erwähnt.',
      'all': 'Alle',
      'year': 'Jahr',
      'year-count': '{1}: {2} Dokumente',
      'filter': 'Dokumente filtern',
      'filter-count': '{1} von {2} Dokumenten',
      'timeline': 'Dokumente pro Jahr, nach Ländern',
      'timeline-years': 'Dokumente pro Jahr',
      'search-label': 'Die Dokumente durchsuchen',
      'search-button': 'Suchen',
      'no-results': 'Kein Dokument gefunden.',
      'result-one': '{1} Dokument gefunden.',
      'result-many': '{1} Dokumente gefunden.',
      'names-matched': 'Namen',
      'more-results': 'Weitere Ergebnisse zeigen',
      'narrow': 'Ergebnisse eingrenzen',
      'search-error': 'Die Suche konnte nicht ausgeführt werden',
      'search-error-way': 'die {1} funktioniert auch ohne sie.',
      'search-help': 'Groß- und Kleinschreibung und Akzente zählen nicht (Inonu findet İnönü); das letzte Wort findet auch längere Wörter, die so beginnen; „Wörter in Anführungszeichen“ werden als Wortfolge gesucht.',
      'search-needs-script': 'Die Suche läuft im Browser und braucht JavaScript; die {1} funktioniert auch ohne.',
      'document-list': 'Liste der Dokumente',
      'editorial-principles': 'Editionsrichtlinien',
      'licence': 'Lizenz',
      'holds': 'Die Edition enthält',
      'documents-noun': 'Dokumente',
      'years-span': 'von {1} bis {2}',
      'holdings-detail': '{1} vollständig transkribiert, {2} Regesten',
      'no-edition-file': 'Diese Edition hat keine Editionsdatei (edition.xml), die ihre Herausgeber, Editionsrichtlinien und Lizenz nennt: was jedes Dokument über sich sagt, steht in seinem eigenen Header, und seine TEI-Quelle ist von seiner Seite aus verlinkt.',
      'in-registers': 'in den Registern',
      'letter-index': 'Alphabetischer Index',
      'show-note': 'Anmerkung zeigen',
      'close': 'Schließen',
      'forms': 'Andere Namensformen',
      'undated-group': 'Undatiert',
      'none': 'nicht angegeben',
      'published-with': 'veröffentlicht mit editio',
      'colophon': 'Mit editio aus TEI-P5-Quellen veröffentlicht; gesetzt in DejaVu Serif und DejaVu Sans.',
      'colophon-with-fonts': 'Mit editio aus TEI-P5-Quellen veröffentlicht; gesetzt in DejaVu Serif und DejaVu Sans sowie in {1}.',
      'colophon-epub': 'Mit editio aus TEI-P5-Quellen veröffentlicht; gesetzt in DejaVu Serif.',
      'cover': 'Umschlag',
      'title-page': 'Titelseite',
      'registers': 'Register',
      'landmarks': 'Orientierung',
      'image': 'Abbildung',
      'a11y-summary': 'Der Text jedes Dokuments, seine Anmerkungen (in beide Richtungen verlinkt) und die Register sind gegliederter Text (Überschriften, Listen, Tabellen); das Inhaltsverzeichnis und die Orientierungspunkte führen zu jedem Teil. Das einzige Bild, der Umschlag, wiederholt die Titelseite.',
      'decl-correction': 'Korrekturen',
      'decl-normalization': 'Normalisierung',
      'decl-interpretation': 'Auszeichnung',
      'decl-segmentation': 'Gliederung',
      'decl-quotation': 'Zitate',
      'decl-hyphenation': 'Silbentrennung',
      'decl-punctuation': 'Zeichensetzung',
      'decl-stdVals': 'Normwerte',
      'decl-p': 'Grundsätze',
      'date-day': '{1}. {2} {3}',
      'date-month': '{1} {2}',
      'date-range': '{1} – {2}',
      'date-between': 'zwischen {1} und {2}',
      'date-from': 'ab {1}',
      'date-not-before': 'nicht vor {1}',
      'month-1': 'Januar', 'month-2': 'Februar', 'month-3': 'März', 'month-4': 'April',
      'month-5': 'Mai', 'month-6': 'Juni', 'month-7': 'Juli', 'month-8': 'August',
      'month-9': 'September', 'month-10': 'Oktober', 'month-11': 'November', 'month-12': 'Dezember'
    }
  }"/>

  <!-- The labels of a language as this edition sees them: editio's, then the edition's own. -->
  <xsl:function name="f:label-map" as="map(xs:string, xs:string)" visibility="public">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="map:merge(($f:labels($lang), $f:edition-labels($lang)), map{'duplicates': 'use-last'})"/>
  </xsl:function>

  <!-- The languages labels are looked up in, most specific first: 'de-AT' -> de-AT, de, en. -->
  <xsl:variable name="f:label-languages" as="xs:string+"
      select="distinct-values((lower-case($language), lower-case(substring-before($language || '-', '-')), 'en'))"/>

  <!--
    The language editio's own words are printed in: the edition's, where editio or the edition has
    labels in it, else English, which every label falls back to. A page's lang is this one (a
    Russian edition's English labels are not Russian); its texts say their own language.
  -->
  <xsl:variable name="f:labels-language" as="xs:string"
      select="if (substring-before(lower-case($language) || '-', '-') = 'en'
                  or (some $l in $f:label-languages[. ne 'en'] satisfies map:size(f:label-map($l)) gt 0)) then $language else 'en'"/>

  <xsl:variable name="f:label-maps" as="map(xs:string, xs:string)+" select="$f:label-languages ! f:label-map(.)"/>

  <!-- The label for $key, or empty when no language has one. -->
  <xsl:function name="f:label-or-empty" as="xs:string?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="($f:label-maps ! .($key))[1]"/>
  </xsl:function>

  <xsl:function name="f:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="(f:label-or-empty($key), $key)[1]"/>
  </xsl:function>

  <!-- A label with its placeholders {1}, {2} ... replaced by $args, in order. -->
  <xsl:function name="f:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="args" as="xs:anyAtomicType*"/>
    <xsl:sequence select="f:fill(f:label($key), $args)"/>
  </xsl:function>

  <!--
    Cut at each "{": a part that starts with "N}" is placeholder N and what follows it; any other
    part keeps its "{". (The same as analyzing the text for \{(\d+)\}, but with no regular
    expression compiled at each call: Saxon compiles xsl:analyze-string's anew every time, and
    labels are filled some twenty times per page.)
  -->
  <xsl:function name="f:fill" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="args" as="xs:anyAtomicType*"/>
    <xsl:sequence select="if (not(contains($text, '{'))) then $text else string-join((
        substring-before($text, '{'),
        for $part in tail(tokenize($text, '\{'))
        return if (matches($part, '^\d+\}'))
               then (let $n := xs:integer(substring-before($part, '}')) return string($args[$n])) || substring-after($part, '}')
               else '{' || $part), '')"/>
  </xsl:function>
</xsl:stylesheet>
