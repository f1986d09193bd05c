// Open hazards on the map, coloured by grade: red 重大, amber 一般; hollow when past their deadline. A click opens one.
(function () {
  const el = document.getElementById('hazard-map');
  if (!el || typeof L === 'undefined') { return; }
  const map = L.map(el, { attributionControl: false });
  OneGridTiles.add(map);
  const points = (el.dataset.points || '').split(';').filter(Boolean).map(function (s) {
    const c = s.split(',');
    return { lng: Number(c[0]), lat: Number(c[1]), grade: c[2], overdue: c[3] === '1', id: c[4] };
  });
  const layer = L.featureGroup().addTo(map);
  points.forEach(function (p) {
    const colour = p.grade === 'MAJOR' ? '#c4372d' : '#c98a10';
    L.circleMarker([p.lat, p.lng], { radius: p.grade === 'MAJOR' ? 8 : 5, color: colour, weight: 2, fillColor: colour, fillOpacity: p.overdue ? 0 : 0.7 })
      .addTo(layer)
      .on('click', function () { window.location = el.dataset.link + p.id; });
  });
  if (points.length) { map.fitBounds(layer.getBounds(), { padding: [20, 20], maxZoom: 14 }); }
  else { map.setView([37.45, 118.58], 9); }
})();
