// Drag and drop on the kerngroep's agenda (the Omhoog/Omlaag buttons work without this file).
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var list = document.querySelector('[data-agenda-for]');
    if (!list) return;
    var token = document.querySelector('input[name="_csrf"]');
    var dragged = null;

    list.querySelectorAll('[data-nomination-id]').forEach(function (item) {
      item.setAttribute('draggable', 'true');
      item.addEventListener('dragstart', function (event) {
        dragged = item;
        item.classList.add('dragging');
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', item.getAttribute('data-nomination-id'));
      });
      item.addEventListener('dragend', function () {
        item.classList.remove('dragging');
        dragged = null;
      });
      item.addEventListener('dragover', function (event) {
        if (!dragged || dragged === item) return;
        event.preventDefault();
        var box = item.getBoundingClientRect();
        var after = event.clientY > box.top + box.height / 2;
        list.insertBefore(dragged, after ? item.nextSibling : item);
      });
      item.addEventListener('drop', function (event) {
        event.preventDefault();
        save();
      });
    });

    function save() {
      var order = Array.prototype.map.call(list.querySelectorAll('[data-nomination-id]'), function (li) {
        return Number(li.getAttribute('data-nomination-id'));
      });
      fetch('/bijeenkomsten/' + list.getAttribute('data-agenda-for') + '/agenda', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'x-csrf-token': token ? token.value : '' },
        body: JSON.stringify({
          agendaVersion: Number(list.getAttribute('data-agenda-version')),
          order: order,
        }),
      }).then(function () {
        // Reload either way: the buttons and the version on the page follow the stored order, and
        // after a 409 the page shows the current order with the explanation.
        window.location.reload();
      });
    }
  });
})();
