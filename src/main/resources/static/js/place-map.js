// The small map of an incident's place (fragments/place): the pin, the grid's outline, and the grids, villages and
// towns around it with their names.
(function () {
  const el = document.getElementById('place-map');
  if (!el || !window.L) { return; }
  const lng = parseFloat(el.dataset.lng), lat = parseFloat(el.dataset.lat);
  const map = L.map(el, { zoomControl: true, attributionControl: false }).setView([lat, lng], 16);
  window.oneGridPlaceMap = map;
  OneGridTiles.add(map);
  if (el.dataset.town) { OneGridTiles.outlines(map, { region: el.dataset.town, focus: el.dataset.grid }); }
  L.circleMarker([lat, lng], { radius: 8, color: '#c4372d', weight: 2, fillColor: '#c4372d', fillOpacity: .7 }).addTo(map);
  if (el.dataset.grid) {
    fetch('/api/v1/grids/' + encodeURIComponent(el.dataset.grid), { headers: { Accept: 'application/geo+json' } })
      .then(r => r.ok ? r.json() : null)
      .then(f => {
        if (!f) { return; }
        const layer = L.geoJSON(f, { interactive: false, style: { color: '#1d5fa8', weight: 2.5, fillColor: '#1d5fa8', fillOpacity: .08 } }).addTo(map);
        map.fitBounds(layer.getBounds().extend([lat, lng]), { maxZoom: 17, animate: false, padding: [8, 8] });
        el.dataset.outline = 'drawn';
      });
  }
})();
