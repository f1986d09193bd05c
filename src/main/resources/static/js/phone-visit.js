// The visit form at the door: the position from the browser into the form, the change and problem parts shown when
// they apply.
(function () {
  const form = document.getElementById('visit');
  if (!form) { return; }
  const lng = document.getElementById('lng');
  const lat = document.getElementById('lat');
  const status = document.getElementById('locstatus');
  function locate() {
    if (!navigator.geolocation) { status.textContent = status.dataset.failed; return; }
    navigator.geolocation.getCurrentPosition(function (p) {
      lng.value = p.coords.longitude.toFixed(6);
      lat.value = p.coords.latitude.toFixed(6);
      status.textContent = status.dataset.found;
      status.dataset.ready = 'true';
    }, function () {
      status.textContent = status.dataset.failed;
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 0 });
  }
  locate();
  function toggle() {
    const outcome = (form.querySelector('input[name=outcome]:checked') || {}).value;
    document.getElementById('changed').hidden = !(outcome === 'CHANGED' || outcome === 'MOVED_AWAY');
    document.getElementById('problem').hidden = !document.getElementById('problemFound').checked;
  }
  form.addEventListener('change', toggle);
  toggle();
})();
