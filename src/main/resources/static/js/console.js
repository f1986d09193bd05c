// Every htmx request from a page carries the CSRF token of that page.
document.addEventListener('htmx:configRequest', function (e) {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { e.detail.headers[header.content] = token.content; }
});

// On a phone the sections fold into a menu under the bar; its button opens and closes it.
document.addEventListener('click', function (e) {
  const toggle = e.target.closest('.topbar .menu-toggle');
  if (!toggle) { return; }
  const open = toggle.closest('.topbar').classList.toggle('open');
  toggle.setAttribute('aria-expanded', String(open));
});
