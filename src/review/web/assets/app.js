// claimex review page: keyboard shortcuts and buttons that post decisions.
// Every HTML fragment it inserts was rendered (and escaped) by the server.
"use strict";

(function () {
  const token = document.querySelector('meta[name="claimex-token"]').content;
  const queue = document.getElementById("queue");
  const message = document.getElementById("message");
  const reviewerInput = document.getElementById("reviewer");
  const undoStack = []; // claim ids decided in this page, latest last
  let current = null;

  if (reviewerInput) {
    const saved = localStorage.getItem("claimex-reviewer");
    if (saved) reviewerInput.value = saved;
    reviewerInput.addEventListener("change", () =>
      localStorage.setItem("claimex-reviewer", reviewerInput.value.trim()));
  }

  function cards() {
    return Array.from(queue.querySelectorAll("article.claim"));
  }

  function select(card) {
    if (!card) return;
    if (current) current.classList.remove("current");
    current = card;
    card.classList.add("current");
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
  }

  function step(delta) {
    const all = cards();
    const i = all.indexOf(current);
    const next = all[Math.min(Math.max(i + delta, 0), all.length - 1)];
    select(next);
  }

  function say(text, isError) {
    message.textContent = text;
    message.classList.toggle("error", !!isError);
  }

  function reviewer() {
    return reviewerInput ? reviewerInput.value.trim() : "";
  }

  async function post(card, action, body) {
    const id = card.dataset.id;
    const url = "/api/claims/" + encodeURIComponent(id) + "/" + action;
    let resp;
    try {
      resp = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Claimex-Token": token },
        body: JSON.stringify(Object.assign({ reviewer: reviewer() }, body)),
        credentials: "same-origin",
      });
    } catch (err) {
      say("Not saved: the server cannot be reached (" + err + ")", true);
      return null;
    }
    const data = await resp.json().catch(() => ({ error: resp.statusText }));
    if (!resp.ok) {
      say("Not saved: " + (data.error || resp.status), true);
      return null;
    }
    document.getElementById("reviewed").textContent = data.reviewed;
    document.getElementById("total").textContent = data.total;
    return replace(card, data);
  }

  function replace(card, data) {
    if (!data.card) return card;
    const t = document.createElement("template");
    t.innerHTML = data.card;
    const fresh = t.content.firstElementChild;
    card.replaceWith(fresh);
    if (current === card) current = fresh;
    say(data.claim + ": " + data.status);
    return fresh;
  }

  async function decide(card, status) {
    const fresh = await post(card, "decision", { status: status });
    if (!fresh) return;
    undoStack.push(fresh.dataset.id);
    select(fresh);
    step(1);
  }

  async function undo(card) {
    const id = undoStack.length ? undoStack.pop() : card.dataset.id;
    const target = cards().find((c) => c.dataset.id === id) || card;
    const fresh = await post(target, "undo", {});
    if (fresh) select(fresh);
  }

  function toggleEdit(card) {
    const form = card.querySelector("form.edit");
    form.hidden = !form.hidden;
    if (!form.hidden) form.querySelector("select, input").focus();
    else card.focus({ preventScroll: true });
  }

  async function saveEdit(card, form) {
    const body = {};
    for (const el of form.elements) {
      if (el.name) body[el.name] = el.value;
    }
    const fresh = await post(card, "edit", body);
    if (!fresh) return;
    undoStack.push(fresh.dataset.id);
    select(fresh);
    step(1);
  }

  async function toggleContext(card) {
    const box = card.querySelector("div.context");
    if (!box.hidden) {
      box.hidden = true;
      return;
    }
    if (!box.dataset.loaded) {
      const resp = await fetch("/claims/" + encodeURIComponent(card.dataset.id) + "/context");
      const html = await resp.text();
      if (!resp.ok) {
        say("No context: " + html, true);
        return;
      }
      box.innerHTML = html;
      box.dataset.loaded = "1";
    }
    box.hidden = false;
  }

  function act(action, card) {
    switch (action) {
      case "accept": return decide(card, "accepted");
      case "reject": return decide(card, "rejected");
      case "edit": return toggleEdit(card);
      case "cancel": return toggleEdit(card);
      case "skip": return step(1);
      case "undo": return undo(card);
      case "context": return toggleContext(card);
    }
  }

  queue.addEventListener("click", (ev) => {
    const button = ev.target.closest("button[data-action]");
    const card = ev.target.closest("article.claim");
    if (!card) return;
    select(card);
    if (button) act(button.dataset.action, card);
  });

  queue.addEventListener("submit", (ev) => {
    const form = ev.target.closest("form.edit");
    if (!form) return;
    ev.preventDefault();
    saveEdit(form.closest("article.claim"), form);
  });

  const keys = { a: "accept", x: "reject", e: "edit", " ": "skip", u: "undo", c: "context" };

  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const tag = ev.target.tagName;
    const typing = tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA";
    if (typing) {
      if (ev.key === "Escape" && current) {
        const form = current.querySelector("form.edit");
        if (!form.hidden) toggleEdit(current);
      }
      return;
    }
    if (ev.key === "j" || ev.key === "ArrowDown") {
      ev.preventDefault();
      return step(1);
    }
    if (ev.key === "k" || ev.key === "ArrowUp") {
      ev.preventDefault();
      return step(-1);
    }
    const action = keys[ev.key];
    if (!action || !current) return;
    ev.preventDefault();
    act(action, current);
  });

  select(cards()[0]);
})();
