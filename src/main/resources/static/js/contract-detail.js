/* Contract pages (contracts/detail.html, contracts/approvals.html). The approval queue's "Request revision" and
   "Reject" open one <dialog> asking for the comment; without script those buttons stay hidden and the "Review" link
   opens the contract, whose page has the same actions as plain forms. No inline script anywhere (CSP). */
(function () {
  'use strict';

  function setupDecisionDialog() {
    var dialog = document.getElementById('decision-dialog');
    if (!dialog || typeof dialog.showModal !== 'function') {
      return;
    }
    var form = dialog.querySelector('[data-decision-form]');
    var comment = dialog.querySelector('textarea[name=comment]');
    var opener = null;

    Array.prototype.forEach.call(document.querySelectorAll('[data-decision-open]'), function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        opener = button;
        form.setAttribute('action', button.getAttribute('data-action'));
        dialog.querySelector('[data-decision-approval]').value = button.getAttribute('data-approval');
        dialog.querySelector('[data-decision-title]').textContent = button.getAttribute('data-title');
        dialog.querySelector('[data-decision-submit]').textContent = button.getAttribute('data-submit');
        comment.value = '';
        dialog.showModal();
        comment.focus();
      });
    });

    dialog.querySelector('[data-decision-cancel]').addEventListener('click', function () {
      dialog.close();
    });
    dialog.addEventListener('close', function () {
      if (opener && document.contains(opener)) {
        opener.focus();
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setupDecisionDialog);
  } else {
    setupDecisionDialog();
  }
}());
