// A running patrol on the phone: every position the browser gives goes into a queue kept in localStorage, so that
// nothing is lost while the connection is down; the queue is sent every few seconds and emptied of what the server
// took. Stopping sends what is left first.
(function () {
  const box = document.getElementById('running');
  if (!box) { return; }
  const key = 'onegrid.patrol.' + box.dataset.id;
  const status = document.getElementById('patrol-status');
  const queued = document.getElementById('patrol-queued');
  const count = document.getElementById('patrol-count');
  const csrf = document.querySelector('meta[name=_csrf]');
  const csrfHeader = document.querySelector('meta[name=_csrf_header]');
  function queue() { try { return JSON.parse(localStorage.getItem(key) || '[]'); } catch (e) { return []; } }
  function save(q) { localStorage.setItem(key, JSON.stringify(q)); queued.textContent = q.length; }
  save(queue());
  let located = false;
  function send() {
    const q = queue();
    if (!q.length) { return Promise.resolve(true); }
    const headers = { 'Content-Type': 'application/json' };
    if (csrf && csrfHeader) { headers[csrfHeader.content] = csrf.content; }
    return fetch(box.dataset.points, { method: 'POST', headers: headers, credentials: 'same-origin',
                                       body: JSON.stringify({ points: q }) })
      .then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        const left = queue().slice(q.length);
        save(left);
        count.textContent = Number(count.textContent) + q.length;
        status.textContent = '正在记录轨迹…';
        return true;
      })
      .catch(function () { status.textContent = '网络中断，位置已保存在手机上，恢复后自动发送'; return false; });
  }
  if (navigator.geolocation) {
    navigator.geolocation.watchPosition(function (p) {
      const q = queue();
      q.push({ at: new Date(p.timestamp || Date.now()).toISOString(), lng: p.coords.longitude, lat: p.coords.latitude });
      save(q);
      located = true;
      status.textContent = '正在记录轨迹…';
    }, function () { if (!located) { status.textContent = '未能定位，请允许浏览器使用位置'; } },
    { enableHighAccuracy: true, maximumAge: 5000 });
  }
  setInterval(send, 10000);
  window.addEventListener('online', send);
  document.getElementById('stop-form').addEventListener('submit', function (e) {
    e.preventDefault();
    const form = e.target;
    send().then(function (ok) {
      if (ok && !queue().length) { localStorage.removeItem(key); form.submit(); }
      else { status.textContent = '还有位置未发送，请在有网络时结束巡查'; }
    });
  });
})();
