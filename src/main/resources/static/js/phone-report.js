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
    if (!navigator.geolocation) { status.textContent = el.dataset.failed; return; }
    status.textContent = el.dataset.locating;
    navigator.geolocation.getCurrentPosition(function (p) {
      place(p.coords.latitude, p.coords.longitude, true);
      status.textContent = el.dataset.found;
    }, function () {
      status.textContent = el.dataset.failed;
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 0 });
  }
  map.on('click', function (e) { place(e.latlng.lat, e.latlng.lng, false); status.textContent = el.dataset.found; });
  document.getElementById('relocate').addEventListener('click', locate);

  if (el.dataset.grid) {
    fetch('/api/v1/grids/' + encodeURIComponent(el.dataset.grid), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (feature) {
        if (!feature) { return; }
        const layer = L.geoJSON(feature, { style: { color: '#1d5fa8', weight: 2, fillOpacity: 0.06 } }).addTo(map);
        if (!marker) { map.fitBounds(layer.getBounds()); }
      });
  }
  if (lngIn.value && latIn.value) {
    place(parseFloat(latIn.value), parseFloat(lngIn.value), true);
    status.textContent = el.dataset.found;
  } else {
    locate();
  }
})();
