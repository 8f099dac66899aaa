/*
 * The new-contract wizard (templates/contracts/new.html): one form whose steps are shown one at a time, with Back and
 * Next. Without this script every step shows, one below the other, and the form still posts; the server checks
 * everything either way and sends a refused form back at the step with the first problem (data-start-step).
 * - Step 1 picks a template (its variables are shown in step 3, every other template's are disabled so they are not
 *   posted) or third-party paper (the file field shows, step 3 is skipped).
 * - Entering step 3 asks for the live preview (htmx, the custom event "wizard-preview"); typing refreshes it.
 * - Step 4 lists every answer before "Create contract".
 */
(function () {
    "use strict";

    function init(form) {
        var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
        var nav = form.querySelector("[data-wizard-nav]");
        var back = form.querySelector("[data-wizard-back]");
        var next = form.querySelector("[data-wizard-next]");
        var progress = document.querySelector("[data-wizard-progress]");
        var preview = form.querySelector("[data-wizard-preview]");
        var review = form.querySelector("[data-wizard-review]");
        var paperFile = form.querySelector("[data-paper-file]");
        var current = parseInt(form.getAttribute("data-start-step"), 10) || 1;

        function source() {
            var checked = form.querySelector("input[name='source']:checked");
            return checked ? checked.value : null;
        }

        function isPaper() {
            return source() === "paper";
        }

        function order() {
            return isPaper() ? [1, 2, 4] : [1, 2, 3, 4];
        }

        function step(number) {
            return form.querySelector("[data-step='" + number + "']");
        }

        function setEnabled(container, enabled) {
            container.querySelectorAll("input, select, textarea").forEach(function (field) {
                field.disabled = !enabled;
            });
        }

        function applySource() {
            var chosen = source();
            form.querySelectorAll("[data-template-variables]").forEach(function (set) {
                var mine = set.getAttribute("data-template-variables") === chosen;
                set.hidden = !mine;
                setEnabled(set, mine);
            });
            if (paperFile) {
                paperFile.hidden = !isPaper();
                setEnabled(paperFile, isPaper());
            }
        }

        function show(number) {
            if (order().indexOf(number) < 0) {
                number = order()[order().length - 1];
            }
            current = number;
            steps.forEach(function (element) {
                element.hidden = parseInt(element.getAttribute("data-step"), 10) !== number;
            });
            var position = order().indexOf(number);
            back.hidden = position === 0;
            next.hidden = position === order().length - 1;
            if (progress) {
                progress.querySelectorAll("[data-step-marker]").forEach(function (marker) {
                    var n = parseInt(marker.getAttribute("data-step-marker"), 10);
                    marker.hidden = order().indexOf(n) < 0;
                    if (n === number) {
                        marker.setAttribute("aria-current", "step");
                    } else {
                        marker.removeAttribute("aria-current");
                    }
                });
            }
            if (number === 3 && preview) {
                preview.dispatchEvent(new CustomEvent("wizard-preview", {bubbles: false}));
            }
            if (number === 4) {
                fillReview();
            }
        }

        function focusStep(number) {
            var title = step(number).querySelector(".wizard-step-title");
            if (title) {
                title.setAttribute("tabindex", "-1");
                title.focus();
            }
        }

        /* The browser's own checks of the step's fields, plus "choose something" in step 1 and the required variables. */
        function valid(number) {
            var container = step(number);
            var fields = Array.prototype.slice.call(container.querySelectorAll("input, select, textarea"))
                .filter(function (field) { return !field.disabled; });
            fields.forEach(function (field) { field.setCustomValidity(""); });
            if (number === 1) {
                var first = container.querySelector("input[name='source']");
                if (!source() && first) {
                    first.setCustomValidity("Choose a template, or upload the other party's paper.");
                    first.reportValidity();
                    return false;
                }
                var file = container.querySelector("input[type='file']");
                if (isPaper() && file && file.files.length === 0) {
                    file.setCustomValidity("Choose the PDF or DOCX file of the contract.");
                }
            }
            if (number === 3) {
                fields.forEach(function (field) {
                    if (field.getAttribute("aria-required") === "true" && field.value.trim() === "") {
                        field.setCustomValidity("Fill this in: the template needs it.");
                    }
                });
            }
            for (var i = 0; i < fields.length; i++) {
                if (!fields[i].checkValidity()) {
                    fields[i].reportValidity();
                    return false;
                }
            }
            return true;
        }

        function labelOf(field) {
            if (field.type === "radio") {
                var name = field.closest("label") && field.closest("label").querySelector(".template-card-name");
                return ["Start from", name ? name.textContent.trim() : field.value];
            }
            var label = field.id ? form.querySelector("label[for='" + field.id + "']") : null;
            var text = label ? label.textContent.replace(/\(optional[^)]*\)/, "").replace("*", "")
                .replace("(required)", "").trim() : field.name;
            if (field.type === "checkbox") {
                return [text, field.checked ? "Yes" : "No"];
            }
            if (field.type === "file") {
                return [text, field.files.length ? field.files[0].name : ""];
            }
            if (field.tagName === "SELECT") {
                return [text, field.selectedIndex >= 0 && field.value !== "" ? field.options[field.selectedIndex].text : ""];
            }
            return [text, field.value];
        }

        function fillReview() {
            if (!review) {
                return;
            }
            review.textContent = "";
            order().filter(function (n) { return n < 4; }).forEach(function (number) {
                step(number).querySelectorAll("input, select, textarea").forEach(function (field) {
                    if (field.disabled || field.type === "hidden" || (field.type === "radio" && !field.checked)) {
                        return;
                    }
                    var pair = labelOf(field);
                    if (pair[1] === "" && field.type !== "checkbox") {
                        return;
                    }
                    var term = document.createElement("dt");
                    term.textContent = pair[0];
                    var value = document.createElement("dd");
                    value.textContent = pair[1];
                    review.appendChild(term);
                    review.appendChild(value);
                });
            });
            review.hidden = false;
        }

        form.addEventListener("change", function (event) {
            if (event.target.name === "source") {
                applySource();
            }
        });
        back.addEventListener("click", function () {
            var position = order().indexOf(current);
            if (position > 0) {
                show(order()[position - 1]);
                focusStep(current);
            }
        });
        next.addEventListener("click", function () {
            if (!valid(current)) {
                return;
            }
            var position = order().indexOf(current);
            if (position < order().length - 1) {
                show(order()[position + 1]);
                focusStep(current);
            }
        });
        // Enter in a field of an earlier step goes to the next step, not straight to "create".
        form.addEventListener("submit", function (event) {
            if (current !== 4) {
                event.preventDefault();
                next.click();
            }
        });

        nav.hidden = false;
        if (progress) {
            progress.hidden = false;
        }
        applySource();
        show(current);
    }

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("[data-contract-wizard]").forEach(init);
    });
})();
