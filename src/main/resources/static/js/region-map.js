// The region map: the user's region with its areas one level down (a city's counties, a county's towns, ...), the
// towns, villages and grids with their names as the zoom allows, and, for a chosen area, its grids; a click
// locates the point.
(function () {
  const el = document.getElementById('map');
  const region = el.dataset.region, level = el.dataset.level;
  const map = L.map(el, { preferCanvas: true, zoomSnap: 0.25, attributionControl: false });
  window.oneGridMap = map;
  OneGridTiles.add(map);
  const info = document.getElementById('info');
  const palette = ['#3b6fb6', '#2f9a7f', '#c98a2b', '#9b4f96', '#c4554d', '#4f8fa8', '#7a8b2f'];
  let areas = null;
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

  if (!region) { map.setView([35, 110], 4); return; }

  // the areas one level down: a city's counties have boundaries of their own; below, the outlines are the grids'
  const below = { CITY: null, COUNTY: 'TOWN', TOWN: 'VILLAGE', VILLAGE: 'GRID' }[level];
  const url = below ? '/api/v1/regions/' + region + '/outlines?level=' + below + '&zoom=12'
    : '/api/v1/regions/' + region + '/boundaries';
  json(url).then(fc => {
    areas = L.geoJSON(fc, {
      style: f => ({ color: '#1d4f91', weight: 2, fillColor: palette[fc.features.indexOf(f) % palette.length], fillOpacity: 0.12 }),
      onEachFeature: (f, layer) => {
        layer.bindTooltip(f.properties.name, { sticky: true });
        layer.on('click', e => locate(e.latlng));
      }
    }).addTo(map);
    if (fc.features.length) { map.fitBounds(areas.getBounds()); } else { map.setView([35, 110], 4); }
    el.dataset.areas = fc.features.length;
    if (level === 'CITY') { el.dataset.counties = fc.features.length; }
    OneGridTiles.outlines(map, { region: region });
  }).catch(e => { info.textContent = '边界加载失败：' + e.message; });

  async function showGrids(code, row) {
    document.querySelectorAll('tr.area').forEach(r => r.classList.toggle('active', r === row));
    info.textContent = '正在加载网格…';
    try {
      const zoom = Math.min(18, Math.ceil(map.getZoom()) + 2);
      const fc = await json('/api/v1/grids?region=' + code + '&zoom=' + zoom);
      if (grids) { map.removeLayer(grids); }
      grids = L.geoJSON(fc, {
        style: f => ({ color: f.properties.type === 'URBAN' ? '#c4554d' : '#2f7d5b', weight: 0.8, fillOpacity: 0.06 }),
        onEachFeature: (f, layer) => layer.on('click', e => locate(e.latlng))
      }).addTo(map);
      if (fc.features.length) { map.fitBounds(grids.getBounds()); }
      el.dataset.grids = fc.features.length;
      info.innerHTML = '<b>' + escape(row.cells[0].textContent) + '</b>：' + fc.features.length + ' 个网格。点击地图定位。';
    } catch (e) {
      info.textContent = '网格加载失败：' + e.message;
    }
  }

  document.querySelectorAll('tr.area').forEach(row => {
    row.addEventListener('click', () => showGrids(row.dataset.code, row));
    row.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); showGrids(row.dataset.code, row); } });
  });

  async function locate(latlng) {
    const lng = latlng.lng.toFixed(6), lat = latlng.lat.toFixed(6);
    try {
      const r = await json('/api/v1/grids/locate?lng=' + lng + '&lat=' + lat);
      info.innerHTML = '<b>' + escape(r.grid.name) + '</b><br>'
        + escape(r.county.name) + ' · ' + escape(r.town.name) + ' · ' + escape(r.village.name) + '<br>'
        + '<span>' + lng + ', ' + lat + '</span>'
        + '<div id="registry-counts"></div>';
      registryCounts(r);
    } catch (e) {
      info.innerHTML = escape(e.message);
    }
  }
  map.on('click', e => locate(e.latlng));

  // the registry's people, households and organisations of the grid and the village found, for whoever may read them
  // (a grid worker only their own grids: elsewhere the registry answers 404 and nothing is shown)
  async function registryCounts(r) {
    const box = document.getElementById('registry-counts');
    const line = async (label, query) => {
      try {
        const c = await json('/api/v1/registry/counts?' + query);
        return '<div class="registry-line">' + escape(label) + '：在册人口 ' + c.persons + ' · 户 ' + c.households
          + ' · 组织 ' + c.organisations + ' <a href="/registry?' + query + '">查看名单</a></div>';
      } catch (e) {
        return '';
      }
    };
    const parts = await Promise.all([
      line('本网格', 'grid=' + encodeURIComponent(r.grid.code)),
      line(r.village.name, 'region=' + encodeURIComponent(r.village.code))
    ]);
    if (box) { box.innerHTML = parts.join(''); }
  }
})();
