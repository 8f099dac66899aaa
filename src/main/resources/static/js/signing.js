// The signing page (templates/signatures/sign.html): typed or drawn signature, one-time code, sign and decline
// through the form's data-api (/api/v1/signing/{token} by link, /api/v1/envelopes/{id}/sign signed in, the hold-harmless
// agreement's /api/v1/hold-harmless/{id}/sub-signature or /gc-signature), then to data-done when the form names it;
// the decline form posts to data-api + '/decline', or to its own data-api (the agreement's /decline) and data-done.
// No inline script: the page's CSP allows only this file.
(function () {
  'use strict';

  function csrfHeaders() {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json' };
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function say(text) {
    var result = document.querySelector('[data-signing-result]');
    if (result) {
      result.textContent = text;
    }
  }

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: csrfHeaders(), body: JSON.stringify(body || {}),
      credentials: 'same-origin' }).then(function (response) {
      if (response.ok) {
        return null;
      }
      return response.json().catch(function () { return {}; }).then(function (problem) {
        var detail = problem.detail || 'Something went wrong; try again.';
        if (problem.errors && problem.errors.length) {
          detail += ' ' + problem.errors.map(function (error) { return error.message; }).join(' ');
        }
        throw new Error(detail);
      });
    });
  }

  function setUpPad(canvas) {
    var context = canvas.getContext('2d');
    var drawing = false;
    var drawn = false;
    context.lineWidth = 3;
    context.lineCap = 'round';
    context.strokeStyle = '#111';

    function point(event) {
      var box = canvas.getBoundingClientRect();
      return { x: (event.clientX - box.left) * canvas.width / box.width,
        y: (event.clientY - box.top) * canvas.height / box.height };
    }
    canvas.addEventListener('pointerdown', function (event) {
      drawing = true;
      try {
        canvas.setPointerCapture(event.pointerId);
      } catch (ignored) {
        // A pointer the browser no longer tracks: drawing still works without the capture.
      }
      var p = point(event);
      context.beginPath();
      context.moveTo(p.x, p.y);
    });
    canvas.addEventListener('pointermove', function (event) {
      if (!drawing) {
        return;
      }
      var p = point(event);
      context.lineTo(p.x, p.y);
      context.stroke();
      drawn = true;
    });
    ['pointerup', 'pointercancel'].forEach(function (type) {
      canvas.addEventListener(type, function () { drawing = false; });
    });
    return {
      clear: function () { context.clearRect(0, 0, canvas.width, canvas.height); drawn = false; },
      isDrawn: function () { return drawn; },
      dataUrl: function () { return canvas.toDataURL('image/png'); }
    };
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('[data-signing-form]');
    if (!form) {
      return;
    }
    // By link /api/v1/signing/{token}; signed in /api/v1/envelopes/{id}/sign (the page sets which).
    var base = form.getAttribute('data-api');
    var typedArea = form.querySelector('[data-typed-area]');
    var drawnArea = form.querySelector('[data-drawn-area]');
    var typed = form.querySelector('#typed-signature');
    var preview = form.querySelector('[data-typed-preview]');
    var pad = setUpPad(form.querySelector('[data-signature-pad]'));

    typed.addEventListener('input', function () { preview.textContent = typed.value; });
    form.querySelectorAll('input[name="signatureType"]').forEach(function (radio) {
      radio.addEventListener('change', function () {
        var drawnChosen = form.querySelector('input[name="signatureType"]:checked').value === 'DRAWN';
        drawnArea.hidden = !drawnChosen;
        typedArea.hidden = drawnChosen;
      });
    });
    form.querySelector('[data-clear-pad]').addEventListener('click', pad.clear);

    var sendCode = form.querySelector('[data-send-code]');
    if (sendCode) {
      sendCode.addEventListener('click', function () {
        post(base + '/code').then(function () { say('We e-mailed you a code. It works for 10 minutes.'); },
          function (error) { say(error.message); });
      });
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var type = form.querySelector('input[name="signatureType"]:checked').value;
      if (type === 'DRAWN' && !pad.isDrawn()) {
        say('Draw your signature first.');
        return;
      }
      var code = form.querySelector('#signing-code');
      var body = {
        signerName: form.querySelector('#signer-name').value,
        signatureType: type,
        typedSignature: type === 'TYPED' ? typed.value : null,
        imageDataUrl: type === 'DRAWN' ? pad.dataUrl() : null,
        consent: form.querySelector('input[name="consent"]').checked
      };
      // Only a page asking for a one-time code sends one (the hold-harmless API takes no such field).
      if (code) {
        body.code = code.value;
      }
      post(base, body).then(function () {
        // A page that shows the result itself (the hold-harmless agreement's) names where to go once signed.
        var done = form.getAttribute('data-done');
        if (done && done.charAt(0) === '/' && done.charAt(1) !== '/') {
          window.location.assign(done);
          return;
        }
        form.hidden = true;
        var decline = document.querySelector('.signing-decline');
        if (decline) {
          decline.hidden = true;
        }
        say('Thank you: you signed. Everyone receives the completed document once all have signed.');
      }, function (error) { say(error.message); });
    });

    var declineForm = document.querySelector('[data-decline-form]');
    if (!declineForm) {
      return;
    }
    declineForm.addEventListener('submit', function (event) {
      event.preventDefault();
      // The hold-harmless page names its own decline endpoint and where to go once declined.
      var declineApi = declineForm.getAttribute('data-api') || base + '/decline';
      post(declineApi, { reason: declineForm.querySelector('#decline-reason').value }).then(function () {
        var declined = declineForm.getAttribute('data-done');
        if (declined && declined.charAt(0) === '/' && declined.charAt(1) !== '/') {
          window.location.assign(declined);
          return;
        }
        form.hidden = true;
        declineForm.closest('details').hidden = true;
        say('You declined. The sender sees your reason.');
      }, function (error) { say(error.message); });
    });
  });
}());
