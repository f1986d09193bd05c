// Every htmx request from a page carries the CSRF token of that page.
document.addEventListener('htmx:configRequest', function (e) {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { e.detail.headers[header.content] = token.content; }
});
