/*
 * The contract template editor (templates/contracts/templates/editor.html).
 *
 * - Each [data-ctpl-rich] textarea becomes a small rich-text editor: a toolbar (bold, italic, underline, heading,
 *   subheading, paragraph, bulleted and numbered list, insert placeholder) over a contenteditable area. The textarea
 *   stays the form field (hidden): every change copies the area's HTML into it, so the form posts it as before.
 *   The server sanitises whatever arrives (jsoup allow-list); the area is filled from the textarea through an inert
 *   DOMParser document copied element by element from a short allow-list, so nothing typed or pasted earlier can
 *   run script here.
 * - Annexures: add, remove, move up and down (the order of the fields is the order posted).
 * - Variables: a row's "Insert" puts its placeholder at the cursor of the last edited area; choices show for CHOICE.
 * - The preview (htmx, hx-trigger "ctpl-refresh from:body") is asked for after each change, 700 ms after the last.
 * Without script the textareas take HTML and the form posts; the server checks everything either way.
 */
(function () {
    'use strict';

    var TAGS = ['a', 'b', 'blockquote', 'br', 'caption', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'h1', 'h2', 'h3', 'h4',
        'h5', 'h6', 'hr', 'i', 'li', 'ol', 'p', 'pre', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody',
        'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul'];
    var ATTRIBUTES = ['colspan', 'rowspan'];
    var DROPPED = ['script', 'style', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'link', 'meta', 'img',
        'form', 'input', 'button', 'select', 'textarea', 'noscript', 'head', 'title'];
    var KEY = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
    var lastEditor = null;

    function copySafely(source, target) {
        Array.prototype.forEach.call(source.childNodes, function (node) {
            if (node.nodeType === Node.TEXT_NODE) {
                target.appendChild(document.createTextNode(node.nodeValue));
                return;
            }
            if (node.nodeType !== Node.ELEMENT_NODE) {
                return;
            }
            var tag = node.tagName.toLowerCase();
            if (DROPPED.indexOf(tag) >= 0) {
                return;
            }
            if (TAGS.indexOf(tag) < 0) {
                copySafely(node, target); // unknown wrapper: keep its content
                return;
            }
            var copy = document.createElement(tag);
            ATTRIBUTES.forEach(function (name) {
                if (node.hasAttribute(name)) {
                    copy.setAttribute(name, node.getAttribute(name));
                }
            });
            if (tag === 'a' && /^(https?:|mailto:)/i.test(node.getAttribute('href') || '')) {
                copy.setAttribute('href', node.getAttribute('href'));
            }
            copySafely(node, copy);
            target.appendChild(copy);
        });
    }

    function refresh() {
        document.body.dispatchEvent(new CustomEvent('ctpl-refresh', {bubbles: true}));
    }

    function button(label, title, action) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'btn btn-ghost btn-sm ctpl-tool';
        b.textContent = label;
        b.title = title;
        b.setAttribute('aria-label', title);
        b.addEventListener('mousedown', function (event) {
            event.preventDefault(); // keep the selection in the editing area
        });
        b.addEventListener('click', action);
        return b;
    }

    // Where the cursor last was in each editing area: focus() alone puts it at the start of the area once the
    // focus has been elsewhere (the placeholder key input, a variable row's "Insert"), so it is put back first.
    var ranges = new WeakMap();

    document.addEventListener('selectionchange', function () {
        var selection = document.getSelection();
        if (!selection || selection.rangeCount === 0) {
            return;
        }
        var range = selection.getRangeAt(0);
        var node = range.startContainer;
        var area = (node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode);
        area = area && area.closest ? area.closest('.ctpl-area') : null;
        if (area) {
            ranges.set(area, range.cloneRange());
        }
    });

    function insertText(area, text) {
        area.focus();
        var range = ranges.get(area);
        if (range && area.contains(range.startContainer) && area.contains(range.endContainer)) {
            var selection = document.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }
        if (!document.execCommand('insertText', false, text)) {
            area.appendChild(document.createTextNode(text));
        }
        area.dispatchEvent(new Event('input', {bubbles: true}));
    }

    function makeRich(wrapper) {
        if (wrapper.hasAttribute('data-ctpl-ready')) {
            return;
        }
        wrapper.setAttribute('data-ctpl-ready', '');
        var source = wrapper.querySelector('textarea');
        var area = document.createElement('div');
        area.className = 'ctpl-area ctpl-document';
        area.contentEditable = 'true';
        area.setAttribute('role', 'textbox');
        area.setAttribute('aria-multiline', 'true');
        ['aria-label', 'aria-labelledby', 'aria-describedby'].forEach(function (name) {
            if (source.hasAttribute(name)) {
                area.setAttribute(name, source.getAttribute(name));
            }
        });
        var parsed = new DOMParser().parseFromString(source.value || '', 'text/html');
        copySafely(parsed.body, area);

        function command(name, value) {
            return function () {
                area.focus();
                document.execCommand(name, false, value);
                sync();
            };
        }
        var toolbar = document.createElement('div');
        toolbar.className = 'ctpl-toolbar cluster';
        toolbar.setAttribute('role', 'toolbar');
        toolbar.setAttribute('aria-label', 'Formatting');
        toolbar.appendChild(button('B', 'Bold', command('bold')));
        toolbar.appendChild(button('I', 'Italic', command('italic')));
        toolbar.appendChild(button('U', 'Underline', command('underline')));
        toolbar.appendChild(button('H2', 'Heading', command('formatBlock', 'h2')));
        toolbar.appendChild(button('H3', 'Subheading', command('formatBlock', 'h3')));
        toolbar.appendChild(button('¶', 'Paragraph', command('formatBlock', 'p')));
        toolbar.appendChild(button('• List', 'Bulleted list', command('insertUnorderedList')));
        toolbar.appendChild(button('1. List', 'Numbered list', command('insertOrderedList')));
        var keyInput = document.createElement('input');
        keyInput.type = 'text';
        keyInput.className = 'input ctpl-key-input';
        keyInput.placeholder = 'CLIENT_NAME';
        keyInput.setAttribute('aria-label', 'Placeholder key to insert');
        keyInput.maxLength = 60;
        toolbar.appendChild(keyInput);
        function insertPlaceholder() {
            var key = keyInput.value.trim().toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
            if (!KEY.test(key)) {
                keyInput.setAttribute('aria-invalid', 'true');
                keyInput.focus();
                return;
            }
            keyInput.removeAttribute('aria-invalid');
            keyInput.value = '';
            insertText(area, '{{' + key + '}}');
        }
        toolbar.appendChild(button('Insert {{…}}', 'Insert placeholder', insertPlaceholder));
        // Enter in the key input inserts, rather than submitting the whole form half-written.
        keyInput.addEventListener('keydown', function (event) {
            if (event.key === 'Enter') {
                event.preventDefault();
                insertPlaceholder();
            }
        });

        function sync() {
            source.value = area.innerHTML;
            refresh();
        }
        area.addEventListener('input', sync);
        area.addEventListener('focus', function () {
            lastEditor = area;
        });
        source.hidden = true;
        wrapper.insertBefore(toolbar, source);
        wrapper.insertBefore(area, source);
        if (!lastEditor) {
            lastEditor = area;
        }
    }

    function annexureButtons(fieldset) {
        var buttons = fieldset.querySelector('[data-ctpl-annexure-buttons]');
        if (buttons) {
            buttons.hidden = false;
        }
    }

    function initAnnexures(form) {
        var list = form.querySelector('[data-ctpl-annexures]');
        var add = form.querySelector('[data-ctpl-add-annexure]');
        var template = document.getElementById('ctpl-annexure-template');
        if (!list || !add || !template) {
            return;
        }
        var added = 0;
        add.hidden = false;
        list.querySelectorAll('[data-ctpl-annexure]').forEach(annexureButtons);
        add.addEventListener('click', function () {
            var fragment = template.content.cloneNode(true);
            var fieldset = fragment.querySelector('[data-ctpl-annexure]');
            added++;
            fieldset.querySelectorAll('[id]').forEach(function (element) {
                var id = element.id + '-' + added;
                var label = fieldset.querySelector('label[for="' + element.id + '"]');
                if (label) {
                    label.htmlFor = id;
                }
                element.id = id;
            });
            list.appendChild(fragment);
            annexureButtons(fieldset);
            makeRich(fieldset.querySelector('[data-ctpl-rich]'));
            fieldset.querySelector('input[name="annexureTitle"]').focus();
            refresh();
        });
        list.addEventListener('click', function (event) {
            var target = event.target.closest('button');
            if (!target) {
                return;
            }
            var fieldset = target.closest('[data-ctpl-annexure]');
            if (target.hasAttribute('data-ctpl-remove-annexure')) {
                fieldset.remove();
                add.focus();
                refresh();
            } else if (target.getAttribute('data-ctpl-move') === 'up' && fieldset.previousElementSibling) {
                list.insertBefore(fieldset, fieldset.previousElementSibling);
                target.focus();
                refresh();
            } else if (target.getAttribute('data-ctpl-move') === 'down' && fieldset.nextElementSibling) {
                list.insertBefore(fieldset.nextElementSibling, fieldset);
                target.focus();
                refresh();
            }
        });
    }

    /** Choices only for a CHOICE; "Insert" buttons; run again when htmx replaces the panel. */
    function initVariables(root) {
        root.querySelectorAll('.ctpl-variable').forEach(function (row) {
            var type = row.querySelector('[data-ctpl-type]');
            var choices = row.querySelector('[data-ctpl-choices]');
            function show() {
                if (choices) {
                    choices.hidden = type.value !== 'CHOICE';
                }
            }
            if (type && !type.hasAttribute('data-ctpl-ready')) {
                type.setAttribute('data-ctpl-ready', '');
                type.addEventListener('change', show);
            }
            show();
            var insert = row.querySelector('[data-ctpl-insert]');
            if (insert) {
                insert.hidden = false;
            }
        });
    }

    function init() {
        var form = document.querySelector('[data-ctpl-editor]');
        if (!form) {
            return;
        }
        form.querySelectorAll('[data-ctpl-annexures] [data-ctpl-rich], section > [data-ctpl-rich]').forEach(makeRich);
        initAnnexures(form);
        initVariables(form);
        form.addEventListener('click', function (event) {
            var insert = event.target.closest('[data-ctpl-insert]');
            if (insert && lastEditor && document.body.contains(lastEditor)) {
                insertText(lastEditor, insert.getAttribute('data-placeholder'));
            }
        });
        // A change in the variable panel (a sample value, a type) refreshes the preview too.
        form.addEventListener('change', function (event) {
            if (event.target.closest('#ctpl-variables')) {
                refresh();
            }
        });
        form.addEventListener('input', function (event) {
            if (event.target.closest('#ctpl-variables')) {
                refresh();
            }
        });
        document.body.addEventListener('htmx:oobAfterSwap', function () {
            var panel = document.getElementById('ctpl-variables');
            if (panel) {
                initVariables(panel);
            }
        });
        form.addEventListener('submit', function () {
            form.querySelectorAll('.ctpl-area').forEach(function (area) {
                var source = area.parentNode.querySelector('textarea');
                if (source) {
                    source.value = area.innerHTML;
                }
            });
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
