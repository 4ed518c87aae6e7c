// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  function csrfToken() {
    var field = document.querySelector('input[name="_csrf"]');
    return field ? field.value : '';
  }

  document.addEventListener('DOMContentLoaded', function () {
    // After a failed submit, move focus to the error summary so screen readers announce it.
    var summary = document.querySelector('[data-focus-on-load]');
    if (summary) summary.focus();

    // Markdown preview: the server renders and sanitises; we only place its answer.
    document.querySelectorAll('[data-preview-for]').forEach(function (button) {
      button.addEventListener('click', function () {
        var field = document.getElementById(button.getAttribute('data-preview-for'));
        var target = document.getElementById(field.id.replace('veld-', 'voorbeeld-'));
        var body = new URLSearchParams({ markdown: field.value });
        fetch('/casussen/voorbeeld', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrfToken() },
          body: body,
          credentials: 'same-origin',
        })
          .then(function (res) {
            return res.ok ? res.text() : Promise.reject(new Error(String(res.status)));
          })
          .then(function (html) {
            target.innerHTML = html;
            target.hidden = false;
          })
          .catch(function () {
            target.textContent = 'Het voorbeeld kon niet worden geladen.';
            target.hidden = false;
          });
      });
    });
  });
})();
