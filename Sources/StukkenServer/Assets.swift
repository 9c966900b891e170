import Stukken

/// The form's stylesheet and its one small script, served by the binary itself: no
/// external fonts, scripts or CDNs.
enum Assets {
    static let css = """
        :root { --rand: #b8c2cc; --accent: #004b87; --fout: #b00020; --hulp: #44505c; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.45 system-ui, "Segoe UI", Arial, sans-serif; color: #1a1a1a; background: #f4f6f8; }
        header { display: flex; flex-wrap: wrap; gap: 1em; align-items: center; padding: .5em 1.25em; background: var(--accent); color: #fff; }
        header a { color: #fff; }
        .merk { margin: 0; font-weight: 700; font-size: 1.15em; }
        .merk a { text-decoration: none; }
        nav ul { display: flex; flex-wrap: wrap; gap: .25em 1em; list-style: none; margin: 0; padding: 0; }
        nav a[aria-current] { font-weight: 700; text-decoration-thickness: 3px; }
        main { padding: 1em 1.25em 3em; }
        h1 { margin: .2em 0 .6em; font-size: 1.6em; }
        .werkblad { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5em; align-items: start; }
        @media (max-width: 900px) { .werkblad { grid-template-columns: 1fr; } }
        .formulier { background: #fff; border: 1px solid var(--rand); border-radius: 6px; padding: 1em; }
        .voorbeeld { position: sticky; top: .5em; }
        .voorbeeld h2 { margin: 0 0 .3em; font-size: 1.1em; }
        #voorbeeld { width: 100%; height: calc(100vh - 4em); border: 1px solid var(--rand); border-radius: 6px; background: #fff; }
        .veld { margin: 0 0 1em; }
        label, legend { display: block; font-weight: 600; }
        .verplicht { font-weight: 400; color: var(--fout); font-size: .9em; }
        .hulp { color: var(--hulp); font-size: .92em; margin: .15em 0 .3em; }
        .hulp p { margin: 0; }
        .soort { color: var(--hulp); font-size: .85em; margin: .2em 0 0; }
        input[type=text], textarea, select { width: 100%; font: inherit; padding: .35em .45em; border: 1px solid #8795a1; border-radius: 4px; background: #fff; }
        textarea { resize: vertical; }
        input:focus, textarea:focus, select:focus, button:focus, a:focus { outline: 3px solid #ffbf47; outline-offset: 1px; }
        [aria-invalid=true] { border-color: var(--fout); border-width: 2px; }
        fieldset { border: 1px solid var(--rand); border-radius: 6px; margin: 0 0 1em; padding: .6em .8em .3em; }
        .item { border-left: 3px solid var(--rand); padding-left: .7em; margin-bottom: .8em; }
        .item > fieldset { margin-bottom: .4em; }
        .fout { color: var(--fout); margin: .25em 0 0; padding-left: 1.2em; font-size: .92em; }
        .fout:empty { display: none; }
        .knoppen { display: flex; flex-wrap: wrap; gap: .5em; margin: 0 0 .8em; }
        button { font: inherit; padding: .4em .8em; border: 1px solid var(--accent); border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; }
        button.klein { font-size: .88em; padding: .2em .6em; background: #fff; color: var(--accent); margin: 0 0 .6em; }
        .stand { font-weight: 600; margin: 0 0 .8em; }
        .melding { background: #fff8e1; border: 1px solid #e0c36b; padding: .5em .8em; border-radius: 4px; }
        .soorten { font-size: 1.15em; }
        """

    /// Live preview: after a pause in typing, post the form to `/SOORT/voorbeeld` and put
    /// the answer in the preview frame and beside the fields. Without JavaScript the
    /// "Controleren en voorbeeld bijwerken" button does the same with a page load.
    static let javascript = """
        "use strict";
        (function () {
          var form = document.getElementById("formulier");
          var frame = document.getElementById("voorbeeld");
          if (!form || !frame || !window.fetch) return;
          var timer = null;
          var sent = 0;
          // Messages show for the fields the author has touched; all of them once the page
          // was checked (it came with messages) so nothing is hidden after a check.
          var all = form.querySelector("ul.fout li") !== null;
          var touched = {};
          form.addEventListener("submit", function () { all = true; });
          function update() {
            var number = ++sent;
            var body = new URLSearchParams(new FormData(form));
            fetch("/" + form.dataset.soort + "/voorbeeld", { method: "POST", body: body })
              .then(function (r) { return r.json(); })
              .then(function (answer) {
                if (number !== sent) return;
                frame.srcdoc = answer.html;
                document.getElementById("stand").textContent = (all || answer.fouten === 0)
                  ? answer.stand
                  : "\(MessagePart.formIncomplete("\" + answer.fouten + \""))";
                var lists = form.querySelectorAll("ul.fout[data-pad]");
                for (var i = 0; i < lists.length; i++) {
                  var list = lists[i];
                  var pad = list.dataset.pad;
                  var messages = (all || touched[pad]) ? (answer.meldingen[pad] || []) : [];
                  list.textContent = "";
                  messages.forEach(function (m) {
                    var li = document.createElement("li");
                    li.textContent = m;
                    list.appendChild(li);
                  });
                  var control = document.getElementById(list.id.replace(/-fout$/, ""));
                  if (control && /^(INPUT|TEXTAREA|SELECT)$/.test(control.tagName)) {
                    if (messages.length) control.setAttribute("aria-invalid", "true");
                    else control.removeAttribute("aria-invalid");
                  }
                }
              })
              .catch(function () {});
          }
          function later(event) {
            if (event && event.target && event.target.name) touched[event.target.name] = true;
            clearTimeout(timer);
            timer = setTimeout(update, 400);
          }
          form.addEventListener("input", later);
          form.addEventListener("change", later);
        })();
        """
}
