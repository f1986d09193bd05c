// A patrol's track on the map, over its grid's outline.
(function () {
  const el = document.getElementById('track-map');
  if (!el || typeof L === 'undefined') { return; }
  function parse(s) {
    return (s || '').split(';').filter(Boolean).map(function (p) { const c = p.split(','); return [Number(c[1]), Number(c[0])]; });
  }
  const map = L.map(el, { attributionControl: false });
  OneGridTiles.add(map);
  const outline = parse(el.dataset.outline);
  const track = parse(el.dataset.track);
  const bounds = [];
  if (outline.length) { const g = L.polygon(outline, { color: '#1f5fa8', weight: 2, fillOpacity: 0.08 }).addTo(map); bounds.push(g.getBounds()); }
  if (track.length) {
    const t = L.polyline(track, { color: '#d9480f', weight: 4 }).addTo(map);
    bounds.push(t.getBounds());
    L.circleMarker(track[0], { radius: 6, color: '#2b8a3e' }).addTo(map).bindTooltip('起点');
    L.circleMarker(track[track.length - 1], { radius: 6, color: '#c92a2a' }).addTo(map).bindTooltip('终点');
  }
  if (bounds.length) { map.fitBounds(bounds.reduce(function (a, b) { return a.extend(b); }), { padding: [20, 20] }); }
  else { map.setView([37.45, 118.58], 10); }
})();
