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

  <!--
    Languages written right to left when their tag names no script (Arabic and its varieties,
    Hebrew, Persian, Urdu, Yiddish, Pashto, Sindhi, Kurdish Sorani, Uyghur, Divehi, Syriac,
    Aramaic, N'Ko, Ottoman Turkish ...), and the right-to-left scripts (ISO 15924 codes, lower
    case) a tag's script subtag may name. A script subtag wins: 'ar-Latn' (Arabic in Latin
    letters) is written left to right, 'az-Arab' right to left.
  -->
  <xsl:variable name="f:rtl-languages" as="xs:string+" select="('ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ji', 'ks',
      'ps', 'sd', 'ug', 'ur', 'yi', 'syr', 'syc', 'nqo', 'ota', 'prs', 'pnb', 'skr', 'mzn', 'glk', 'lrc', 'azb', 'bqi',
      'sdh', 'khw', 'hbo', 'jrb', 'jpr', 'sam', 'acm', 'aeb', 'afb', 'ajp', 'apc', 'apd', 'arq', 'ars', 'ary', 'arz', 'ayl')"/>
  <xsl:variable name="f:rtl-scripts" as="xs:string+" select="('arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'samr', 'mand', 'adlm',
      'rohg', 'yezi', 'avst', 'armi', 'phnx', 'phli', 'phlp', 'prti', 'sogd', 'sogo', 'nbat', 'palm', 'mani', 'sarb',
      'narb', 'hatr', 'khar', 'lydi', 'mend', 'orkh', 'elym', 'chrs', 'ougr', 'cprt')"/>

  <!--
    The direction text in the language $tag (a tag as f:language-tag gives it) is written in:
    'rtl' or 'ltr' (also for no tag). HTML does not derive dir from lang: a page must say it.
  -->
  <xsl:function name="f:direction" as="xs:string" visibility="public">
    <xsl:param name="tag" as="xs:string?"/>
    <!-- the subtags before a private-use part ('x-...'); the script is the first of four letters -->
    <xsl:variable name="parts" select="tokenize(lower-case(normalize-space($tag)), '-')"/>
    <xsl:variable name="public" select="if ($parts = 'x') then subsequence($parts, 1, index-of($parts, 'x')[1] - 1) else $parts"/>
    <xsl:variable name="script" select="tail($public)[matches(., '^[a-z]{4}$')][1]"/>
    <xsl:sequence select="if (exists($script)) then (if ($script = $f:rtl-scripts) then 'rtl' else 'ltr')
                          else if (head($public) = $f:rtl-languages) then 'rtl' else 'ltr'"/>
  </xsl:function>

  <!-- The language an element's text is in: its own or its nearest ancestor's xml:lang (as a tag), else the edition's. -->
  <xsl:function name="f:language-of" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="(($e/ancestor-or-self::*/@xml:lang ! f:language-tag(.))[last()], $language)[1]"/>
  </xsl:function>

  <!--
    The dir an element with a language of its own is given on a web page: 'rtl' when its language
    is written right to left, 'ltr' when it is not but the language around it is (an English phrase
    in an Arabic text), else none (the direction around it stays). Always said for right-to-left
    text, also where the language around it is right to left too: a note is printed away from its
    place, at the page's end.
  -->
  <xsl:function name="f:dir" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="own" select="$e/@xml:lang ! f:language-tag(.) ! f:direction(.)"/>
    <xsl:sequence select="if ($own = 'rtl') then $own
                          else if (exists($own) and f:direction(if ($e/parent::*) then f:language-of($e/..) else $language) = 'rtl') then $own
                          else ()"/>
  </xsl:function>
</xsl:stylesheet>
