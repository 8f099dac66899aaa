/* Covenant: the little script every page loads. No inline script anywhere (the CSP forbids it). */
(function () {
  'use strict';

  // Progressive enhancement: the CSS collapses the navigation on narrow screens only when this runs.
  document.documentElement.classList.add('js');

  function setupNavigationToggle() {
    var toggle = document.querySelector('[data-nav-toggle]');
    var nav = toggle && document.getElementById(toggle.getAttribute('aria-controls'));
    if (!nav) {
      return;
    }
    function isOpen() {
      return toggle.getAttribute('aria-expanded') === 'true';
    }
    function setOpen(open) {
      toggle.setAttribute('aria-expanded', String(open));
      document.body.classList.toggle('nav-open', open);
    }
    toggle.addEventListener('click', function () {
      setOpen(!isOpen());
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && isOpen()) {
        setOpen(false);
        toggle.focus();
      }
    });
    // Back on a wide screen the navigation is always visible; forget the open state.
    var wide = window.matchMedia('(min-width: 60.0625em)');
    wide.addEventListener('change', function (event) {
      if (event.matches) {
        setOpen(false);
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setupNavigationToggle);
  } else {
    setupNavigationToggle();
  }
}());
