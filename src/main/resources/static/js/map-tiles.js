// The tile switch of every map. A map's base is the city's own boundaries and grids, which each page draws and
// which work offline. When tile layers are configured (onegrid.map.tiles.*, rendered into
// <meta name="onegrid-map-tiles"> by fragments/map), OneGridTiles.add(map) puts them under the boundaries with a
// control to choose 2D map, satellite or none; the choice is remembered for the next map. Without configuration
// it does nothing.
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
    if (!c || !c.layers || !c.layers.length) { return null; }
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

  return { add: add, configured: configured };
})();
