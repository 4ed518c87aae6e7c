// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  function csrfToken() {
    var field = document.querySelector('input[name="_csrf"]');
    return field ? field.value : '';
  }

  // Live search: results update while typing (the form still works without this).
  function liveSearch(input) {
    var form = input.form;
    var region = document.getElementById('zoekresultaten');
    if (!form || !region) return;
    var timer = null;
    var controller = null;
    var sortFor = form.querySelector('input[name="sorteer_bij"]');
    function update(push, count) {
      // The sort select now belongs to this query: "Toepassen" afterwards applies it.
      if (sortFor) sortFor.value = input.value;
      var params = new URLSearchParams(new FormData(form));
      params.delete('pagina');
      var url = form.action + '?' + params.toString();
      if (controller) controller.abort();
      controller = new AbortController();
      // Searches are counted (search insight) on submit, or here once typing has paused: tellen=1.
      var extra = count ? '&fragment=1&tellen=1' : '&fragment=1';
      fetch(url + extra, { credentials: 'same-origin', signal: controller.signal })
        .then(function (res) {
          return res.ok ? res.text() : Promise.reject(new Error(String(res.status)));
        })
        .then(function (html) {
          var filters = region.querySelector('[data-filters]');
          var wasOpen = filters && filters.open;
          region.innerHTML = html;
          var fresh = region.querySelector('[data-filters]');
          if (fresh && wasOpen) fresh.open = true;
          if (push) history.pushState({ live: true }, '', url);
          else history.replaceState({ live: true }, '', url);
        })
        .catch(function () {});
    }
    var lastPushed = input.value;
    var lastCounted = input.value.trim();
    var countTimer = null;
    var sort = form.querySelector('select[name="sorteer"]');
    input.addEventListener('input', function () {
      // A new query is ranked by relevance (the server does the same without this script).
      if (sort && input.value.trim()) sort.value = 'relevantie';
      clearTimeout(timer);
      clearTimeout(countTimer);
      timer = setTimeout(function () {
        // One history entry per pause in typing, not per key.
        var push = Math.abs(input.value.length - lastPushed.length) > 2;
        if (push) lastPushed = input.value;
        update(push, false);
      }, 300);
      // A longer pause: the member has read the results of this query, so it counts once.
      countTimer = setTimeout(function () {
        var q = input.value.trim();
        if (!q || q === lastCounted) return;
        lastCounted = q;
        update(false, true);
      }, 2000);
    });
    window.addEventListener('popstate', function () {
      window.location.reload();
    });
  }

  // The privacy check's "Aanpassen": focus the field and select what was found in it.
  /** Lists uploaded attachments as download links (the "geen bijlagen" line goes) and says so. */
  function showAdded(scope, list, attachments, status) {
    var empty = scope.querySelector('[data-attachment-empty]');
    if (empty) empty.remove();
    attachments.forEach(function (a) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = a.url;
      link.setAttribute('download', '');
      link.textContent = a.filename;
      item.appendChild(link);
      list.appendChild(item);
    });
    status.textContent =
      attachments.length === 1
        ? '“' + attachments[0].filename + '” is toegevoegd.'
        : attachments.length + ' bijlagen zijn toegevoegd.';
  }

  function selectInField(id, start, end) {
    var field = document.getElementById(id);
    if (!field || typeof field.setSelectionRange !== 'function') return false;
    field.focus();
    field.setSelectionRange(Number(start) || 0, Number(end) || 0);
    return true;
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-select-field]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        var done = selectInField(
          link.getAttribute('data-select-field'),
          link.getAttribute('data-select-start'),
          link.getAttribute('data-select-end'),
        );
        if (done) event.preventDefault();
      });
    });

    // The facets: open beside the results at desktop width, folded under "Filters" on a phone.
    var filters = document.querySelector('[data-filters]');
    if (filters && window.matchMedia('(min-width: 52rem)').matches) filters.open = true;

    var live = document.querySelector('[data-live-search]');
    if (live) liveSearch(live);

    // After a failed submit, move focus to the error summary so screen readers announce it.
    var summary = document.querySelector('[data-focus-on-load]');
    if (summary) summary.focus();

    // Case page: copy its address, print it (the print style sheet lays it out; "PDF" via the print dialog).
    var copy = document.querySelector('[data-copy-link]');
    var copyStatus = document.querySelector('[data-copy-status]');
    if (copy && navigator.clipboard) {
      copy.addEventListener('click', function () {
        navigator.clipboard.writeText(window.location.href.split('#')[0]).then(
          function () {
            if (copyStatus) copyStatus.textContent = 'Link gekopieerd.';
          },
          function () {
            if (copyStatus)
              copyStatus.textContent = 'Kopiëren lukte niet; kopieer het adres uit de adresbalk.';
          },
        );
      });
    }
    var print = document.querySelector('[data-print]');
    if (print) {
      print.addEventListener('click', function () {
        window.print();
      });
    }
    // Any other "copy" button (the admin's link box): copies the text of the field it names.
    document.querySelectorAll('[data-copy-from]').forEach(function (button) {
      button.addEventListener('click', function () {
        var field = document.getElementById(button.getAttribute('data-copy-from'));
        var status = document.getElementById(button.getAttribute('data-copy-from') + '-status');
        if (!field || !navigator.clipboard) return;
        navigator.clipboard.writeText(field.value || field.textContent).then(function () {
          if (status) status.textContent = 'Gekopieerd.';
        });
      });
    });

    // Attachments upload as soon as they are chosen, with progress (the form's button does it without JS).
    document.querySelectorAll('form[data-auto-upload]').forEach(function (form) {
      var input = form.querySelector('input[type="file"]');
      var progress = form.querySelector('.upload-progress');
      var status = form.querySelector('.upload-status');
      if (!input) return;
      input.addEventListener('change', function () {
        if (!input.files || input.files.length === 0) return;
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.action);
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.setRequestHeader('x-csrf-token', csrfToken());
        progress.hidden = false;
        progress.value = 0;
        status.textContent = 'Bezig met uploaden…';
        xhr.upload.addEventListener('progress', function (event) {
          if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
        });
        xhr.addEventListener('load', function () {
          var answer = {};
          try {
            answer = JSON.parse(xhr.responseText);
          } catch {
            answer = {}; // not JSON: a proxy's error page; the message below says enough
          }
          progress.hidden = true;
          if (xhr.status !== 201) {
            status.textContent = answer.error || 'Uploaden lukte niet. Probeer het opnieuw.';
            return;
          }
          var list = document.querySelector('[data-attachment-list]');
          if (!list) return window.location.reload();
          showAdded(document, list, answer.attachments, status);
          input.value = '';
        });
        xhr.addEventListener('error', function () {
          progress.hidden = true;
          status.textContent = 'Uploaden lukte niet: geen verbinding. Probeer het opnieuw.';
        });
        xhr.send(new FormData(form));
      });
    });

    // The case form's files: a chosen file uploads at once (with progress). A new case's waits on
    // the server and the form then sends only its id (attached when the case is saved); on the edit
    // page (data-attach-now) it is added to the case at once and listed with the others.
    document.querySelectorAll('[data-stage-upload]').forEach(function (field) {
      var attachNow = field.hasAttribute('data-attach-now');
      var attached = field.querySelector('[data-attachment-list]');
      var input = field.querySelector('input[type="file"]');
      var list = field.querySelector('[data-pending-list]');
      var progress = field.querySelector('.upload-progress');
      var status = field.querySelector('.upload-status');
      var form = input && input.form;
      if (!input || !list || !form) return;
      var uploading = 0;
      form.addEventListener('submit', function (event) {
        if (uploading === 0) return;
        event.preventDefault();
        status.textContent = 'Even geduld: de bijlage wordt nog geüpload. Sla daarna opnieuw op.';
      });
      input.addEventListener('change', function () {
        if (!input.files || input.files.length === 0) return;
        var data = new FormData();
        Array.prototype.forEach.call(input.files, function (file) {
          data.append('bijlagen', file);
        });
        input.value = ''; // sent here, not again with the form
        uploading++;
        var xhr = new XMLHttpRequest();
        xhr.open('POST', field.getAttribute('data-stage-upload'));
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.setRequestHeader('x-csrf-token', csrfToken());
        progress.hidden = false;
        progress.value = 0;
        status.textContent = 'Bezig met uploaden…';
        xhr.upload.addEventListener('progress', function (event) {
          if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
        });
        xhr.addEventListener('loadend', function () {
          uploading--;
          progress.hidden = true;
        });
        xhr.addEventListener('load', function () {
          var answer = {};
          try {
            answer = JSON.parse(xhr.responseText);
          } catch {
            answer = {};
          }
          if (xhr.status !== 201) {
            status.textContent = answer.error || 'Uploaden lukte niet. Probeer het opnieuw.';
            return;
          }
          if (attachNow) {
            showAdded(field, attached, answer.attachments, status);
            return;
          }
          answer.uploads.forEach(function (upload) {
            var item = document.createElement('li');
            var box = document.createElement('input');
            box.type = 'checkbox';
            box.name = 'wachtendeBijlagen';
            box.value = upload.id;
            box.id = 'bijlage-' + upload.id;
            box.checked = true;
            var label = document.createElement('label');
            label.htmlFor = box.id;
            label.textContent = upload.filename + ' ';
            var note = document.createElement('span');
            note.className = 'muted';
            note.textContent = '· ' + upload.size + ' · bewaard, wordt toegevoegd bij opslaan';
            label.appendChild(note);
            item.appendChild(box);
            item.appendChild(document.createTextNode(' '));
            item.appendChild(label);
            list.appendChild(item);
          });
          list.hidden = false;
          status.textContent =
            answer.uploads.length === 1
              ? '“' + answer.uploads[0].filename + '” is geüpload en wordt toegevoegd als u de casus opslaat.'
              : answer.uploads.length +
                ' bestanden zijn geüpload en worden toegevoegd als u de casus opslaat.';
        });
        xhr.addEventListener('error', function () {
          status.textContent = 'Uploaden lukte niet: geen verbinding. Probeer het opnieuw.';
        });
        xhr.send(data);
      });
    });

    // The reflection form's "Voorbeeld" submit button: without JavaScript the server answers with
    // the page and the preview; here the same renderer's answer is placed in the form instead.
    document.querySelectorAll('[data-preview-submit]').forEach(function (button) {
      button.addEventListener('click', function (event) {
        var field = document.getElementById(button.getAttribute('data-preview-submit'));
        var target = document.getElementById(button.getAttribute('aria-controls'));
        if (!field || !target) return;
        event.preventDefault();
        fetch('/casussen/voorbeeld', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrfToken() },
          body: new URLSearchParams({ markdown: field.value }),
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

  // Opened at a spot (?veld=…&van=…&tot=…): after the focus moves above, the spot wins.
  document.addEventListener('DOMContentLoaded', function () {
    var spot = new URLSearchParams(window.location.search);
    if (spot.get('veld') && spot.get('van')) {
      selectInField('veld-' + spot.get('veld'), spot.get('van'), spot.get('tot'));
    }
  });
})();
