<?xml version="1.0" encoding="UTF-8"?>
<!-- Every word that editio itself prints, in one map (English; other languages can be added as maps). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="http://editio.org/ns/function"
    exclude-result-prefixes="#all">

  <xsl:variable name="f:labels" as="map(xs:string, xs:string)" select="map{
    'notes': 'Notes',
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
    'note': 'Note',
    'original-reading': 'original reading',
    'download-tei': 'TEI source',
    'download-pdf': 'PDF',
    'downloads': 'Downloads',
    'page': 'page',
    'source-mark': 'mark in the source',
    'undated': 'undated',
    'gap': '[…]',
    'introduction': 'Introduction',
    'site-navigation': 'Site',
    'persons': 'Persons',
    'places': 'Places',
    'organizations': 'Organizations',
    'search': 'Search',
    'about': 'About the edition',
    'type': 'Type',
    'countries': 'Countries',
    'classification': 'Classification',
    'archive': 'Archival citation',
    'summary': 'Summary',
    'calendar': 'Calendar entry: the text is not transcribed in this edition',
    'calendar-short': 'not transcribed',
    'transcribed': 'transcribed in full',
    'cite': 'Cite this document',
    'mentioned-in': 'Mentioned in',
    'not-mentioned': 'Not mentioned in any document.',
    'all': 'All',
    'year': 'Year',
    'filter': 'Filter the documents',
    'timeline': 'Documents per year, by country',
    'search-label': 'Search the documents',
    'search-button': 'Search',
    'no-results': 'No document matches.',
    'one-result': 'One document matches.',
    'results': 'documents match.',
    'names-matched': 'Names',
    'more-results': 'Show more results',
    'narrow': 'Narrow the results',
    'search-error': 'The search could not run',
    'search-help': 'Words are found in any form and without accents (treaty, treaties; Inonu, İnönü); the last word also as the beginning of longer words; &quot;words in quotes&quot; as a phrase.',
    'editorial-principles': 'Editorial principles',
    'licence': 'Licence',
    'holds': 'The edition holds',
    'span': 'from',
    'show-note': 'Show note',
    'close': 'Close',
    'identification': 'Identification',
    'forms': 'Forms of the name in the documents',
    'life': 'Dates',
    'unidentified': 'Not identified.',
    'undated-group': 'Undated',
    'none': 'not stated'
  }"/>

  <xsl:function name="f:label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="($f:labels($key), $key)[1]"/>
  </xsl:function>
</xsl:stylesheet>
