/*
 * The certificate pages (templates/insurance/certificates): add and remove policy rows and deficiency rows,
 * show the limit fields of a row's line of coverage, switch the broker form between one broker and one per
 * policy, and suggest known brokers while a name or e-mail is typed (GET /api/v1/brokers/search).
 * Without this script the forms still post: the rows shown are sent as they are.
 */
(function () {
    "use strict";

    function showLimits(row) {
        var select = row.querySelector("[data-policy-line]");
        if (!select) {
            return;
        }
        row.querySelectorAll("[data-limits-of]").forEach(function (group) {
            group.hidden = group.getAttribute("data-limits-of") !== select.value;
        });
    }

    function policyRows(form) {
        var container = form.querySelector("[data-policy-rows]");
        var template = form.querySelector("template[data-policy-template]");
        var add = form.querySelector("[data-policy-add]");
        if (!container || !template || !add) {
            return;
        }
        var next = container.querySelectorAll("[data-policy-row]").length;
        function wire(row) {
            var remove = row.querySelector("[data-policy-remove]");
            remove.hidden = false;
            remove.addEventListener("click", function () {
                row.remove();
            });
            row.querySelector("[data-policy-line]").addEventListener("change", function () {
                showLimits(row);
            });
            showLimits(row);
        }
        container.querySelectorAll("[data-policy-row]").forEach(wire);
        add.hidden = false;
        add.addEventListener("click", function () {
            var html = template.innerHTML.replace(/__i__/g, String(next));
            next += 1;
            var holder = document.createElement("div");
            holder.innerHTML = html;
            var row = holder.querySelector("[data-policy-row]");
            container.appendChild(row);
            wire(row);
            row.querySelector("[data-policy-line]").focus();
        });
    }

    function deficiencyRows(form) {
        var container = form.querySelector("[data-deficiency-rows]");
        var add = form.querySelector("[data-deficiency-add]");
        if (!container || !add) {
            return;
        }
        var next = container.querySelectorAll("[data-deficiency-row]").length;
        function wire(row) {
            var remove = row.querySelector("[data-deficiency-remove]");
            remove.hidden = false;
            remove.addEventListener("click", function () {
                row.remove();
            });
        }
        container.querySelectorAll("[data-deficiency-row]").forEach(wire);
        add.hidden = false;
        add.addEventListener("click", function () {
            var first = container.querySelector("[data-deficiency-row]");
            if (!first) {
                return;
            }
            var row = first.cloneNode(true);
            var index = next;
            next += 1;
            row.querySelectorAll("input, select, label, p.field-error").forEach(function (el) {
                ["name", "id", "for"].forEach(function (attr) {
                    var value = el.getAttribute(attr);
                    if (value) {
                        el.setAttribute(attr, value.replace(/deficienc(y|ies)([-\[])\d+/, "deficienc$1$2" + index));
                    }
                });
                if (el.matches("input")) {
                    el.value = "";
                    el.removeAttribute("aria-invalid");
                }
                if (el.matches("select")) {
                    el.selectedIndex = 0;
                }
                if (el.matches("p.field-error")) {
                    el.remove();
                }
            });
            container.appendChild(row);
            wire(row);
            row.querySelector("input").focus();
        });
    }

    function brokerForm(form) {
        var radios = form.querySelectorAll("[data-broker-type]");
        function toggle() {
            var perPolicy = form.querySelector("[data-broker-type][value=PER_POLICY]").checked;
            form.querySelectorAll("[data-broker-line]").forEach(function (fieldset) {
                var global = fieldset.getAttribute("data-broker-line") === "GLOBAL";
                fieldset.hidden = global ? perPolicy : !perPolicy;
            });
        }
        radios.forEach(function (radio) {
            radio.addEventListener("change", toggle);
        });
        form.querySelectorAll("[data-broker-line]").forEach(brokerSearch);
    }

    function brokerSearch(fieldset) {
        var list = fieldset.querySelector("[data-broker-suggestions]");
        var timer = null;
        var asked = 0;
        function field(name) {
            return fieldset.querySelector("[data-broker-field=" + name + "]");
        }
        function choose(broker) {
            ["name", "company", "email", "phone"].forEach(function (name) {
                field(name).value = broker[name] || "";
            });
            list.hidden = true;
            list.replaceChildren();
        }
        function search(q) {
            var number = ++asked;
            var url = "/api/v1/brokers/search?size=5&q=" + encodeURIComponent(q);
            var type = list.getAttribute("data-policy-type");
            if (type) {
                url += "&policyType=" + encodeURIComponent(type);
            }
            fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
                .then(function (response) {
                    return response.ok ? response.json() : {content: []};
                })
                .then(function (page) {
                    if (number !== asked) {
                        return;
                    }
                    list.replaceChildren();
                    page.content.forEach(function (broker) {
                        var item = document.createElement("li");
                        var button = document.createElement("button");
                        button.type = "button";
                        button.className = "btn btn-ghost btn-sm";
                        button.setAttribute("data-broker-suggestion", broker.email);
                        button.textContent = "Use " + broker.name + (broker.company ? " (" + broker.company + ")" : "")
                            + " · " + broker.email;
                        button.addEventListener("click", function () {
                            choose(broker);
                        });
                        item.appendChild(button);
                        list.appendChild(item);
                    });
                    list.hidden = page.content.length === 0;
                })
                .catch(function () {
                    list.hidden = true;
                });
        }
        ["name", "email", "company"].forEach(function (name) {
            var input = field(name);
            if (!input) {
                return;
            }
            input.setAttribute("autocomplete", "off");
            input.addEventListener("input", function () {
                var q = input.value.trim();
                window.clearTimeout(timer);
                if (q.length < 2) {
                    list.hidden = true;
                    return;
                }
                timer = window.setTimeout(function () {
                    search(q);
                }, 200);
            });
        });
    }

    function start() {
        document.querySelectorAll("form").forEach(function (form) {
            policyRows(form);
            deficiencyRows(form);
            if (form.hasAttribute("data-broker-form")) {
                brokerForm(form);
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
