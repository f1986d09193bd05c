// The region map: county outlines and, for the chosen county, its grids; a click locates the point.
(function () {
  const el = document.getElementById('map');
  const city = el.dataset.city;
  const map = L.map(el, { preferCanvas: true, zoomSnap: 0.25 });
  window.oneGridMap = map;
  OneGridTiles.add(map);
  const info = document.getElementById('info');
  const palette = ['#3b6fb6', '#2f9a7f', '#c98a2b', '#9b4f96', '#c4554d', '#4f8fa8', '#7a8b2f'];
  let counties = null;
  let grids = null;

  function escape(s) {
    return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  async function json(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) { throw new Error(body.detail || r.statusText); }
    return body;
  }

  if (!city) { map.setView([35, 110], 4); return; }

  json('/api/v1/regions/' + city + '/boundaries').then(fc => {
    counties = L.geoJSON(fc, {
      style: f => ({ color: '#1d4f91', weight: 2, fillColor: palette[fc.features.indexOf(f) % palette.length], fillOpacity: 0.12 }),
      onEachFeature: (f, layer) => {
        layer.bindTooltip(f.properties.name, { sticky: true });
        layer.on('click', e => locate(e.latlng));
      }
    }).addTo(map);
    map.fitBounds(counties.getBounds());
    el.dataset.counties = fc.features.length;
  }).catch(e => { info.textContent = '边界加载失败：' + e.message; });

  async function showGrids(code, row) {
    document.querySelectorAll('tr.county').forEach(r => r.classList.toggle('active', r === row));
    info.textContent = '正在加载网格…';
    try {
      const fc = await json('/api/v1/grids?region=' + code);
      if (grids) { map.removeLayer(grids); }
      grids = L.geoJSON(fc, {
        style: f => ({ color: f.properties.type === 'URBAN' ? '#c4554d' : '#2f7d5b', weight: 0.8, fillOpacity: 0.06 }),
        onEachFeature: (f, layer) => layer.on('click', e => locate(e.latlng))
      }).addTo(map);
      map.fitBounds(grids.getBounds());
      el.dataset.grids = fc.features.length;
      info.innerHTML = '<b>' + escape(row.cells[0].textContent) + '</b>：' + fc.features.length + ' 个网格。点击地图定位。';
    } catch (e) {
      info.textContent = '网格加载失败：' + e.message;
    }
  }

  document.querySelectorAll('tr.county').forEach(row => row.addEventListener('click', () => showGrids(row.dataset.code, row)));

  async function locate(latlng) {
    const lng = latlng.lng.toFixed(6), lat = latlng.lat.toFixed(6);
    try {
      const r = await json('/api/v1/grids/locate?lng=' + lng + '&lat=' + lat);
      info.innerHTML = '<b>' + escape(r.grid.name) + '</b>（' + escape(r.grid.code) + '）<br>'
        + escape(r.village.name) + ' · ' + escape(r.town.name) + ' · ' + escape(r.county.name) + '<br>'
        + '<span>' + lng + ', ' + lat + '</span>';
    } catch (e) {
      info.innerHTML = escape(e.message);
    }
  }
  map.on('click', e => locate(e.latlng));
})();
