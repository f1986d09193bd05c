// The tile switch of every map. A map's base is the city's own boundaries and grids, which each page draws and
// which work offline. When tile layers are configured (onegrid.map.tiles.*, rendered into
// <meta name="onegrid-map-tiles"> by fragments/map), OneGridTiles.add(map) puts them under the boundaries with a
// control to choose 2D map, satellite or none; the choice is remembered for the next map. Without configuration
// it does nothing.
//
// OneGridTiles.outlines(map, source) draws the towns, villages and grids with their names where they read (towns when
// zoomed out, villages closer, grids closest; each where it fits), so that a map without tiles still shows where
// things are.
//
// No map carries Leaflet's own notice (its flag and link): a map shows the notice of the map data it draws only.
if (window.L) { L.Control.Attribution.prototype.options.prefix = false; }

window.OneGridTiles = (function () {
  const STORED = 'onegrid.map.tiles';

  function configured() {
    const meta = document.querySelector('meta[name="onegrid-map-tiles"]');
    if (!meta || !meta.content) { return null; }
    try {
      const config = JSON.parse(meta.content);
      config.names = { road: meta.dataset.road, satellite: meta.dataset.satellite, none: meta.dataset.none };
      return config;
    } catch (e) {
      return null;
    }
  }

  // offline, the notice of the city's own map data, when one is configured (onegrid.map.data.attribution)
  function dataNotice(map) {
    const meta = document.querySelector('meta[name="onegrid-map-data"]');
    if (!meta || !meta.content) { return; }
    const control = map.attributionControl || L.control.attribution({ prefix: false }).addTo(map);
    control.addAttribution(escapeHtml(meta.content));
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  function remembered() {
    try { return window.localStorage.getItem(STORED); } catch (e) { return null; }
  }

  function remember(id) {
    try { window.localStorage.setItem(STORED, id); } catch (e) { /* private mode: not remembered */ }
  }

  /**
   * Adds the configured tile layers and their switch to a Leaflet map.
   * @param map the map
   * @param config the settings, for tests; by default those of the page
   * @returns the layer control, or null when no tiles are configured
   */
  function add(map, config) {
    const c = config || configured();
    if (!c || !c.layers || !c.layers.length) { dataNotice(map); return null; }
    const names = Object.assign({ road: '电子地图', satellite: '卫星影像', none: '无底图' }, c.names || {});
    const options = { subdomains: c.subdomains || 'abc', maxZoom: c.maxZoom || 18, attribution: c.attribution || '' };
    const bases = {}, ids = new Map();
    c.layers.forEach(layer => {
      // tiles stay in Leaflet's tile pane, below the overlay pane where the boundaries and pins are drawn
      const parts = [L.tileLayer(layer.url, options)];
      if (layer.labelsUrl) { parts.push(L.tileLayer(layer.labelsUrl, Object.assign({}, options, { attribution: '' }))); }
      const group = L.layerGroup(parts);
      bases[names[layer.id] || layer.id] = group;
      ids.set(group, layer.id);
    });
    const none = L.layerGroup();
    bases[names.none] = none;
    ids.set(none, 'none');

    const wanted = remembered();
    let first = null;
    for (const [group, id] of ids) { if (id === wanted) { first = group; } }
    if (!first) { first = ids.keys().next().value; }
    first.addTo(map);
    map.getContainer().dataset.tiles = ids.get(first);

    if (!map.attributionControl) { L.control.attribution({ prefix: false }).addTo(map); }
    const small = map.getSize().x < 520;
    const control = L.control.layers(bases, null, { position: 'topright', collapsed: small }).addTo(map);
    map.on('baselayerchange', e => {
      const id = ids.get(e.layer) || 'none';
      map.getContainer().dataset.tiles = id;
      remember(id);
    });
    return control;
  }

  // ---- outlines and names: towns below zoom 11, villages from 11, grids from 14 (by their number within the
  // village, "第3网格", where the village's name is written too)
  const VILLAGES_FROM = 11, GRIDS_FROM = 14;
  const STYLE = {
    TOWN: { color: '#44546a', weight: 1.6, fill: false },
    VILLAGE: { color: '#6b7c93', weight: 1, dashArray: '4 3', fill: false },
    GRID: { color: '#1d5fa8', weight: 0.8, fill: false }
  };
  const MINE = { color: '#1d5fa8', weight: 2.5, fillColor: '#1d5fa8', fillOpacity: 0.08 };

  function fetchJson(url) {
    return fetch(url, { headers: { Accept: 'application/geo+json' } }).then(r => r.ok ? r.json() : { features: [] });
  }

  /**
   * Draws outlines with their names under a map's own layers.
   * @param map the map
   * @param source {region: code} for the towns, villages and grids of a region (as far as the user may see them),
   *     fetched as the zoom asks for them; or {url} for one fixed collection of outlines of any level; {focus: code}
   *     names that grid before any other
   * @returns {{ready: Promise}} resolved once the first outlines are drawn
   */
  function outlines(map, source) {
    const pane = map.getPane('outlines') || map.createPane('outlines');
    pane.style.zIndex = 350; // above tiles, below the page's own overlays
    pane.style.pointerEvents = 'none';
    const labelPane = map.getPane('outline-names') || map.createPane('outline-names');
    labelPane.style.zIndex = 360;
    labelPane.style.pointerEvents = 'none';
    const drawn = { TOWN: L.layerGroup().addTo(map), VILLAGE: L.layerGroup().addTo(map), GRID: L.layerGroup().addTo(map) };
    const names = L.layerGroup().addTo(map);
    const features = { TOWN: [], VILLAGE: [], GRID: [] };
    const loaded = new Set();
    let units = [];

    function add(fc) {
      fc.features.forEach(f => {
        const level = f.properties.level;
        if (!features[level] || features[level].some(g => g.id === f.id)) { return; }
        const style = f.properties.mine ? MINE : STYLE[level];
        f.layer = L.geoJSON(f, { pane: 'outlines', interactive: false, style: style });
        features[level].push(f);
        drawn[level].addLayer(f.layer);
      });
    }

    function labelled(level) {
      const z = map.getZoom();
      return level === 'GRID' ? z >= GRIDS_FROM : level === 'VILLAGE' ? z >= VILLAGES_FROM : z < VILLAGES_FROM;
    }

    // a grid by its number within the village where the village is drawn and named too
    function shortName(f) {
      const p = f.properties, village = p.village || '';
      return !source.url && p.level === 'GRID' && village && p.name.startsWith(village) && p.name.length > village.length
        ? p.name.slice(village.length) : p.name;
    }

    function showNames() {
      names.clearLayers();
      const tiles = map.getContainer().dataset.tiles;
      if (tiles && tiles !== 'none') { return; } // the base map has its own names
      const view = map.getBounds().pad(0.1);
      // the boxes of the names written so far: a name that would overlap one is left out; the grid in focus and
      // the user's own grids first, then towns, villages and grids
      const placed = [];
      const candidates = [];
      ['TOWN', 'VILLAGE', 'GRID'].filter(labelled).forEach(level => {
        features[level].filter(f => view.intersects(f.layer.getBounds())).forEach(f => candidates.push(f));
      });
      const first = f => f.id === source.focus || f.properties.mine;
      candidates.filter(first).concat(candidates.filter(f => !first(f))).forEach(f => {
        const level = f.properties.level;
        const size = level === 'TOWN' ? 14 : level === 'VILLAGE' ? 13 : 12;
        const b = f.layer.getBounds();
        const width = map.latLngToContainerPoint(b.getNorthEast()).x - map.latLngToContainerPoint(b.getSouthWest()).x;
        const name = shortName(f);
        if (width < name.length * 12 + 8) { return; }
        const [lng, lat] = f.properties.label;
        const p = map.latLngToContainerPoint([lat, lng]);
        const half = name.length * size / 2 + 2;
        const box = { left: p.x - half, right: p.x + half, top: p.y - size * 0.7, bottom: p.y + size * 0.7 };
        if (placed.some(o => box.left < o.right && o.left < box.right && box.top < o.bottom && o.top < box.bottom)) { return; }
        placed.push(box);
        L.marker([lat, lng], { pane: 'outline-names', interactive: false, keyboard: false,
          icon: L.divIcon({ className: 'outline-name ' + level.toLowerCase() + (first(f) ? ' focus' : ''), html: '', iconSize: null }) })
          .addTo(names).getElement().appendChild(document.createElement('span')).textContent = name;
      });
      map.getContainer().dataset.outlineNames = names.getLayers().length;
    }

    function want() {
      const z = map.getZoom();
      const view = map.getBounds();
      const jobs = [];
      units.filter(u => u.layer.getBounds().intersects(view)).forEach(u => {
        [['VILLAGE', VILLAGES_FROM, 14], ['GRID', GRIDS_FROM, 16]].forEach(([level, from, zoom]) => {
          const key = level + u.id;
          if (z >= from && !loaded.has(key)) {
            loaded.add(key);
            jobs.push(fetchJson('/api/v1/regions/' + encodeURIComponent(u.id) + '/outlines?level=' + level + '&zoom=' + zoom).then(add));
          }
        });
      });
      return Promise.all(jobs).then(showNames);
    }

    let ready;
    if (source.url) {
      ready = fetchJson(source.url).then(fc => { add(fc); units = []; showNames(); });
    } else {
      const region = encodeURIComponent(source.region);
      ready = fetchJson('/api/v1/regions/' + region + '/outlines?level=TOWN&zoom=11')
        .then(fc => fc.features.length ? fc
          : fetchJson('/api/v1/regions/' + region + '/outlines?level=VILLAGE&zoom=14'))
        .then(fc => { add(fc); units = features.TOWN.length ? features.TOWN : features.VILLAGE; return want(); });
    }
    map.on('zoomend moveend', () => { ready.then(want); });
    map.on('baselayerchange', showNames);
    return { ready: ready, features: features };
  }

  return { add: add, configured: configured, outlines: outlines };
})();
