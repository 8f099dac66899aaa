/*
 * Rich text on the contract edit page (templates/contracts/edit.html, fragments/rich-editor.html): each textarea of
 * HTML gets a small formatting toolbar and an editable page in its place; the page is copied back into the textarea on
 * every change and before the form is sent, so the post is the same with or without this script. The server keeps
 * only allow-listed HTML. Annexures can be added (from the page's <template>) and removed.
 */
(function () {
    "use strict";

    var added = 0;

    function attach(editor) {
        var source = editor.querySelector("[data-rich-source]");
        var surface = editor.querySelector("[data-rich-surface]");
        var toolbar = editor.querySelector("[data-rich-toolbar]");
        if (!source || !surface || !toolbar || editor.hasAttribute("data-rich-ready")) {
            return;
        }
        editor.setAttribute("data-rich-ready", "");
        // The stored HTML was cleaned by the server's allow-list before it reached this page.
        surface.innerHTML = source.value;
        surface.id = source.id + "-surface";
        var label = editor.querySelector("label[for='" + source.id + "']");
        if (label) {
            label.setAttribute("for", surface.id);
            label.id = source.id + "-label";
            surface.setAttribute("aria-labelledby", label.id);
        }
        if (source.hasAttribute("aria-describedby")) {
            surface.setAttribute("aria-describedby", source.getAttribute("aria-describedby"));
        }
        toolbar.setAttribute("aria-controls", surface.id);
        source.hidden = true;
        surface.hidden = false;
        toolbar.hidden = false;

        function sync() {
            source.value = surface.innerHTML;
        }

        surface.addEventListener("input", sync);
        surface.addEventListener("blur", sync);
        toolbar.addEventListener("click", function (event) {
            var button = event.target.closest("[data-command]");
            if (!button) {
                return;
            }
            surface.focus();
            var value = button.getAttribute("data-value");
            document.execCommand(button.getAttribute("data-command"), false, value ? "<" + value + ">" : null);
            sync();
        });
        // A label click does not focus a contenteditable by itself.
        if (label) {
            label.addEventListener("click", function () { surface.focus(); });
        }
    }

    function renumber(editor, suffix) {
        editor.querySelectorAll("[id]").forEach(function (element) {
            element.id = element.id + "-" + suffix;
        });
        editor.querySelectorAll("label[for]").forEach(function (label) {
            label.setAttribute("for", label.getAttribute("for") + "-" + suffix);
        });
    }

    function initAnnexures(section) {
        var template = section.querySelector("[data-annexure-template]");
        var add = section.querySelector("[data-add-annexure]");
        if (!template || !add) {
            return;
        }
        section.querySelectorAll("[data-remove-annexure]").forEach(function (button) {
            button.hidden = false;
        });
        add.hidden = false;
        add.addEventListener("click", function () {
            added += 1;
            var fragment = template.content.cloneNode(true);
            var annexure = fragment.querySelector("[data-annexure]");
            var title = annexure.querySelector("[data-id='title']");
            var titleLabel = annexure.querySelector("[data-for='title']");
            title.id = "c-annexure-title-new-" + added;
            titleLabel.setAttribute("for", title.id);
            renumber(annexure.querySelector("[data-rich-editor]"), added);
            template.parentNode.insertBefore(fragment, template);
            var empty = section.querySelector("[data-no-annexures]");
            if (empty) {
                empty.hidden = true;
            }
            attach(annexure.querySelector("[data-rich-editor]"));
            title.focus();
        });
        section.addEventListener("click", function (event) {
            var remove = event.target.closest("[data-remove-annexure]");
            if (remove) {
                remove.closest("[data-annexure]").remove();
                add.focus();
            }
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("[data-contract-edit]").forEach(function (form) {
            form.querySelectorAll("[data-rich-editor]").forEach(attach);
            form.querySelectorAll("[data-annexures]").forEach(initAnnexures);
            form.addEventListener("submit", function () {
                form.querySelectorAll("[data-rich-editor][data-rich-ready]").forEach(function (editor) {
                    editor.querySelector("[data-rich-source]").value = editor.querySelector("[data-rich-surface]").innerHTML;
                });
            });
        });
    });
})();
