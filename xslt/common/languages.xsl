<?xml version="1.0" encoding="UTF-8"?>
<!--
  Language tags as the web reads them. TEI's xml:lang is meant to be a BCP 47 tag, but sources
  write ISO 639-2 codes ('lat', 'deu', 'ger') where a two-letter code exists, or words ('german'):
  HTML's and XHTML's lang must be BCP 47, whose rule is the shortest code. The table maps the
  three-letter codes (ISO 639-2, terminology and bibliographic) that have a two-letter one (ISO
  639-1); it was made from the JDK's Locale data (Locale.getISOLanguages, getISO3Language), with
  the bibliographic codes and the current codes for Hebrew and Indonesian added by hand.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="http://editio.org/ns/function"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:variable name="f:two-letter-languages" as="map(xs:string, xs:string)" select="map{
      'aar': 'aa', 'abk': 'ab', 'afr': 'af', 'aka': 'ak', 'alb': 'sq', 'amh': 'am', 'ara': 'ar', 'arg': 'an', 'arm': 'hy', 'asm': 'as',
      'ava': 'av', 'ave': 'ae', 'aym': 'ay', 'aze': 'az', 'bak': 'ba', 'bam': 'bm', 'baq': 'eu', 'bel': 'be', 'ben': 'bn', 'bih': 'bh',
      'bis': 'bi', 'bod': 'bo', 'bos': 'bs', 'bre': 'br', 'bul': 'bg', 'bur': 'my', 'cat': 'ca', 'ces': 'cs', 'cha': 'ch', 'che': 'ce',
      'chi': 'zh', 'chu': 'cu', 'chv': 'cv', 'cor': 'kw', 'cos': 'co', 'cre': 'cr', 'cym': 'cy', 'cze': 'cs', 'dan': 'da', 'deu': 'de',
      'div': 'dv', 'dut': 'nl', 'dzo': 'dz', 'ell': 'el', 'eng': 'en', 'epo': 'eo', 'est': 'et', 'eus': 'eu', 'ewe': 'ee', 'fao': 'fo',
      'fas': 'fa', 'fij': 'fj', 'fin': 'fi', 'fra': 'fr', 'fre': 'fr', 'fry': 'fy', 'ful': 'ff', 'geo': 'ka', 'ger': 'de', 'gla': 'gd',
      'gle': 'ga', 'glg': 'gl', 'glv': 'gv', 'gre': 'el', 'grn': 'gn', 'guj': 'gu', 'hat': 'ht', 'hau': 'ha', 'heb': 'he', 'her': 'hz',
      'hin': 'hi', 'hmo': 'ho', 'hrv': 'hr', 'hun': 'hu', 'hye': 'hy', 'ibo': 'ig', 'ice': 'is', 'ido': 'io', 'iii': 'ii', 'iku': 'iu',
      'ile': 'ie', 'ina': 'ia', 'ind': 'id', 'ipk': 'ik', 'isl': 'is', 'ita': 'it', 'jav': 'jv', 'jpn': 'ja', 'kal': 'kl', 'kan': 'kn',
      'kas': 'ks', 'kat': 'ka', 'kau': 'kr', 'kaz': 'kk', 'khm': 'km', 'kik': 'ki', 'kin': 'rw', 'kir': 'ky', 'kom': 'kv', 'kon': 'kg',
      'kor': 'ko', 'kua': 'kj', 'kur': 'ku', 'lao': 'lo', 'lat': 'la', 'lav': 'lv', 'lim': 'li', 'lin': 'ln', 'lit': 'lt', 'ltz': 'lb',
      'lub': 'lu', 'lug': 'lg', 'mac': 'mk', 'mah': 'mh', 'mal': 'ml', 'mao': 'mi', 'mar': 'mr', 'may': 'ms', 'mkd': 'mk', 'mlg': 'mg',
      'mlt': 'mt', 'mol': 'ro', 'mon': 'mn', 'mri': 'mi', 'msa': 'ms', 'mya': 'my', 'nau': 'na', 'nav': 'nv', 'nbl': 'nr', 'nde': 'nd',
      'ndo': 'ng', 'nep': 'ne', 'nld': 'nl', 'nno': 'nn', 'nob': 'nb', 'nor': 'no', 'nya': 'ny', 'oci': 'oc', 'oji': 'oj', 'ori': 'or',
      'orm': 'om', 'oss': 'os', 'pan': 'pa', 'per': 'fa', 'pli': 'pi', 'pol': 'pl', 'por': 'pt', 'pus': 'ps', 'que': 'qu', 'roh': 'rm',
      'ron': 'ro', 'rum': 'ro', 'run': 'rn', 'rus': 'ru', 'sag': 'sg', 'san': 'sa', 'sin': 'si', 'slk': 'sk', 'slo': 'sk', 'slv': 'sl',
      'sme': 'se', 'smo': 'sm', 'sna': 'sn', 'snd': 'sd', 'som': 'so', 'sot': 'st', 'spa': 'es', 'sqi': 'sq', 'srd': 'sc', 'srp': 'sr',
      'ssw': 'ss', 'sun': 'su', 'swa': 'sw', 'swe': 'sv', 'tah': 'ty', 'tam': 'ta', 'tat': 'tt', 'tel': 'te', 'tgk': 'tg', 'tgl': 'tl',
      'tha': 'th', 'tib': 'bo', 'tir': 'ti', 'ton': 'to', 'tsn': 'tn', 'tso': 'ts', 'tuk': 'tk', 'tur': 'tr', 'twi': 'tw', 'uig': 'ug',
      'ukr': 'uk', 'urd': 'ur', 'uzb': 'uz', 'ven': 've', 'vie': 'vi', 'vol': 'vo', 'wel': 'cy', 'wln': 'wa', 'wol': 'wo', 'xho': 'xh',
      'yid': 'yi', 'yor': 'yo', 'zha': 'za', 'zho': 'zh', 'zul': 'zu'
  }"/>

  <!-- The two-letter codes themselves (ISO 639-1): a two-letter language not among them is no language. -->
  <xsl:variable name="f:two-letter-codes" as="map(xs:string, xs:boolean)"
      select="map:merge(distinct-values(map:for-each($f:two-letter-languages, function($k, $v) { $v })) ! map:entry(., true()))"/>

  <!--
    A language tag for HTML's lang from an xml:lang value: the same tag with its language in the
    shortest code ('lat' is 'la', 'deu-AT' is 'de-AT'); empty when the value is no tag at all
    ('german', 'MP', a space), so that the element takes its language from around it instead.
  -->
  <xsl:function name="f:language-tag" as="xs:string?" visibility="public">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:variable name="tag" select="normalize-space($value)"/>
    <xsl:variable name="parts" select="tokenize($tag, '-')"/>
    <xsl:variable name="language" select="lower-case($parts[1])"/>
    <xsl:sequence select="if (not(matches($tag, '^([A-Za-z]{2,3}|[xXiI])(-[A-Za-z0-9]{1,8})*$'))
                              or (string-length($language) eq 2 and not(map:contains($f:two-letter-codes, $language)))) then ()
                          else string-join((($f:two-letter-languages($language), $parts[1])[1], subsequence($parts, 2)), '-')"/>
  </xsl:function>
</xsl:stylesheet>
