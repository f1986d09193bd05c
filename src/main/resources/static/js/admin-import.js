// The import forms of the admin page post to the import API with the page's CSRF token and show what it answers:
// the summary, or every problem found (file, line or feature, code, field, message), nothing having been imported.
document.addEventListener('DOMContentLoaded', function () {
  const texts = document.getElementById('import-texts').dataset;
  const csrf = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    row.appendChild(td);
  }

  function show(result, ok, body) {
    result.replaceChildren();
    const notice = document.createElement('div');
    notice.className = 'notice ' + (ok ? 'ok' : 'warn');
    if (ok) {
      notice.textContent = texts.ok + ': ' + Object.entries(body).map(([k, v]) => k + ' ' + v).join('，');
      result.appendChild(notice);
      return;
    }
    notice.textContent = (body.errors ? texts.bad : (body.detail || body.title || 'HTTP ' + body.status));
    result.appendChild(notice);
    if (!body.errors) { return; }
    const table = document.createElement('table');
    table.className = 'list import-errors';
    const head = document.createElement('tr');
    [texts.file, texts.where, texts.code, texts.field, texts.message].forEach(function (t) {
      const th = document.createElement('th'); th.textContent = t; head.appendChild(th);
    });
    table.appendChild(head);
    body.errors.forEach(function (e) {
      const row = document.createElement('tr');
      cell(row, e.file);
      cell(row, e.line != null ? texts.line.replace('{0}', e.line)
                      : e.feature != null ? texts.feature.replace('{0}', e.feature + 1) : '');
      cell(row, e.code);
      cell(row, e.field);
      cell(row, e.message);
      table.appendChild(row);
    });
    result.appendChild(table);
  }

  document.querySelectorAll('form.import').forEach(function (form) {
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      const result = form.querySelector('.result');
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const headers = { 'Accept': 'application/json' };
        if (csrf && csrfHeader) { headers[csrfHeader.content] = csrf.content; }
        const response = await fetch(form.action, { method: 'POST', body: new FormData(form), headers: headers,
                                                    credentials: 'same-origin' });
        let body = {};
        try { body = await response.json(); } catch (e) { body = { status: response.status }; }
        show(result, response.ok, body);
      } catch (e) {
        show(result, false, { detail: String(e) });
      } finally {
        button.disabled = false;
      }
    });
  });
});
