// The phone report forms: the type picker, the position from the browser with a pin to drag (or a tap on the map),
// and one submit per form however often it is tapped.
(function () {
  document.addEventListener('click', function (e) {
    const pick = e.target.closest('button.type-pick');
    if (!pick) { return; }
    document.getElementById('itemCode').value = pick.dataset.code;
    document.getElementById('type-chosen').textContent = pick.dataset.name;
    document.querySelectorAll('button.type-pick.on').forEach(function (b) { b.classList.remove('on'); b.style.background = ''; });
    pick.classList.add('on');
    pick.style.background = '#e8f0fa';
    clearError(document.getElementById('type-chosen').parentNode);
  });

  // a message of the server about a field goes once the field is changed
  function clearError(field) {
    const next = field && field.nextElementSibling;
    if (next && next.classList.contains('field-error')) { next.remove(); }
  }
  document.addEventListener('input', function (e) { clearError(e.target); });

  document.addEventListener('submit', function (e) {
    const button = e.target.querySelector('button[type=submit]');
    if (button) { setTimeout(function () { button.disabled = true; }, 0); }
  });

  const el = document.getElementById('map');
  if (!el || typeof L === 'undefined') { return; }
  const lngIn = document.getElementById('lng');
  const latIn = document.getElementById('lat');
  const status = document.getElementById('locstatus');
  const map = L.map(el, { zoomSnap: 0.25, attributionControl: false }).setView([37.45, 118.58], 9);
  window.oneGridReportMap = map;
  OneGridTiles.add(map);
  let marker = null;

  function where() {
    if (el.dataset.where && window.htmx) {
      htmx.ajax('GET', el.dataset.where + '?lng=' + lngIn.value + '&lat=' + latIn.value, { target: '#where', swap: 'innerHTML' });
    }
  }
  function set(lat, lng) {
    lngIn.value = lng.toFixed(6);
    latIn.value = lat.toFixed(6);
    const error = document.getElementById('location-error');
    if (error) { error.remove(); }
    where();
  }
  function place(lat, lng, pan) {
    if (!marker) {
      marker = L.marker([lat, lng], { draggable: true, autoPan: true }).addTo(map);
      marker.on('dragend', function () { const p = marker.getLatLng(); set(p.lat, p.lng); });
    } else {
      marker.setLatLng([lat, lng]);
    }
    set(lat, lng);
    if (pan) { map.setView([lat, lng], Math.max(map.getZoom(), 16)); }
  }
  function locate() {
    if (!navigator.geolocation) { status.textContent = el.dataset.failed; if (!marker) { toHome(true); } return; }
    status.textContent = el.dataset.locating;
    navigator.geolocation.getCurrentPosition(function (p) {
      place(p.coords.latitude, p.coords.longitude, true);
      status.textContent = el.dataset.found;
    }, function () {
      status.textContent = el.dataset.failed;
      if (!marker) { toHome(true); }
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 0 });
  }
  map.on('click', function (e) { place(e.latlng.lat, e.latlng.lng, false); status.textContent = el.dataset.found; });
  document.getElementById('relocate').addEventListener('click', locate);

  // the worker's own grids and the grids around them, with their names; 回到我的网格 puts the pin in the middle of
  // the first of their grids, and so does a browser that gives no position
  let home = null;
  const outlines = el.dataset.outlines ? OneGridTiles.outlines(map, { url: el.dataset.outlines }) : null;
  const homeReady = outlines ? outlines.ready.then(function () {
    const own = outlines.features.GRID.filter(function (f) { return f.properties.mine; });
    const first = own.filter(function (f) { return f.id === el.dataset.grid; })[0] || own[0];
    if (first) {
      home = first;
      if (!marker) { map.fitBounds(first.layer.getBounds(), { animate: false }); }
    }
    return home;
  }) : Promise.resolve(null);
  function toHome(noPosition) {
    homeReady.then(function (h) {
      if (!h) { return; }
      const p = h.properties.label;
      place(p[1], p[0], false);
      status.textContent = noPosition === true ? el.dataset.home : el.dataset.found;
      map.fitBounds(h.layer.getBounds(), { animate: false });
    });
  }
  const mine = document.getElementById('my-grid');
  if (mine) { mine.addEventListener('click', function () { toHome(false); }); }

  if (lngIn.value && latIn.value) {
    place(parseFloat(latIn.value), parseFloat(lngIn.value), true);
    status.textContent = el.dataset.found;
  } else {
    locate();
  }
})();
