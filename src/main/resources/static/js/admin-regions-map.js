// The admin regions page: the imported county boundaries on a small map, to see at a glance what the city holds.
(function () {
  const el = document.getElementById('regions-map');
  if (!el || !window.L) { return; }
  const map = L.map(el, { preferCanvas: true, zoomSnap: 0.25, attributionControl: false }).setView([35, 110], 4);
  window.oneGridRegionsMap = map;
  OneGridTiles.add(map);
  fetch('/api/v1/regions/' + encodeURIComponent(el.dataset.city) + '/boundaries', { headers: { Accept: 'application/json' } })
    .then(r => r.ok ? r.json() : Promise.reject(new Error(r.statusText)))
    .then(fc => {
      const counties = L.geoJSON(fc, {
        style: { color: '#1d4f91', weight: 1.5, fillColor: '#3b6fb6', fillOpacity: 0.1 },
        onEachFeature: (f, layer) => layer.bindTooltip(f.properties.name, { sticky: true })
      }).addTo(map);
      if (fc.features.length) { map.fitBounds(counties.getBounds()); }
      el.dataset.counties = fc.features.length;
    })
    .catch(() => { el.dataset.counties = 0; });
})();
