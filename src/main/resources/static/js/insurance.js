/*
 * Insurance pages: rows of additional insureds on the project form (add / remove), and the program builder
 * (tiers added and removed, validated as you type through POST /api/v1/programs/validate). Without script
 * the forms still post; the server checks everything again.
 */
(function () {
    'use strict';

    function insuredRows() {
        document.querySelectorAll('[data-insured-rows]').forEach(function (set) {
            var add = set.querySelector('[data-add-insured]');
            function wire(row) {
                var remove = row.querySelector('[data-remove-insured]');
                remove.hidden = false;
                remove.addEventListener('click', function () {
                    if (set.querySelectorAll('[data-insured-row]').length > 1) {
                        row.remove();
                    } else {
                        row.querySelector('input').value = '';
                    }
                });
            }
            set.querySelectorAll('[data-insured-row]').forEach(wire);
            add.hidden = false;
            add.addEventListener('click', function () {
                var rows = set.querySelectorAll('[data-insured-row]');
                var copy = rows[rows.length - 1].cloneNode(true);
                var input = copy.querySelector('input');
                var id = 'p-insured-' + Date.now();
                input.value = '';
                input.id = id;
                copy.querySelector('label').setAttribute('for', id);
                set.insertBefore(copy, add);
                wire(copy);
                input.focus();
            });
        });
    }

    /** The page's CSRF header (the session cookie signs the call in, as for htmx). */
    function csrf() {
        var token = document.querySelector('meta[name="csrf-token"]');
        var header = document.querySelector('meta[name="csrf-header"]');
        return token && header ? {name: header.content, value: token.content} : null;
    }

    function numberOrNull(value) {
        var digits = (value || '').replace(/[$,\s]/g, '');
        return digits === '' ? null : Number(digits);
    }

    /** The builder's form as the API's program body. */
    function programBody(form) {
        var body = {
            name: form.elements.name.value,
            description: form.elements.description.value,
            minimums: {},
            wcStatutoryRequired: form.elements.wcStatutoryRequired.checked,
            additionalInsuredRequired: form.elements.additionalInsuredRequired.checked,
            aiNameGc: form.elements.aiNameGc.checked,
            aiNameOwner: form.elements.aiNameOwner.checked,
            aiNameProjectInsureds: form.elements.aiNameProjectInsureds.checked,
            waiverOfSubrogationRequired: form.elements.waiverOfSubrogationRequired.checked,
            primaryNonContributoryRequired: form.elements.primaryNonContributoryRequired.checked,
            holdHarmlessRequired: form.elements.holdHarmlessRequired.checked,
            holdHarmlessTemplate: form.elements.holdHarmlessTemplate.value,
            minimumCarrierRating: form.elements.minimumCarrierRating.value,
            requiredEndorsements: form.elements.requiredEndorsements.value.split(','),
            tiers: []
        };
        form.querySelectorAll('[data-minimum]').forEach(function (input) {
            var amount = numberOrNull(input.value);
            if (amount !== null && !isNaN(amount)) {
                body.minimums[input.getAttribute('data-minimum')] = amount;
            }
        });
        form.querySelectorAll('[data-tier]').forEach(function (tier) {
            var minimums = {};
            tier.querySelectorAll('[data-tier-minimum]').forEach(function (input) {
                var amount = numberOrNull(input.value);
                if (amount !== null && !isNaN(amount)) {
                    minimums[input.getAttribute('data-tier-minimum')] = amount;
                }
            });
            body.tiers.push({
                name: tier.querySelector('[data-tier-name]').value,
                trades: tier.querySelector('[data-tier-trades]').value.split(','),
                allOtherTrades: tier.querySelector('[data-tier-all-other]').checked,
                minimums: minimums
            });
        });
        return body;
    }

    /** Renames the tier inputs tiers[0].name, … in their order, as the server reads them. */
    function renumber(form) {
        form.querySelectorAll('[data-tier]').forEach(function (tier, index) {
            tier.querySelectorAll('[data-tier-field]').forEach(function (input) {
                input.name = 'tiers[' + index + '].' + input.getAttribute('data-tier-field');
            });
            var heading = tier.querySelector('[data-tier-heading]');
            if (heading) {
                heading.textContent = 'Tier ' + (index + 1);
            }
        });
    }

    function programBuilder() {
        var form = document.querySelector('[data-program-builder]');
        if (!form) {
            return;
        }
        var problems = document.getElementById('program-problems');
        var list = problems.querySelector('ul');
        var template = document.getElementById('tier-template');
        var pending = null;

        function validate() {
            var headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
            var token = csrf();
            if (token) {
                headers[token.name] = token.value;
            }
            fetch(form.getAttribute('data-validate-url'), {
                method: 'POST', headers: headers, credentials: 'same-origin', body: JSON.stringify(programBody(form))
            }).then(function (response) {
                return response.ok ? response.json() : null;
            }).then(function (answer) {
                if (!answer) {
                    return;
                }
                list.innerHTML = '';
                answer.problems.forEach(function (problem) {
                    var item = document.createElement('li');
                    item.textContent = problem.message;
                    list.appendChild(item);
                });
                problems.hidden = answer.valid;
                problems.setAttribute('data-valid', answer.valid ? 'true' : 'false');
            }).catch(function () { /* the server checks again on save */ });
        }

        function soon() {
            clearTimeout(pending);
            pending = setTimeout(validate, 300);
        }

        function wireTier(tier) {
            var remove = tier.querySelector('[data-remove-tier]');
            remove.hidden = false;
            remove.addEventListener('click', function () {
                tier.remove();
                renumber(form);
                soon();
            });
        }

        form.querySelectorAll('[data-tier]').forEach(wireTier);
        var add = form.querySelector('[data-add-tier]');
        add.hidden = false;
        add.addEventListener('click', function () {
            var tier = template.content.firstElementChild.cloneNode(true);
            document.getElementById('tiers').appendChild(tier);
            wireTier(tier);
            renumber(form);
            tier.querySelector('[data-tier-name]').focus();
            soon();
        });
        form.addEventListener('input', soon);
        form.addEventListener('change', soon);
        renumber(form);
    }

    document.addEventListener('DOMContentLoaded', function () {
        insuredRows();
        programBuilder();
    });
}());
