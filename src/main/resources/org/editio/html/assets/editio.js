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
        pop.textContent = text ? text.textContent.replace(/\s+/g, ' ').trim() : '';
        mark.insertAdjacentElement('afterend', pop);
        mark.setAttribute('aria-expanded', 'true');
        mark.setAttribute('aria-describedby', pop.id);
      });
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { closeAll(); }
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
    function apply() {
      var country = form.elements.country.value;
      var type = form.elements.type.value;
      var year = form.elements.year.value;
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
    apply();
  }

  document.addEventListener('DOMContentLoaded', function () {
    setUpNotes();
    setUpFilters();
  });
}());
