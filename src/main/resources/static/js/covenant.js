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

  // htmx requests carry the CSRF token as a header (forms also carry it as the _csrf field).
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // An expired access token is only renewed on a full page load: reload, and the next click works.
  // Not for background polls (the bell): a poll is no activity, and reloading for it would keep an
  // abandoned tab's session alive for ever.
  document.addEventListener('htmx:responseError', function (event) {
    var background = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest('[data-background-poll]');
    if (event.detail.xhr && event.detail.xhr.status === 401 && !background) {
      window.location.reload();
    }
  });

  // After htmx swaps a row, keyboard focus would fall back to the page start: keep it on the row.
  document.addEventListener('htmx:afterSwap', function (event) {
    // An outerHTML swap replaces the target; the new element carries the same id.
    var id = event.detail.target && event.detail.target.id;
    var scope = id ? document.getElementById(id) : null;
    var focusable = scope ? scope.querySelector('[data-swap-focus]') : null;
    if (focusable) {
      focusable.focus();
    }
  });

  // Forms that ask before doing something drastic; htmx forms ask through hx-confirm instead.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (!question || (window.htmx && form.hasAttribute('hx-post'))) {
      return;
    }
    if (!window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  function setupAccountMenu() {
    var menu = document.querySelector('[data-user-menu]');
    if (!menu) {
      return;
    }
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && menu.open) {
        menu.open = false;
        menu.querySelector('summary').focus();
      }
    });
    document.addEventListener('click', function (event) {
      if (menu.open && !menu.contains(event.target)) {
        menu.open = false;
      }
    });
  }

  // Row action menus (<details data-row-menu>): one open at a time; Escape or a click elsewhere closes it.
  function setupRowMenus() {
    var menus = document.querySelectorAll('[data-row-menu]');
    if (!menus.length) {
      return;
    }
    document.addEventListener('toggle', function (event) {
      if (event.target.hasAttribute && event.target.hasAttribute('data-row-menu') && event.target.open) {
        menus.forEach(function (other) {
          if (other !== event.target) {
            other.open = false;
          }
        });
      }
    }, true);
    document.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape') {
        return;
      }
      menus.forEach(function (menu) {
        if (menu.open) {
          menu.open = false;
          menu.querySelector('summary').focus();
        }
      });
    });
    document.addEventListener('click', function (event) {
      menus.forEach(function (menu) {
        if (menu.open && !menu.contains(event.target)) {
          menu.open = false;
        }
      });
    });
  }

  function setupForms() {
    // After a failed post, start where the problem is explained.
    var summary = document.querySelector('[data-focus-on-load]');
    if (summary) {
      var invalid = document.querySelector('[aria-invalid="true"]');
      (invalid || summary).focus();
    }
  }

  function setup() {
    setupNavigationToggle();
    setupAccountMenu();
    setupRowMenus();
    setupForms();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setup);
  } else {
    setup();
  }
}());
