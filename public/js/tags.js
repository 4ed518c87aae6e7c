// Tag suggestions for a comma-separated keyword field (progressive enhancement).
// Without this file the field is a plain text input whose <datalist> suggests only for the whole
// value, so it stops helping after the first tag. This suggests for the tag being typed, as an
// ARIA 1.2 combobox: arrow keys move through the list, Enter takes a suggestion, Escape closes.
(function () {
  'use strict';

  var MAX_SHOWN = 8;

  function normalise(text) {
    return text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .trim();
  }

  /** The tag around the caret: where it starts and ends in the value, and its text. */
  function currentTag(input) {
    var value = input.value;
    var caret = typeof input.selectionStart === 'number' ? input.selectionStart : value.length;
    var start = value.lastIndexOf(',', caret - 1) + 1;
    var end = value.indexOf(',', caret);
    if (end < 0) end = value.length;
    return { start: start, end: end, text: value.slice(start, end).trim() };
  }

  function enhance(input) {
    var datalist = document.getElementById(input.getAttribute('list'));
    if (!datalist) return;
    var all = Array.prototype.map.call(datalist.querySelectorAll('option'), function (o) {
      return o.value;
    });
    // The native list would replace the whole value with one tag: ours takes over.
    input.removeAttribute('list');

    var listId = input.id + '-suggesties';
    var list = document.createElement('ul');
    list.id = listId;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Suggesties voor trefwoorden');
    list.hidden = true;
    list.className = 'suggestion-list';

    var status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('aria-live', 'polite');
    status.id = input.id + '-suggesties-status';

    input.insertAdjacentElement('afterend', list);
    list.insertAdjacentElement('afterend', status);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);

    var shown = [];
    var active = -1;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      shown = [];
      active = -1;
    }

    function markActive() {
      Array.prototype.forEach.call(list.children, function (li, i) {
        var on = i === active;
        li.setAttribute('aria-selected', on ? 'true' : 'false');
      });
      if (active >= 0) {
        input.setAttribute('aria-activedescendant', list.children[active].id);
        list.children[active].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function suggestionsFor(tag) {
      var typed = normalise(tag.text);
      if (!typed) return [];
      var taken = input.value.split(',').map(normalise);
      var prefix = [];
      var inside = [];
      all.forEach(function (candidate) {
        var n = normalise(candidate);
        if (n === typed || taken.indexOf(n) >= 0) return;
        if (n.indexOf(typed) === 0) prefix.push(candidate);
        else if (n.indexOf(typed) > 0) inside.push(candidate);
      });
      return prefix.concat(inside).slice(0, MAX_SHOWN);
    }

    function open(matches) {
      shown = matches;
      active = -1;
      list.textContent = '';
      matches.forEach(function (text, i) {
        var li = document.createElement('li');
        li.id = listId + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = text;
        // mousedown, not click: the input keeps focus, so the caret stays where it was.
        li.addEventListener('mousedown', function (event) {
          event.preventDefault();
          choose(i);
        });
        list.appendChild(li);
      });
      list.hidden = matches.length === 0;
      input.setAttribute('aria-expanded', matches.length ? 'true' : 'false');
      status.textContent = matches.length
        ? matches.length +
          (matches.length === 1 ? ' suggestie' : ' suggesties') +
          '; kies met de pijltjestoetsen en Enter.'
        : '';
    }

    function update() {
      var matches = suggestionsFor(currentTag(input));
      if (matches.length) open(matches);
      else close();
    }

    function choose(index) {
      var text = shown[index];
      if (text === undefined) return;
      var tag = currentTag(input);
      var before = input.value.slice(0, tag.start).replace(/\s+$/, '');
      var after = input.value.slice(tag.end);
      var head = (before ? before + ' ' : '') + text;
      input.value = head + (after ? after : ', ');
      var caret = after ? head.length : input.value.length;
      input.setSelectionRange(caret, caret);
      close();
      status.textContent = 'Trefwoord ' + text + ' toegevoegd.';
      input.dispatchEvent(new window.Event('change', { bubbles: true }));
    }

    input.addEventListener('input', update);
    input.addEventListener('blur', close);
    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (list.hidden) {
          update();
          if (list.hidden) return;
        }
        event.preventDefault();
        var step = event.key === 'ArrowDown' ? 1 : -1;
        active = (active + step + shown.length + 1) % (shown.length + 1);
        if (active === shown.length) active = -1; // past the end: back in the text
        markActive();
      } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
        event.preventDefault(); // take the suggestion; do not submit the form
        choose(active);
      } else if (event.key === 'Escape' && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('input[data-tag-input][list]'), enhance);
  });
})();
