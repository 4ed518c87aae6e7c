// Drag and drop on the kerngroep's agenda (the Omhoog/Omlaag buttons work without this file).
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var list = document.querySelector('[data-agenda-for]');
    if (!list) return;
    var token = document.querySelector('input[name="_csrf"]');
    var dragged = null;
    var dropped = false;
    var before = '';

    function order() {
      return Array.prototype.map.call(list.querySelectorAll('[data-nomination-id]'), function (li) {
        return Number(li.getAttribute('data-nomination-id'));
      });
    }

    list.querySelectorAll('[data-nomination-id]').forEach(function (item) {
      item.setAttribute('draggable', 'true');
      item.addEventListener('dragstart', function (event) {
        dragged = item;
        dropped = false;
        before = order().join();
        item.classList.add('dragging');
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', item.getAttribute('data-nomination-id'));
      });
      item.addEventListener('dragend', function () {
        item.classList.remove('dragging');
        dragged = null;
        if (order().join() === before) return;
        // Dropped on the list: store the new order. Cancelled (Escape, or let go elsewhere):
        // reload, so the page shows the stored order again instead of one that was never saved.
        if (dropped) save();
        else window.location.reload();
      });
    });

    // On the list, not per item: the dragged card moves under the pointer, and a dragover that
    // is not cancelled there (on the card itself) would forbid the drop and lose the new order.
    list.addEventListener('dragover', function (event) {
      if (!dragged) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      var item = event.target.closest && event.target.closest('[data-nomination-id]');
      if (!item || item === dragged || item.parentNode !== list) return;
      var box = item.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      list.insertBefore(dragged, after ? item.nextSibling : item);
    });
    list.addEventListener('drop', function (event) {
      if (!dragged) return;
      event.preventDefault();
      dropped = true;
    });

    function save() {
      fetch('/bijeenkomsten/' + list.getAttribute('data-agenda-for') + '/agenda', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'x-csrf-token': token ? token.value : '' },
        body: JSON.stringify({
          agendaVersion: Number(list.getAttribute('data-agenda-version')),
          order: order(),
        }),
      }).then(
        function () {
          // Reload either way: the buttons and the version on the page follow the stored order, and
          // after a 409 the page shows the current order with the explanation.
          window.location.reload();
        },
        function () {
          window.location.reload();
        },
      );
    }
  });
})();
