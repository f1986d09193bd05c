// The incident page: the pin on the map with the grid's outline, and the dispatch form showing only the fields
// the chosen mode needs. The page works without this script; it only tidies up.
(function () {
  const el = document.getElementById('map');
  if (el && window.L) {
    const lng = parseFloat(el.dataset.lng), lat = parseFloat(el.dataset.lat);
    const map = L.map(el, { zoomControl: true, attributionControl: false });
    window.oneGridIncidentMap = map;
    OneGridTiles.add(map);
    const hasPoint = !isNaN(lng) && !isNaN(lat);
    if (hasPoint) {
      L.circleMarker([lat, lng], { radius: 8, color: '#c4372d', weight: 2, fillColor: '#c4372d', fillOpacity: .7 }).addTo(map);
      map.setView([lat, lng], 16);
    } else {
      map.setView([37.43, 118.67], 9);
    }
    if (el.dataset.grid) {
      fetch('/api/v1/grids/' + encodeURIComponent(el.dataset.grid), { headers: { Accept: 'application/geo+json' } })
        .then(r => r.ok ? r.json() : null)
        .then(f => {
          if (!f) { return; }
          const layer = L.geoJSON(f, { style: { color: '#1d5fa8', weight: 2, fillColor: '#1d5fa8', fillOpacity: .08 } }).addTo(map);
          if (!hasPoint) { map.fitBounds(layer.getBounds(), { animate: false }); } else { map.fitBounds(layer.getBounds().extend([lat, lng]), { maxZoom: 17, animate: false }); }
          el.dataset.outline = 'drawn';
        });
    }
  }
  const mode = document.getElementById('d-mode');
  if (mode) {
    const show = function () {
      document.getElementById('d-supervisor-box').hidden = mode.value !== 'DUAL';
      document.getElementById('d-assisting-box').hidden = mode.value !== 'JOINT';
    };
    mode.addEventListener('change', show);
    show();
  }
})();
