/*
 * The ACORD 25 beside the policy form (templates/insurance/certificates, fragment acord-page): focusing a value
 * outlines its place on the page image. The places come from the server, in percent of the page
 * ([data-acord-boxes] li: data-key "GL.policyNumber", data-box "left top width height"); each input names its
 * field (data-acord-field), and its line is the limits group it sits in or the row's chosen line. Without this
 * script the page and the form work as they are, without the outline.
 */
(function () {
    "use strict";

    function places(frame) {
        var map = {};
        frame.querySelectorAll("[data-acord-boxes] li").forEach(function (li) {
            map[li.getAttribute("data-key")] = li.getAttribute("data-box").split(" ");
        });
        return map;
    }

    function lineOf(input) {
        var group = input.closest("[data-limits-of]");
        if (group) {
            return group.getAttribute("data-limits-of");
        }
        var row = input.closest("[data-policy-row]");
        var select = row ? row.querySelector("[data-policy-line]") : null;
        return select ? select.value : null;
    }

    function init() {
        var frame = document.querySelector("[data-acord-page]");
        if (!frame) {
            return;
        }
        var box = frame.querySelector("[data-acord-box]");
        var map = places(frame);
        document.addEventListener("focusin", function (event) {
            var input = event.target.closest ? event.target.closest("[data-acord-field]") : null;
            if (!input) {
                return;
            }
            var key = lineOf(input) + "." + input.getAttribute("data-acord-field");
            var place = map[key];
            if (!place) {
                box.hidden = true;
                frame.removeAttribute("data-highlighted");
                return;
            }
            box.style.left = place[0] + "%";
            box.style.top = place[1] + "%";
            box.style.width = place[2] + "%";
            box.style.height = place[3] + "%";
            box.hidden = false;
            frame.setAttribute("data-highlighted", key);
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
