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

  // ---------- Web kit: confirmation dialog ----------
  // data-confirm on a form or its submit button, and htmx's hx-confirm, ask in the page's <dialog>
  // (fragments/components :: confirm-dialog) instead of the browser's confirm(). Without script the
  // form simply submits, as a plain form does.
  function askToConfirm(question, actionName, trigger, onConfirm) {
    var dialog = document.getElementById('confirm-dialog');
    if (!dialog || typeof dialog.showModal !== 'function') {
      if (window.confirm(question)) {
        onConfirm();
      }
      return;
    }
    dialog.querySelector('#confirm-dialog-question').textContent = question;
    dialog.querySelector('[data-confirm-ok]').textContent = actionName || 'Confirm';
    dialog.returnValue = '';
    dialog.addEventListener('close', function closed() {
      dialog.removeEventListener('close', closed);
      if (trigger && typeof trigger.focus === 'function' && document.contains(trigger)) {
        trigger.focus();
      }
      if (dialog.returnValue === 'confirm') {
        onConfirm();
      }
    });
    dialog.showModal();
    dialog.querySelector('[data-confirm-cancel]').focus();
  }

  function actionNameOf(element, fallback) {
    var named = element && element.getAttribute('data-confirm-action');
    if (named) {
      return named;
    }
    var text = element && element.textContent ? element.textContent.replace(/\s+/g, ' ').trim() : '';
    return text && text.length <= 40 ? text : fallback;
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var submitter = event.submitter;
    var asker = submitter && submitter.hasAttribute('data-confirm') ? submitter : form;
    var question = asker.getAttribute && asker.getAttribute('data-confirm');
    // htmx forms ask through hx-confirm (the htmx:confirm handler below); a confirmed submit passes.
    if (!question || form.hasAttribute('data-confirmed') || (window.htmx && form.hasAttribute('hx-post'))) {
      form.removeAttribute('data-confirmed');
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    askToConfirm(question, actionNameOf(asker.getAttribute('data-confirm-action') ? asker : submitter, 'Confirm'),
      submitter || form, function () {
        form.setAttribute('data-confirmed', '');
        if (typeof form.requestSubmit === 'function') {
          form.requestSubmit(submitter || undefined);
        } else {
          form.submit();
        }
      });
  }, true);

  document.addEventListener('htmx:confirm', function (event) {
    if (!event.detail.question) {
      return;
    }
    event.preventDefault();
    var element = event.detail.elt;
    var button = element.matches && element.matches('form') ? element.querySelector('[type=submit]') : element;
    askToConfirm(event.detail.question, actionNameOf(element.getAttribute('data-confirm-action') ? element : button,
      'Confirm'), button || element, function () {
      event.detail.issueRequest(true);
    });
  });

  // ---------- Web kit: toasts ----------
  // The server raises one with Toasts.success(response, "…") (HX-Trigger: {"covenant:toast": {…}}); a
  // full page's flash becomes one too. The region is aria-live, so each is announced once.
  // Long enough to read: six seconds and a little more for each word.
  function toastMilliseconds(message) {
    return Math.min(20000, 6000 + 300 * message.split(/\s+/).length);
  }

  function showToast(message, kind, existing) {
    var region = document.querySelector('[data-toasts]');
    if (!region || !message) {
      return;
    }
    var toast = existing || document.createElement('div');
    toast.classList.add('toast', 'toast-' + (kind || 'success'));
    if (!existing) {
      var text = document.createElement('p');
      text.className = 'toast-text';
      text.textContent = message;
      toast.appendChild(text);
    }
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'toast-close';
    close.setAttribute('aria-label', 'Dismiss message');
    close.textContent = '\u00d7';
    toast.appendChild(close);
    region.appendChild(toast);
    var timer;
    function dismiss() {
      window.clearTimeout(timer);
      if (toast.parentNode) {
        toast.parentNode.removeChild(toast);
      }
    }
    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(dismiss, toastMilliseconds(message));
    }
    close.addEventListener('click', dismiss);
    // Kept while the pointer or keyboard is on it, so it can be read to the end.
    toast.addEventListener('mouseenter', function () { window.clearTimeout(timer); });
    toast.addEventListener('mouseleave', schedule);
    toast.addEventListener('focusin', function () { window.clearTimeout(timer); });
    toast.addEventListener('focusout', schedule);
    schedule();
  }

  document.addEventListener('covenant:toast', function (event) {
    var detail = event.detail || {};
    showToast(detail.message, detail.kind);
  });

  function setupFlashToast() {
    var flash = document.querySelector('[data-flash]');
    if (flash) {
      flash.removeAttribute('role');
      flash.classList.remove('alert', 'alert-success');
      showToast(flash.textContent, 'success', flash);
    }
  }

  // ---------- Web kit: upload area ----------
  // fragments/components :: upload-area. The file input stays the source of truth (a dropped file is put
  // into it), so the form posts the same with or without this script.
  function humanSize(bytes) {
    if (bytes < 1024) {
      return bytes === 1 ? '1 byte' : bytes + ' bytes';
    }
    var units = ['KB', 'MB', 'GB', 'TB'];
    var value = bytes;
    var index = -1;
    do {
      value = value / 1024;
      index++;
    } while (value >= 1024 && index < units.length - 1);
    var shown = value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
    if (shown >= 1024 && index < units.length - 1) {
      shown = 1;
      index++;
    }
    return shown + ' ' + units[index];
  }

  // The same names as app.covenant.platform.ui.Humanize, for what the browser can tell before sending.
  var FILE_TYPES = {
    'application/pdf': 'PDF',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
    'application/msword': 'Word document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel spreadsheet',
    'image/png': 'PNG image',
    'image/jpeg': 'JPEG image',
    'text/plain': 'Text',
    'text/csv': 'CSV'
  };

  function humanType(file) {
    if (FILE_TYPES[file.type]) {
      return FILE_TYPES[file.type];
    }
    if (file.type.indexOf('image/') === 0) {
      return file.type.substring(6).toUpperCase() + ' image';
    }
    return 'File';
  }

  function setupUploadArea(area) {
    var input = area.querySelector('input[type=file]');
    var list = area.querySelector('[data-upload-files]');
    if (!input || !list || area.hasAttribute('data-upload-ready')) {
      return;
    }
    area.setAttribute('data-upload-ready', '');
    area.classList.add('is-enhanced');

    function render() {
      list.textContent = '';
      Array.prototype.forEach.call(input.files, function (file) {
        var item = document.createElement('li');
        item.className = 'upload-file';
        var name = document.createElement('span');
        name.className = 'upload-file-name';
        name.textContent = file.name;
        var facts = document.createElement('span');
        facts.className = 'upload-file-facts';
        facts.textContent = humanType(file) + ', ' + humanSize(file.size);
        item.appendChild(name);
        item.appendChild(facts);
        list.appendChild(item);
      });
      list.hidden = input.files.length === 0;
    }

    input.addEventListener('change', render);
    ['dragenter', 'dragover'].forEach(function (type) {
      area.addEventListener(type, function (event) {
        event.preventDefault();
        area.classList.add('is-dragging');
      });
    });
    area.addEventListener('dragleave', function (event) {
      if (!area.contains(event.relatedTarget)) {
        area.classList.remove('is-dragging');
      }
    });
    area.addEventListener('drop', function (event) {
      event.preventDefault();
      area.classList.remove('is-dragging');
      var dropped = event.dataTransfer && event.dataTransfer.files;
      if (!dropped || dropped.length === 0) {
        return;
      }
      var files = new DataTransfer();
      var limit = input.multiple ? dropped.length : 1;
      for (var i = 0; i < limit; i++) {
        files.items.add(dropped[i]);
      }
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    render();
  }

  function setupUploadAreas(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll('[data-upload-area]'), setupUploadArea);
  }

  function uploadProgressOf(event) {
    var form = event.detail && event.detail.elt;
    return form && form.querySelector ? form.querySelector('[data-upload-progress]') : null;
  }

  document.addEventListener('htmx:beforeRequest', function (event) {
    var progress = uploadProgressOf(event);
    if (progress) {
      var bar = progress.querySelector('progress');
      bar.setAttribute('value', '0');
      progress.querySelector('[data-upload-progress-text]').textContent = 'Sending…';
      progress.hidden = false;
    }
  });

  document.addEventListener('htmx:xhr:progress', function (event) {
    var progress = uploadProgressOf(event);
    if (progress && event.detail.lengthComputable && event.detail.total > 0) {
      var percent = Math.round(event.detail.loaded * 100 / event.detail.total);
      progress.querySelector('progress').setAttribute('value', String(percent));
      progress.querySelector('[data-upload-progress-text]').textContent =
        percent >= 100 ? 'Checking the files…' : 'Sending… ' + percent + '%';
    }
  });

  // An upload's refusal (400, 413, 415) is a page to show, not an error to drop: htmx swaps only 2xx.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var form = event.detail.elt;
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    if (form && form.hasAttribute && form.hasAttribute('data-upload-form') && status >= 400 && status < 500) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // Content htmx brings in (an upload's result page): enhance its upload areas, focus its explanation.
  document.addEventListener('htmx:load', function (event) {
    var content = event.detail.elt;
    if (!content || !content.querySelectorAll || content === document.body) {
      return;
    }
    if (content.matches('[data-upload-area]')) {
      setupUploadArea(content);
    }
    setupUploadAreas(content);
    var summary = content.matches('[data-focus-on-load]') ? content : content.querySelector('[data-focus-on-load]');
    if (summary) {
      summary.focus();
    }
  });

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
    setupFlashToast();
    setupUploadAreas(document);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setup);
  } else {
    setup();
  }
}());
