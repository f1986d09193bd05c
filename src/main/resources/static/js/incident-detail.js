// The incident page: the dispatch form showing only the fields the chosen mode needs (the place's map is
// place-map.js). The page works without this script; it only tidies up.
(function () {
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
