// The light/dark choice. Loaded in <head> without defer so the page is painted in the right
// theme from the first frame. A choice made with the header's switch is remembered in
// localStorage; without one the system's preference decides, and follows it when it changes.
(function () {
  var KEY = 'promptlens-theme';
  var root = document.documentElement;
  var media = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  function stored() {
    try {
      var value = window.localStorage.getItem(KEY);
      return value === 'dark' || value === 'light' ? value : null;
    } catch (e) {
      return null; // storage refused (private mode, blocked cookies): follow the system
    }
  }

  function system() {
    return media && media.matches ? 'dark' : 'light';
  }

  function apply(theme) {
    root.setAttribute('data-theme', theme);
    var toggle = document.getElementById('theme-toggle');
    if (toggle) {
      var other = theme === 'dark' ? 'light' : 'dark';
      toggle.setAttribute('aria-label', 'Switch to the ' + other + ' theme');
      toggle.setAttribute('title', 'Switch to the ' + other + ' theme');
      toggle.setAttribute('aria-pressed', theme === 'dark' ? 'true' : 'false');
    }
  }

  apply(stored() || system());

  if (media && media.addEventListener) {
    media.addEventListener('change', function () {
      if (!stored()) apply(system());
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var toggle = document.getElementById('theme-toggle');
    if (!toggle) return;
    toggle.hidden = false;
    apply(root.getAttribute('data-theme'));
    toggle.addEventListener('click', function () {
      var next = root.getAttribute('data-theme') === 'dark' ? 'light' : 'dark';
      try {
        window.localStorage.setItem(KEY, next);
      } catch (e) {
        // not remembered, but still switched for this page
      }
      apply(next);
    });
  });
})();
