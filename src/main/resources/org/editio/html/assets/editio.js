/* editio: the few behaviours of the HTML edition. Everything works without JavaScript too:
   note marks link to the notes, the document list shows all documents. */
(function () {
  'use strict';

  /* Notes: a click (or Enter) on a note mark opens the note's text in place; Escape or a
     second click closes it. The mark keeps the focus, so keyboard users stay in the text. */
  function setUpNotes() {
    var marks = document.querySelectorAll('a.note-ref');
    Array.prototype.forEach.call(marks, function (mark) {
      var target = document.getElementById(mark.getAttribute('href').slice(1));
      if (!target) { return; }
      var text = target.querySelector('.note-text');
      mark.setAttribute('aria-expanded', 'false');
      mark.setAttribute('role', 'button');
      mark.addEventListener('click', function (event) {
        event.preventDefault();
        var open = mark.nextElementSibling && mark.nextElementSibling.classList.contains('note-popover');
        closeAll();
        if (open) { return; }
        var pop = document.createElement('span');
        pop.className = 'note-popover gen';
        pop.setAttribute('role', 'note');
        pop.id = target.id + '-popover';
        // the note as the list has it, its links too; ids are the list's, not the copy's
        if (text) {
          var copy = text.cloneNode(true);
          Array.prototype.forEach.call(copy.querySelectorAll('[id]'), function (e) { e.removeAttribute('id'); });
          copy.removeAttribute('id');
          while (copy.firstChild) { pop.appendChild(copy.firstChild); }
        }
        mark.insertAdjacentElement('afterend', pop);
        mark.setAttribute('aria-expanded', 'true');
        mark.setAttribute('aria-describedby', pop.id);
      });
      // a button opens with Space as well as Enter (a link's Enter gives the click already)
      mark.addEventListener('keydown', function (event) {
        if (event.key === ' ' || event.key === 'Spacebar') {
          event.preventDefault();
          mark.click();
        }
      });
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { closeAll(); }
    });
    // a click elsewhere closes an open note, as Escape does (a click on a mark or inside a note does not)
    document.addEventListener('click', function (event) {
      var t = event.target;
      if (t.closest && !t.closest('a.note-ref') && !t.closest('.note-popover')) { closeAll(); }
    });
  }

  function closeAll() {
    Array.prototype.forEach.call(document.querySelectorAll('.note-popover'), function (pop) {
      var mark = pop.previousElementSibling;
      if (mark) {
        mark.setAttribute('aria-expanded', 'false');
        mark.removeAttribute('aria-describedby');
      }
      pop.parentNode.removeChild(pop);
    });
  }

  /* The documents page: filters by country, type and year, all in the page. */
  function setUpFilters() {
    var form = document.querySelector('[data-filter-form]');
    if (!form) { return; }
    var items = document.querySelectorAll('.document-list > li');
    var count = form.querySelector('.filter-count');
    // a filter with nothing to choose is left out of the page (an edition without countries)
    function chosen(name) { var select = form.elements[name]; return select ? select.value : ''; }
    function apply() {
      var country = chosen('country');
      var type = chosen('type');
      var year = chosen('year');
      var shown = 0;
      Array.prototype.forEach.call(items, function (li) {
        var ok = (!country || (' ' + li.getAttribute('data-country') + ' ').indexOf(' ' + country + ' ') >= 0)
          && (!type || (' ' + li.getAttribute('data-type') + ' ').indexOf(' ' + type + ' ') >= 0)
          && (!year || li.getAttribute('data-year') === year);
        li.hidden = !ok;
        if (ok) { shown++; }
      });
      Array.prototype.forEach.call(document.querySelectorAll('section.year'), function (section) {
        section.hidden = section.querySelectorAll('li:not([hidden])').length === 0;
      });
      // the words come from the page (the edition's language): "{1} of {2} documents"
      count.textContent = (count.getAttribute('data-label') || '{1} / {2}')
        .replace('{1}', shown).replace('{2}', items.length);
    }
    form.addEventListener('change', apply);
    form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
    form.hidden = false;
    apply();
    // Back to the page: the browser puts the lists' last choices back after the page's script ran
    // (or restores the whole page from its cache): filter by what the lists say now
    window.addEventListener('pageshow', apply);
  }

  /* The reading switch: the whole text in the edited reading (the corrections) or in the
     source's reading (what the source prints), as a class on the text; the choice is kept for
     the session, so the next document opens in the same reading. */
  function setUpReadingSwitch() {
    var group = document.querySelector('.reading-switch');
    var text = document.querySelector('.tei-text');
    if (!group || !text) { return; }
    var buttons = group.querySelectorAll('button[value]');
    function show(reading) {
      text.classList.toggle('reading-source', reading === 'source');
      Array.prototype.forEach.call(buttons, function (b) {
        b.setAttribute('aria-pressed', b.value === reading ? 'true' : 'false');
      });
      try { window.sessionStorage.setItem('editio-reading', reading); } catch (e) { /* storage refused */ }
    }
    Array.prototype.forEach.call(buttons, function (b) {
      b.addEventListener('click', function () { show(b.value); });
    });
    var kept = null;
    try { kept = window.sessionStorage.getItem('editio-reading'); } catch (e) { /* storage refused */ }
    show(kept === 'source' ? 'source' : 'edited');
    group.hidden = false;
  }

  /* A citation's access date: the reader's today, in the label's words ("Accessed {1}"). */
  function setUpAccessDate() {
    var citation = document.querySelector('.citation[data-accessed]');
    if (!citation) { return; }
    var accessed = citation.querySelector('.accessed');
    var label = citation.getAttribute('data-accessed-label');
    var old = citation.getAttribute('data-accessed');
    var lang = document.documentElement.lang || 'en';
    if (!accessed || !label || !old) { return; }
    var today = new Date();
    var text;
    try {
      // day, month, year as the edition prints dates (British order for English)
      text = today.toLocaleDateString(/^en\b/.test(lang) ? 'en-GB' : lang, { day: 'numeric', month: 'long', year: 'numeric' });
    } catch (e) { return; }
    var iso = today.getFullYear() + '-' + String(today.getMonth() + 1).padStart(2, '0') + '-' + String(today.getDate()).padStart(2, '0');
    var before = accessed.textContent;
    var at = before.lastIndexOf(label.split('{1}')[0]);
    if (at < 0) { return; }
    accessed.textContent = before.slice(0, at) + label.replace('{1}', text) + '.';
    Array.prototype.forEach.call(document.querySelectorAll('code.bibtex, code.csl-json'), function (code) {
      code.textContent = code.textContent.replace('urldate = {' + old + '}', 'urldate = {' + iso + '}')
        .replace(/("accessed":\s*\{\s*"date-parts":\s*\[\s*\[)[^\]]*\]/, '$1' + today.getFullYear() + ',' + (today.getMonth() + 1) + ',' + today.getDate() + ']');
    });
  }

  /* A table's scrolling box is a stop of the keyboard (tabindex in the page, for scrolling it
     without a mouse) only while the table is wider than the box: a table that fits is no stop. */
  function setUpTableBoxes() {
    var boxes = document.querySelectorAll('.table-scroll');
    if (!boxes.length) { return; }
    function update() {
      Array.prototype.forEach.call(boxes, function (box) {
        if (box.scrollWidth > box.clientWidth) { box.setAttribute('tabindex', '0'); } else { box.removeAttribute('tabindex'); }
      });
    }
    update();
    window.addEventListener('resize', update);
  }

  document.addEventListener('DOMContentLoaded', function () {
    setUpTableBoxes();
    setUpNotes();
    setUpFilters();
    setUpReadingSwitch();
    setUpAccessDate();
  });
}());
