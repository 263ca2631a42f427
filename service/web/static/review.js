/* romnotat – the referent's pages: new note (/notat/ny) and review of a draft (/utkast/{id}). */
"use strict";

(function () {
  const R = window.Romnotat;
  const { el, api, config } = R;
  const TYPES = config.piiTypes || {};
  const STATUS = { pending: "venter", accepted: "godtatt", rejected: "avvist (beholdes)" };
  const STATUS_MARK = { pending: "?", accepted: "✓", rejected: "✗" };
  const LABEL_ORDER = ["challenge", "good_practice", "wish", "other"];
  const $ = (selector) => document.querySelector(selector);

  // ---- new note ---------------------------------------------------------------------------

  function initIntake() {
    const form = $("#intake-form");
    const error = $("#intake-error");
    const status = $("#intake-status");
    const button = $("#intake-submit");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      R.showError(error, "");
      const file = $("#note-file").files[0];
      const text = $("#note-paste").value;
      const site = $("#intake-site");
      let options;
      if (file) {
        const data = new FormData();
        data.append("file", file, file.name);
        if (site) data.append("site_id", site.value);
        options = { method: "POST", body: data };
      } else if (text.trim()) {
        const body = { text: text };
        if (site) body.site_id = Number(site.value);
        options = { method: "POST", json: body };
      } else {
        R.showError(error, "Lim inn teksten eller velg en fil først.");
        $("#note-paste").focus();
        return;
      }
      button.disabled = true;
      status.textContent = "Analyserer notatet …";
      try {
        const draft = await api("/api/drafts", options);
        status.textContent = "Ferdig. Åpner gjennomgangen …";
        location.assign("/utkast/" + draft.id);
      } catch (err) {
        status.textContent = "";
        const refused = [413, 415, 422].includes(err.status);
        R.showError(error, (refused ? "Notatet ble ikke lest: " : "") + err.message);
        button.disabled = false;
      }
    });
    loadDraftList();
  }

  async function loadDraftList() {
    const box = $("#draft-list");
    try {
      const drafts = await api("/api/drafts");
      box.replaceChildren();
      if (!drafts.length) {
        box.append(el("p", { class: "muted", text: "Ingen utkast venter." }));
        return;
      }
      const list = el("ul", { class: "draft-list" });
      for (const d of drafts) {
        const left = d.pending ? d.pending + " flagg gjenstår" : "alle flagg er avgjort";
        list.append(
          el("li", {},
            el("a", { href: "/utkast/" + d.id, text: "Utkast " + d.id }),
            " – lagret " + R.formatDate(d.created_at) + ", " + left +
              ", slettes automatisk " + R.formatDate(d.expires_at))
        );
      }
      box.append(list);
    } catch (err) {
      box.replaceChildren(el("p", { class: "alert alert-error", text: err.message }));
    }
  }

  // ---- review -----------------------------------------------------------------------------

  function initReview(root) {
    const id = root.dataset.draftId;
    const state = {
      draft: null,
      current: null, // key of the current flag: "start:end"
      open: new Set(), // entities whose mentions are shown
      selection: null, // {start, end, text} chosen by selecting text in the note
      queue: Promise.resolve(),
    };
    const noteBox = $("#note-text");
    const anonBox = $("#anon-text");
    const actionError = $("#action-error");
    const live = $("#live");
    const addText = $("#add-text");
    const addType = $("#add-type");
    const addError = $("#add-error");
    const approveButton = $("#approve");
    const dateInput = $("#meeting-date");

    const keyOf = (span) => span.start + ":" + span.end;
    const spans = () => state.draft.note.pii;
    const pending = () => spans().filter((s) => s.status === "pending").length;
    const pendingText = () => {
      const n = pending();
      return n ? n + " flagg gjenstår" : "Alle flagg er avgjort";
    };
    function announce(message) {
      live.textContent = "";
      window.setTimeout(() => { live.textContent = message; }, 30);
    }

    async function load() {
      try {
        state.draft = await api("/api/drafts/" + id);
      } catch (err) {
        R.showError($("#load-error"), err.message);
        return;
      }
      $("#review-app").hidden = false;
      renderLegend();
      render();
    }

    // -- rendering --------------------------------------------------------------------------

    function render() {
      const focusKey = R.rememberFocus();
      renderNote();
      renderAnonymised(anonBox, state.draft.note.anonymised_text || "");
      renderEntities();
      renderItems();
      renderQuotes();
      renderPending();
      R.restoreFocus(focusKey);
    }

    function renderLegend() {
      const legend = $("#legend");
      legend.replaceChildren();
      const present = new Set(spans().map((s) => s.type));
      for (const [code, word] of Object.entries(TYPES)) {
        if (!present.has(code)) continue;
        legend.append(el("li", {}, el("span", { class: "badge t-" + code, text: word })));
      }
      for (const [status, word] of Object.entries(STATUS)) {
        legend.append(el("li", { class: "legend-status" },
          el("span", { class: "status-mark s-" + status, text: STATUS_MARK[status], "aria-hidden": "true" }),
          " " + word));
      }
    }

    function flagTitle(span) {
      const how = span.origin === "referent"
        ? "lagt til av referent"
        : "sikkerhet " + (R.percent(span.score) || "ukjent");
      const entity = span.entity ? " (" + span.entity + ")" : "";
      return (TYPES[span.type] || span.type) + entity + " – " + how + " – " + STATUS[span.status];
    }

    function renderNote() {
      const text = state.draft.note.text;
      const nodes = [];
      let pos = 0;
      for (const span of spans()) {
        if (span.start < pos) continue; // overlapping flags are not expected; show the first
        if (span.start > pos) nodes.push(document.createTextNode(text.slice(pos, span.start)));
        const key = keyOf(span);
        nodes.push(el("mark", {
          class: "flag t-" + span.type + " s-" + span.status,
          title: flagTitle(span),
          tabindex: "-1",
          dataset: {
            key: key,
            badge: (TYPES[span.type] || span.type) + " " + STATUS_MARK[span.status],
            focusKey: "flag:" + key,
          },
        }, text.slice(span.start, span.end)));
        pos = span.end;
      }
      if (pos < text.length) nodes.push(document.createTextNode(text.slice(pos)));
      noteBox.replaceChildren(...nodes);
      if (state.current && !noteBox.querySelector('[data-key="' + state.current + '"]')) {
        state.current = null;
      }
      markCurrent(state.current, false);
    }

    function markCurrent(key, focus) {
      // the current flag (else the first one still pending) is the note's one tab stop
      const first = spans().find((s) => s.status === "pending") || spans()[0];
      const tabStop = key || (first ? keyOf(first) : null);
      for (const mark of noteBox.querySelectorAll("mark.flag")) {
        const on = mark.dataset.key === tabStop;
        mark.classList.toggle("current", on && state.current === key);
        mark.tabIndex = on ? 0 : -1;
        if (on && focus) {
          mark.focus({ preventScroll: true });
          mark.scrollIntoView({ block: "nearest", inline: "nearest" });
        }
      }
      for (const item of document.querySelectorAll(".entity")) {
        item.classList.toggle("is-current", Boolean(key) && item.dataset.keys.split(" ").includes(key));
      }
    }

    function setCurrent(key, focus) {
      state.current = key;
      markCurrent(key, focus);
    }

    const PLACEHOLDER_RE = new RegExp(
      "\\[(" + Object.values(TYPES).concat(["PERSONOPPLYSNING"])
        .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|") + ")( \\d+)?\\]", "g");
    const TYPE_OF_WORD = Object.fromEntries(Object.entries(TYPES).map(([code, word]) => [word, code]));

    function renderAnonymised(box, text) {
      const nodes = [];
      let pos = 0;
      for (const match of text.matchAll(PLACEHOLDER_RE)) {
        if (match.index > pos) nodes.push(document.createTextNode(text.slice(pos, match.index)));
        nodes.push(el("span", { class: "ph t-" + (TYPE_OF_WORD[match[1]] || "OTHER"), text: match[0] }));
        pos = match.index + match[0].length;
      }
      if (pos < text.length) nodes.push(document.createTextNode(text.slice(pos)));
      box.replaceChildren(...nodes);
    }

    function entityGroups() {
      const groups = new Map();
      for (const span of spans()) {
        const name = span.entity || span.type + ":" + span.text;
        if (!groups.has(name)) groups.set(name, []);
        groups.get(name).push(span);
      }
      return groups;
    }

    function summarise(list) {
      const counts = { pending: 0, accepted: 0, rejected: 0 };
      for (const s of list) counts[s.status] += 1;
      const parts = Object.entries(counts).filter(([, n]) => n).map(([status, n]) => n + " " + STATUS[status]);
      const overall = counts.pending ? "pending" : counts.rejected === list.length ? "rejected"
        : counts.accepted === list.length ? "accepted" : "mixed";
      return { overall, text: parts.join(", ") };
    }

    function confidence(members) {
      const found = members.filter((s) => s.origin !== "referent");
      if (!found.length) return "lagt til av referent";
      const scores = found.map((s) => s.score);
      const low = Math.min(...scores);
      const high = Math.max(...scores);
      return "sikkerhet " + (low === high ? R.percent(high) : R.percent(low) + "–" + R.percent(high));
    }

    function context(span) {
      const text = state.draft.note.text;
      const before = text.slice(Math.max(0, span.start - 30), span.start).replace(/\s+/g, " ");
      const after = text.slice(span.end, span.end + 30).replace(/\s+/g, " ");
      return el("span", { class: "context" }, "…" + before, el("strong", { text: span.text }), after + "…");
    }

    function decisionButtons(label, pressedAccept, pressedReject, onAccept, onReject, keyBase) {
      return el("span", { class: "decision-buttons" },
        el("button", {
          type: "button", class: "btn btn-small btn-accept", text: "Godta",
          "aria-label": "Godta " + label, "aria-pressed": String(pressedAccept),
          dataset: { focusKey: keyBase + ":accept" }, onclick: onAccept,
        }),
        el("button", {
          type: "button", class: "btn btn-small btn-reject", text: "Avvis",
          "aria-label": "Avvis " + label, "aria-pressed": String(pressedReject),
          dataset: { focusKey: keyBase + ":reject" }, onclick: onReject,
        }));
    }

    function renderEntities() {
      const list = $("#entity-list");
      const rows = [];
      for (const [name, members] of entityGroups()) {
        const type = members[0].type;
        const surfaces = [...new Set(members.map((s) => s.text))];
        const summary = summarise(members);
        const count = members.length === 1 ? "1 treff" : members.length + " treff";
        const details = el("details", { "data-entity": name },
          el("summary", { text: "Vis treff (" + members.length + ")", dataset: { focusKey: "open:" + name } }),
          el("ol", { class: "mentions" }, members.map((span, index) => el("li", { class: "mention s-" + span.status },
            el("button", {
              type: "button", class: "link-button", title: "Vis i notatet",
              "aria-label": "Vis treff " + (index + 1) + " i notatet",
              onclick: () => setCurrent(keyOf(span), true),
            }, context(span)),
            el("span", { class: "mention-status", text: STATUS[span.status] }),
            decisionButtons(
              "treff " + (index + 1) + " av " + name,
              span.status === "accepted", span.status === "rejected",
              () => decideMention(span, "accept"), () => decideMention(span, "reject"),
              "mention:" + keyOf(span))))));
        details.open = state.open.has(name);
        details.addEventListener("toggle", () => {
          if (details.open) state.open.add(name); else state.open.delete(name);
        });
        rows.push(el("li", {
          class: "entity s-" + summary.overall,
          dataset: { entity: name, keys: members.map(keyOf).join(" ") },
        },
          el("div", { class: "entity-head" },
            el("span", { class: "badge t-" + type, text: TYPES[type] || type }),
            el("span", { class: "entity-name", text: "[" + name + "]" }),
            el("span", { class: "surfaces", text: surfaces.join(", ") })),
          el("div", { class: "entity-row" },
            el("span", { class: "entity-status", text: count + ": " + summary.text + " · " + confidence(members) }),
            decisionButtons(
              name + " (alle " + count + ")",
              summary.overall === "accepted", summary.overall === "rejected",
              () => decideEntity(name, "accept"), () => decideEntity(name, "reject"),
              "entity:" + name)),
          details));
      }
      if (!rows.length) rows.push(el("li", { class: "muted", text: "Ingen personopplysninger er flagget." }));
      list.replaceChildren(...rows);
      markCurrent(state.current, false);
    }

    function themeChips(themes) {
      if (!themes || !themes.length) return el("span", { class: "muted", text: "ingen tema" });
      return el("span", { class: "chips" }, themes.map((t) => el("span", { class: "chip", text: R.themeName(t) })));
    }

    function renderItems() {
      const box = $("#item-groups");
      const items = state.draft.note.items.map((item, index) => ({ item, index }));
      const groups = [];
      for (const label of [...LABEL_ORDER, null]) {
        const members = items.filter(({ item }) => (item.label || null) === label);
        if (!members.length) continue;
        const heading = label ? config.labelsPlural[label] : "Uten etikett";
        groups.push(el("section", { class: "label-group g-" + (label || "none") },
          el("h3", {}, el("span", { class: "label-tag l-" + (label || "none"), text: heading }),
            " ", el("span", { class: "count", text: "(" + members.length + ")" })),
          el("ul", { class: "item-list" }, members.map(({ item, index }) => {
            const selectId = "label-" + index;
            const how = item.confidence === null || item.confidence === undefined
              ? "satt av referent"
              : "sikkerhet " + R.percent(item.confidence);
            return el("li", { class: "item" },
              el("p", { class: "item-text", text: item.anonymised ?? item.text }),
              el("p", { class: "meta" },
                el("span", { text: config.sections[item.section] || item.section }), " · ",
                el("span", { class: "confidence", text: how }),
                item.uncertain ? el("span", { class: "chip chip-warn", text: "usikker" }) : null,
                " · ", themeChips(item.themes)),
              el("div", { class: "field field-inline" },
                el("label", { for: selectId, text: "Etikett" }),
                el("select", {
                  id: selectId, dataset: { focusKey: "label:" + index },
                  onchange: (event) => decide(
                    { items: [{ item: index, label: event.target.value }] },
                    "Punktet er merket som " + config.labels[event.target.value].toLowerCase() + "."),
                }, (item.label ? [] : [el("option", { value: "", text: "Velg etikett", selected: true, disabled: true })])
                  .concat(LABEL_ORDER.map((l) => el("option", { value: l, text: config.labels[l], selected: item.label === l }))))));
          }))));
      }
      if (!groups.length) groups.push(el("p", { class: "muted", text: "Analysen fant ingen punkter." }));
      box.replaceChildren(...groups);
    }

    function renderQuotes() {
      const list = $("#quote-list");
      const rows = state.draft.note.quotes.map((quote, index) => {
        const selectId = "speaker-" + index;
        return el("li", { class: "quote" },
          el("blockquote", { text: quote.anonymised ?? quote.text }),
          el("p", { class: "meta" },
            el("span", { text: config.sections[quote.section] || quote.section }), " · ", themeChips(quote.themes)),
          el("div", { class: "field field-inline" },
            el("label", { for: selectId, text: "Hvem sa det" }),
            el("select", {
              id: selectId, dataset: { focusKey: "speaker:" + index },
              onchange: (event) => decide({ quotes: [{ quote: index, speaker: event.target.value }] },
                "Taleren er endret."),
            }, Object.entries(config.speakers).map(([value, word]) =>
              el("option", { value: value, text: word, selected: quote.speaker === value })))));
      });
      if (!rows.length) rows.push(el("li", { class: "muted", text: "Analysen fant ingen sitater." }));
      list.replaceChildren(...rows);
    }

    function renderPending() {
      const n = pending();
      const status = $("#pending-status");
      status.textContent = n ? n + " flagg gjenstår" : "Alle flagg er avgjort. Notatet kan godkjennes.";
      status.classList.toggle("done", n === 0);
      approveButton.disabled = n > 0;
    }

    // -- decisions --------------------------------------------------------------------------

    function decide(body, message) {
      state.queue = state.queue.then(async () => {
        R.showError(actionError, "");
        try {
          const payload = Object.assign({ revision: state.draft.revision }, body);
          state.draft = await api("/api/drafts/" + id + "/decisions", { method: "POST", json: payload });
          render();
          announce(message + " " + pendingText() + ".");
          return true;
        } catch (err) {
          if (err.status === 409) {
            state.draft = await api("/api/drafts/" + id);
            render();
            R.showError(actionError, "Utkastet var endret et annet sted. Siden er oppdatert – prøv igjen.");
          } else {
            R.showError(actionError, err.message);
          }
          return false;
        }
      });
      return state.queue;
    }

    function nextPendingAfter(key) {
      const list = spans();
      const at = key ? list.findIndex((s) => keyOf(s) === key) : -1;
      for (let step = 1; step <= list.length; step += 1) {
        const span = list[(at + step + list.length) % list.length];
        if (span && span.status === "pending") return keyOf(span);
      }
      return null;
    }

    async function afterDecision(fromKey, ok) {
      if (!ok) return;
      const next = nextPendingAfter(fromKey);
      if (next) setCurrent(next, document.activeElement && document.activeElement.closest("#note-text") !== null);
    }

    async function decideEntity(name, action) {
      const members = spans().filter((s) => (s.entity || s.type + ":" + s.text) === name);
      const verb = action === "accept" ? "godtatt" : "avvist";
      const ok = await decide({ decisions: entityDecision(members, action) }, name + " er " + verb + ".");
      return ok;
    }

    function entityDecision(members, action) {
      if (members.length && members[0].entity) return [{ action: action, scope: "entity", entity: members[0].entity }];
      return members.map((s) => ({ action: action, scope: "mention", start: s.start, end: s.end }));
    }

    function decideMention(span, action) {
      const verb = action === "accept" ? "godtatt" : "avvist";
      return decide({ decisions: [{ action: action, scope: "mention", start: span.start, end: span.end }] },
        "«" + span.text + "» er " + verb + ".");
    }

    // -- keyboard -----------------------------------------------------------------------------

    function step(direction, pendingOnly) {
      const list = spans();
      if (!list.length) return;
      const at = state.current ? list.findIndex((s) => keyOf(s) === state.current) : -1;
      for (let i = 1; i <= list.length; i += 1) {
        const index = ((direction > 0 ? at + i : at - i) % list.length + list.length) % list.length;
        if (!pendingOnly || list[index].status === "pending") {
          setCurrent(keyOf(list[index]), true);
          return;
        }
      }
      if (pendingOnly) step(direction, false);
    }

    document.addEventListener("keydown", async (event) => {
      if (!state.draft || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const target = event.target;
      if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
      const key = event.key.toLowerCase();
      if (key === "n" || key === "j") {
        event.preventDefault();
        step(1, true);
      } else if (key === "p" || key === "k") {
        event.preventDefault();
        step(-1, false);
      } else if (key === "a" || key === "r") {
        event.preventDefault();
        const span = spans().find((s) => keyOf(s) === state.current);
        if (!span) {
          step(1, true);
          return;
        }
        const action = key === "a" ? "accept" : "reject";
        const name = span.entity || span.type + ":" + span.text;
        const members = spans().filter((s) => (s.entity || s.type + ":" + s.text) === name);
        let ok;
        if (event.shiftKey) {
          ok = await decideMention(span, action);
        } else if (members.every((s) => s.status === "pending")) {
          ok = await decideEntity(name, action);
        } else {
          // keep earlier per-mention decisions: decide this flag and the entity's open ones
          const open = members.filter((s) => s === span || s.status === "pending");
          const verb = action === "accept" ? "godtatt" : "avvist";
          ok = await decide({
            decisions: open.map((s) => ({ action: action, scope: "mention", start: s.start, end: s.end })),
          }, name + " er " + verb + " (" + open.length + " treff).");
        }
        await afterDecision(keyOf(span), ok);
      }
    });

    noteBox.addEventListener("click", (event) => {
      const mark = event.target.closest("mark.flag");
      if (mark && window.getSelection().isCollapsed) setCurrent(mark.dataset.key, true);
    });
    noteBox.addEventListener("focusin", (event) => {
      const mark = event.target.closest("mark.flag");
      if (mark && mark.dataset.key !== state.current) setCurrent(mark.dataset.key, false);
    });

    // -- adding a missed span -----------------------------------------------------------------

    function selectedOffsets() {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
      const range = selection.getRangeAt(0);
      if (!noteBox.contains(range.startContainer) || !noteBox.contains(range.endContainer)) return null;
      const before = document.createRange();
      before.selectNodeContents(noteBox);
      before.setEnd(range.startContainer, range.startOffset);
      let start = before.toString().length;
      before.setEnd(range.endContainer, range.endOffset);
      let end = before.toString().length;
      const text = state.draft.note.text;
      while (start < end && /[\s«("'([]/.test(text[start])) start += 1;
      while (end > start && /[\s.,;:!?»)"'\]]/.test(text[end - 1])) end -= 1;
      if (end <= start) return null;
      return { start: start, end: end, text: text.slice(start, end) };
    }

    let selectionTimer = null;
    document.addEventListener("selectionchange", () => {
      window.clearTimeout(selectionTimer);
      selectionTimer = window.setTimeout(() => {
        if (!state.draft) return;
        const picked = selectedOffsets();
        if (!picked) return;
        state.selection = picked;
        addText.value = picked.text.replace(/\s+/g, " ");
        $("#add-form").classList.add("has-selection");
        R.showError(addError, "");
      }, 120);
    });
    addText.addEventListener("input", () => {
      state.selection = null;
      $("#add-form").classList.remove("has-selection");
    });

    function findFirst(needle) {
      const text = state.draft.note.text;
      const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const match = new RegExp("(?<![\\p{L}\\p{N}_])" + escaped + "(?![\\p{L}\\p{N}_])", "u").exec(text);
      const at = match ? match.index : text.indexOf(needle);
      return at < 0 ? null : { start: at, end: at + needle.length, text: needle };
    }

    $("#add-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      R.showError(addError, "");
      const typed = addText.value.trim();
      const target = state.selection || (typed ? findFirst(typed) : null);
      if (!typed && !state.selection) {
        R.showError(addError, "Merk tekst i notatet eller skriv inn teksten som skal flagges.");
        addText.focus();
        return;
      }
      if (!target) {
        R.showError(addError, "Fant ikke «" + typed + "» i notatet.");
        addText.focus();
        return;
      }
      const type = addType.value;
      const ok = await decide(
        { decisions: [{ action: "add", start: target.start, end: target.end, type: type }] },
        "«" + target.text + "» er flagget som " + TYPES[type] + ", overalt i notatet.");
      if (ok) {
        state.selection = null;
        addText.value = "";
        $("#add-form").classList.remove("has-selection");
        window.getSelection().removeAllRanges();
        renderLegend();
      }
    });

    // -- approve and discard ------------------------------------------------------------------

    approveButton.addEventListener("click", () => {
      state.queue = state.queue.then(async () => {
        R.showError(actionError, "");
        if (pending()) {
          R.showError(actionError, pendingText() + ". Avgjør alle flagg før du godkjenner.");
          return;
        }
        const body = { revision: state.draft.revision };
        if (dateInput.value) body.meeting_date = dateInput.value;
        approveButton.disabled = true;
        try {
          const note = await api("/api/drafts/" + id + "/approve", { method: "POST", json: body });
          showApproved(note);
        } catch (err) {
          R.showError(actionError, err.message);
          if (err.body && err.body.field === "meeting_date") dateInput.focus();
          if (err.status === 409) {
            state.draft = await api("/api/drafts/" + id);
            render();
          } else {
            renderPending();
          }
        }
      });
    });

    function showApproved(note) {
      $("#review-app").hidden = true;
      const box = $("#approved");
      $("#approved-summary").textContent = "Lagret som notat " + note.id + " med " +
        R.plural(note.items.length, "punkt", "punkter") + " og " +
        R.plural(note.quotes.length, "sitat", "sitater") +
        (note.meeting_date ? ", møtedato " + R.formatDate(note.meeting_date) : "") + ".";
      renderAnonymised($("#approved-text"), note.anonymised_text || "");
      box.hidden = false;
      box.focus();
      announce("Notatet er godkjent og lagret anonymisert.");
    }

    $("#discard").addEventListener("click", async () => {
      if (!window.confirm("Forkaste utkastet? Teksten slettes og kan ikke hentes tilbake.")) return;
      try {
        await api("/api/drafts/" + id, { method: "DELETE" });
        location.assign("/notat/ny");
      } catch (err) {
        R.showError(actionError, err.message);
      }
    });

    load();
  }

  if (document.getElementById("intake")) initIntake();
  const reviewRoot = document.getElementById("review");
  if (reviewRoot) initReview(reviewRoot);
})();
