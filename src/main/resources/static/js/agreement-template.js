/*
 * The hold-harmless template editor (fragments/agreement-editor: the program page and the organization's default
 * template page). A click on a placeholder inserts it at the cursor; "Start from the default template" copies the
 * organization's default in (GET data-default-url); the preview follows what you type (400 ms after the last key)
 * through POST data-preview-url ({"templateHtml"} -> {"html"}, or a 400 problem naming an unknown placeholder).
 *
 * The preview's HTML is sanitised by the server (jsoup's allow-list). It is still never assigned to innerHTML: it is
 * parsed by DOMParser into an inert document (no script runs, nothing loads there) and rebuilt element by element
 * from a short allow-list of tags and attributes, so that even a server mistake cannot put script, styles, links or
 * event handlers into the page (the CSP's script-src 'self' forbids inline script as well). A sandboxed iframe would
 * have been the other choice, but its srcdoc document has an opaque origin, so it could not use the app's stylesheet
 * (style-src 'self') nor size itself to its content without script.
 * Without script the textarea is a plain form field: the form posts and the server checks the placeholders.
 */
(function () {
    'use strict';

    var DELAY_MS = 400;
    var TAGS = ['b', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'div', 'dl', 'dt', 'em',
        'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'i', 'li', 'ol', 'p', 'pre', 'q', 'small', 'span', 'strike', 'strong',
        'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul'];
    var ATTRIBUTES = ['class', 'colspan', 'rowspan', 'scope', 'start', 'span'];
    var DROPPED = ['script', 'style', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'link', 'meta', 'img',
        'form', 'input', 'button', 'select', 'textarea', 'noscript'];

    function csrfHeaders() {
        var headers = {'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json'};
        var token = document.querySelector('meta[name="csrf-token"]');
        var header = document.querySelector('meta[name="csrf-header"]');
        if (token && header) {
            headers[header.content] = token.content;
        }
        return headers;
    }

    /** A safe copy of {@code source}'s children appended to {@code target} (allowed tags and attributes only). */
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
                copySafely(node, target);
                return;
            }
            var copy = document.createElement(tag);
            ATTRIBUTES.forEach(function (name) {
                var value = node.getAttribute(name);
                if (value !== null) {
                    copy.setAttribute(name, value);
                }
            });
            copySafely(node, copy);
            target.appendChild(copy);
        });
    }

    function render(preview, html) {
        var parsed = new DOMParser().parseFromString('<!DOCTYPE html><html><body>' + html + '</body></html>',
            'text/html');
        var fragment = document.createDocumentFragment();
        copySafely(parsed.body, fragment);
        preview.replaceChildren(fragment);
    }

    /** The problem's own sentence: the field's message (it names the placeholder), else its detail. */
    function problemMessage(problem) {
        if (problem && problem.errors && problem.errors.length && problem.errors[0].message) {
            return problem.errors[0].message;
        }
        return problem && problem.detail ? problem.detail : 'The preview could not be made.';
    }

    function insertAtCursor(textarea, text) {
        // A textarea keeps its selection when a click on a button takes the focus away.
        var start = textarea.selectionStart;
        var end = textarea.selectionEnd;
        textarea.focus();
        textarea.setRangeText(text, start, end, 'end');
        textarea.dispatchEvent(new Event('input', {bubbles: true}));
    }

    function wire(editor) {
        var textarea = editor.querySelector('textarea');
        if (!textarea || textarea.readOnly || textarea.disabled) {
            return;
        }
        var note = editor.querySelector('[data-uses-default]');
        var startFromDefault = editor.querySelector('[data-start-from-default]');
        var pane = editor.querySelector('[data-preview-pane]');
        var previewUrl = editor.getAttribute('data-preview-url');
        var defaultUrl = editor.getAttribute('data-default-url');
        var preview = pane ? pane.querySelector('[data-preview]') : null;
        var error = pane ? pane.querySelector('[data-preview-error]') : null;
        var pending = null;
        var sequence = 0;

        editor.querySelectorAll('[data-placeholder]').forEach(function (button) {
            button.addEventListener('click', function () {
                insertAtCursor(textarea, button.getAttribute('data-placeholder'));
            });
        });

        function showProblem(message) {
            error.textContent = message;
            error.hidden = false;
            textarea.setAttribute('aria-invalid', 'true');
            editor.setAttribute('data-preview-state', 'error');
        }

        function refresh() {
            var mine = ++sequence;
            editor.setAttribute('data-preview-state', 'loading');
            fetch(previewUrl, {
                method: 'POST', headers: csrfHeaders(), credentials: 'same-origin',
                body: JSON.stringify({templateHtml: textarea.value})
            }).then(function (response) {
                return response.json().catch(function () {
                    return null;
                }).then(function (body) {
                    return {ok: response.ok, body: body};
                });
            }).then(function (answer) {
                if (mine !== sequence) {
                    return;
                }
                if (answer.ok && answer.body && typeof answer.body.html === 'string') {
                    render(preview, answer.body.html);
                    error.hidden = true;
                    error.textContent = '';
                    textarea.removeAttribute('aria-invalid');
                    editor.setAttribute('data-preview-state', 'ready');
                } else {
                    showProblem(problemMessage(answer.body));
                }
            }).catch(function () {
                if (mine === sequence) {
                    showProblem('The preview could not be fetched; the template is checked again when you save.');
                }
            });
        }

        function soon() {
            clearTimeout(pending);
            pending = setTimeout(refresh, DELAY_MS);
        }

        function followEmptiness() {
            if (note) {
                note.hidden = textarea.value.trim() !== '';
            }
        }

        textarea.addEventListener('input', function () {
            followEmptiness();
            if (pane) {
                soon();
            }
        });

        if (startFromDefault && defaultUrl) {
            startFromDefault.hidden = false;
            startFromDefault.addEventListener('click', function () {
                fetch(defaultUrl, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
                    .then(function (response) {
                        return response.ok ? response.json() : null;
                    }).then(function (body) {
                        if (body && typeof body.html === 'string') {
                            textarea.value = body.html;
                            textarea.dispatchEvent(new Event('input', {bubbles: true}));
                            textarea.focus();
                        }
                    }).catch(function () { /* the button simply does nothing more */ });
            });
        }

        if (pane && previewUrl && preview && error) {
            pane.hidden = false;
            refresh();
        }
    }

    function start() {
        document.querySelectorAll('.agreement-editor').forEach(wire);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
