// The command dashboard: fetches its figures from /api/v1/dashboard/… and again whenever /dashboard/stream says
// incidents in this region changed. Geometry (boundaries, grids) is loaded once; a refresh only restyles it.
(function () {
  'use strict';
  const screen = document.getElementById('screen');
  if (!screen) { return; }
  const region = screen.dataset.region, level = screen.dataset.level;
  const labels = window.dashboardLabels || {};
  const q = '?region=' + encodeURIComponent(region);
  // the city's time, wherever the screen's computer thinks it is
  const zone = screen.dataset.zone || 'Asia/Shanghai';
  const colors = { text: '#c9d8e6', muted: '#6f879c', grid: '#1b2e42', accent: '#3fb6d9', teal: '#36c2a0',
    amber: '#e0a43a', red: '#e5534b' };
  const palette = ['#3fb6d9', '#36c2a0', '#e0a43a', '#8f7ee7', '#5b8ff9', '#e0719b', '#9ccc65', '#f08c4b',
    '#4fd1c5', '#b39ddb', '#7f97ad'];

  function json(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(r => {
      if (!r.ok) { throw new Error(url + ': ' + r.status); }
      return r.json();
    });
  }
  function escape(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }
  function drill(code) { window.location.href = '/dashboard?region=' + encodeURIComponent(code); }

  // a figure's definition shows on hover and focus; Escape hides it again without moving the focus away
  document.addEventListener('keydown', e => {
    if (e.key === 'Escape' && e.target.classList && e.target.classList.contains('def')) {
      const tip = e.target.nextElementSibling;
      tip.style.visibility = 'hidden';
      e.target.addEventListener('blur', () => { tip.style.visibility = ''; }, { once: true });
    }
  });

  // ---- KPI tiles
  function renderKpis(k) {
    document.querySelectorAll('#kpis .tile').forEach(tile => {
      const v = k[tile.dataset.kpi];
      const b = tile.querySelector('b');
      if (tile.classList.contains('rate')) {
        b.textContent = v == null ? '—' : (v * 100).toFixed(1);
        const fill = tile.querySelector('.bar > span');
        if (fill) { fill.style.width = (v == null ? 0 : Math.min(100, v * 100)) + '%'; }
      } else {
        b.textContent = v == null ? '—' : Number(v).toLocaleString('zh-CN');
      }
    });
    document.querySelector('[data-kpi=overdue]').classList.toggle('hot', k.overdue > 0);
    document.getElementById('open-count').textContent = (labels.open || '{0}').replace('{0}', k.open.toLocaleString('zh-CN'));
  }

  // ---- charts
  const charts = {};
  function chart(id) {
    if (!charts[id]) { charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'canvas' }); }
    return charts[id];
  }
  const axis = {
    axisLine: { lineStyle: { color: colors.grid } }, axisTick: { show: false },
    axisLabel: { color: colors.muted, fontSize: 12 }, splitLine: { lineStyle: { color: colors.grid } }
  };
  const tooltip = { trigger: 'axis', backgroundColor: '#0f2133', borderColor: '#2a4a66', textStyle: { color: colors.text } };

  function renderTrend(t) {
    chart('trend').setOption({
      animation: false, tooltip, color: [colors.accent, colors.teal],
      legend: { right: 8, top: 0, textStyle: { color: colors.muted }, itemWidth: 14, itemHeight: 4 },
      grid: { left: 40, right: 14, top: 30, bottom: 26 },
      xAxis: Object.assign({ type: 'category', boundaryGap: false, data: t.days.map(d => d.slice(5)) }, axis, { splitLine: { show: false } }),
      yAxis: Object.assign({ type: 'value', minInterval: 1 }, axis),
      series: [
        { name: labels.reported, type: 'line', data: t.reported, smooth: true, symbol: 'none', lineStyle: { width: 2 },
          areaStyle: { color: new echarts.graphic.LinearGradient(0, 0, 0, 1, [{ offset: 0, color: 'rgba(63,182,217,.35)' }, { offset: 1, color: 'rgba(63,182,217,0)' }]) } },
        { name: labels.closed, type: 'line', data: t.closed, smooth: true, symbol: 'none', lineStyle: { width: 2 } }
      ]
    });
  }

  function renderCategories(c) {
    const top = c.categories.slice(0, 8);
    const rest = c.categories.slice(8).reduce((s, x) => s + x.count, 0);
    const data = top.map(x => ({ name: x.name, value: x.count }));
    if (rest > 0) { data.push({ name: '其他', value: rest }); }
    chart('categories').setOption({
      animation: false, color: palette,
      tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）', backgroundColor: '#0f2133', borderColor: '#2a4a66', textStyle: { color: colors.text } },
      title: data.length ? { show: false } : { show: true, text: labels.empty, left: 'center', top: 'middle', textStyle: { color: colors.muted, fontSize: 14 } },
      legend: { orient: 'vertical', right: 6, top: 'middle', textStyle: { color: colors.text, fontSize: 12 }, itemWidth: 10, itemHeight: 10,
        formatter: name => { const d = data.find(x => x.name === name); return name + '  ' + (d ? d.value : ''); } },
      series: [{ type: 'pie', radius: ['42%', '68%'], center: ['30%', '52%'], data,
        label: { show: false }, itemStyle: { borderColor: '#0d1b2a', borderWidth: 2 } }]
    }, true);
  }

  function renderRanking(r) {
    const rows = r.departments.slice().reverse();
    chart('ranking').setOption({
      animation: false,
      tooltip: Object.assign({}, tooltip, { axisPointer: { type: 'shadow' },
        formatter: p => { const d = rows[p[0].dataIndex]; return escape(d.name) + '<br>按期 ' + d.onTime + ' / 结案 ' + d.closed; } }),
      title: rows.length ? { show: false } : { show: true, text: labels.empty, left: 'center', top: 'middle', textStyle: { color: colors.muted, fontSize: 14 } },
      grid: { left: 8, right: 56, top: 6, bottom: 10, containLabel: true },
      xAxis: Object.assign({ type: 'value', max: 100, show: false }, {}),
      yAxis: Object.assign({ type: 'category', data: rows.map(d => d.name) }, axis,
        { axisLabel: { color: colors.text, fontSize: 12, width: 170, overflow: 'truncate' } }),
      series: [{ type: 'bar', barWidth: 12, data: rows.map(d => Math.round(d.onTimeRate * 1000) / 10),
        showBackground: true, backgroundStyle: { color: 'rgba(255,255,255,0.04)' },
        itemStyle: { borderRadius: 2, color: p => p.value >= 90 ? colors.teal : p.value >= 75 ? colors.accent : colors.amber },
        label: { show: true, position: 'right', color: colors.text, formatter: '{c}%' } }]
    }, true);
  }

  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));

  // ---- map
  const mapEl = document.getElementById('map');
  const map = L.map(mapEl, { preferCanvas: true, zoomSnap: 0.25, attributionControl: false, zoomControl: false });
  L.control.zoom({ position: 'bottomright' }).addTo(map);
  window.oneGridDashboardMap = map;
  OneGridTiles.add(map);
  let areas = null, outline = null, markers = L.layerGroup().addTo(map), shading = { open: {}, max: 0 };
  const areaKey = level === 'CITY' ? (f => f.id || f.properties.code) : (f => f.properties.code);

  function fill(n) {
    if (!n) { return 'rgba(40,80,110,0.18)'; }
    const t = shading.max ? Math.sqrt(n / shading.max) : 0;
    // a calm ramp: deep blue → cyan → amber for the busiest
    const stops = [[20, 70, 110], [40, 150, 200], [224, 164, 58]];
    const seg = t < 0.6 ? 0 : 1, u = seg === 0 ? t / 0.6 : (t - 0.6) / 0.4;
    const a = stops[seg], b = stops[seg + 1];
    const c = a.map((x, i) => Math.round(x + (b[i] - x) * u));
    return 'rgb(' + c.join(',') + ')';
  }
  function styleArea(f) {
    const n = shading.open[areaKey(f)] || 0;
    return level === 'CITY'
      ? { color: '#5fb8e0', weight: 1.6, fillColor: fill(n), fillOpacity: 0.55 }
      : { color: '#2b5877', weight: 0.5, fillColor: fill(n), fillOpacity: n ? 0.6 : 0.25 };
  }

  function loadGeometry() {
    if (level === 'CITY') {
      return json('/api/v1/regions/' + region + '/boundaries').then(fc => {
        areas = L.geoJSON(fc, {
          style: styleArea,
          onEachFeature: (f, layer) => {
            layer.bindTooltip(() => '<b>' + escape(f.properties.name) + '</b><br>在办 ' + (shading.open[areaKey(f)] || 0) + ' 件',
              { sticky: true, className: 'dash-tip' });
            layer.on('click', () => drill(areaKey(f)));
          }
        }).addTo(map);
        map.fitBounds(areas.getBounds(), { padding: [12, 12] });
        mapEl.dataset.counties = fc.features.length;
        areas.eachLayer(l => l.getElement && l.getElement());
      });
    }
    // drawn as fine as the zoom a county, town or village fills the map at, and no finer
    const zoom = { COUNTY: 12, TOWN: 14, VILLAGE: 16 }[level] || 16;
    const grids = json('/api/v1/grids?region=' + region + '&zoom=' + zoom).then(fc => {
      areas = L.geoJSON(fc, {
        style: styleArea,
        onEachFeature: (f, layer) => {
          layer.bindTooltip(() => '<b>' + escape(f.properties.name) + '</b><br>' + escape(f.properties.town || '') + ' '
            + escape(f.properties.village || '') + '<br>在办 ' + (shading.open[f.properties.code] || 0) + ' 件',
            { sticky: true, className: 'dash-tip' });
          if (level === 'COUNTY') { layer.on('click', () => drill(f.properties.villageCode.slice(0, 9))); }
          if (level === 'TOWN') { layer.on('click', () => drill(f.properties.villageCode)); }
        }
      }).addTo(map);
      if (fc.features.length) { map.fitBounds(areas.getBounds(), { padding: [12, 12] }); }
      mapEl.dataset.grids = fc.features.length;
    });
    // the county's own outline, where the region module has a polygon for it
    const parent = region.length > 4 ? (level === 'COUNTY' ? region.slice(0, 4) : null) : null;
    if (parent) {
      json('/api/v1/regions/' + parent + '/boundaries').then(fc => {
        const own = fc.features.filter(f => (f.id || f.properties.code) === region);
        if (own.length) {
          outline = L.geoJSON({ type: 'FeatureCollection', features: own },
            { style: { color: '#7fd3f5', weight: 2.4, fill: false }, interactive: false }).addTo(map);
        }
      }).catch(() => {});
    }
    return grids;
  }

  function renderShading(s) {
    shading = s;
    if (areas) { areas.setStyle(styleArea); }
  }

  function renderMarkers(m) {
    markers.clearLayers();
    m.markers.forEach(k => {
      if (m.clustered) {
        const size = Math.round(22 + Math.min(26, Math.log2(k.count + 1) * 4));
        const icon = L.divIcon({ className: 'cluster' + (k.overdue ? ' hot' : ''), iconSize: [size, size],
          html: '<span>' + k.count + '</span>' });
        L.marker([k.lat, k.lng], { icon }).addTo(markers)
          .bindTooltip('<b>' + escape(k.name) + '</b><br>在办 ' + k.count + ' 件' + (k.overdue ? '，超期 ' + k.overdue + ' 件' : ''),
            { className: 'dash-tip', direction: 'top' })
          .on('click', () => drill(k.code));
      } else {
        L.circleMarker([k.lat, k.lng], { radius: 5, weight: 1.5, color: k.overdue ? '#ffb4ae' : '#bff0ff',
          fillColor: k.overdue ? colors.red : colors.accent, fillOpacity: 0.9 }).addTo(markers)
          .bindTooltip(escape(k.item), { className: 'dash-tip' });
      }
    });
    mapEl.dataset.markers = m.markers.length;
  }

  // ---- data
  function refresh() {
    return Promise.all([
      json('/api/v1/dashboard/kpis' + q).then(renderKpis),
      json('/api/v1/dashboard/trend' + q).then(renderTrend),
      json('/api/v1/dashboard/categories' + q).then(renderCategories),
      json('/api/v1/dashboard/ranking' + q).then(renderRanking),
      json('/api/v1/dashboard/shading' + q).then(renderShading),
      json('/api/v1/dashboard/markers' + q).then(renderMarkers)
    ]).then(() => {
      document.getElementById('updated').textContent = new Date().toLocaleTimeString('zh-CN', { hour12: false, timeZone: zone });
      screen.dataset.refreshed = String(Number(screen.dataset.refreshed || 0) + 1);
    });
  }

  loadGeometry().catch(e => console.error(e)).then(refresh).catch(e => console.error(e));

  // ---- live: the server says "changed" (at most every 2 s); we fetch the figures again
  const live = document.getElementById('live');
  function connect() {
    const source = new EventSource('/dashboard/stream' + q);
    source.addEventListener('hello', () => { live.classList.add('on'); screen.dataset.live = 'on'; });
    source.addEventListener('changed', () => refresh().catch(e => console.error(e)));
    source.onerror = () => { live.classList.remove('on'); };
  }
  connect();

  const clock = document.getElementById('clock');
  function tick() {
    clock.textContent = new Date().toLocaleString('zh-CN', { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short', timeZone: zone });
  }
  tick();
  setInterval(tick, 1000);
})();
