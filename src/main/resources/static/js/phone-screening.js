// The screening form at the place: the position from the browser into the form.
(function () {
  const form = document.getElementById('screening');
  if (!form) { return; }
  const lng = document.getElementById('lng');
  const lat = document.getElementById('lat');
  const status = document.getElementById('locstatus');
  if (!navigator.geolocation) { status.textContent = status.dataset.failed; return; }
  navigator.geolocation.getCurrentPosition(function (p) {
    lng.value = p.coords.longitude.toFixed(6);
    lat.value = p.coords.latitude.toFixed(6);
    status.textContent = status.dataset.found;
    status.dataset.ready = 'true';
  }, function () {
    status.textContent = status.dataset.failed;
  }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 0 });
})();
