// Partita Studio page: sketch → continue → candidates → play / keep / download. Talks only to its own server's
// JSON API (docs/studio.md); keeps the history of kept pieces in localStorage. Plain JS, no build step.
"use strict";
(() => {
  const EXAMPLE = "T100 V0 I[Piano] C5q E5q G5q E5q | F5q A5q G5h | E5q G5q C6q G5q | F5q D5q C5h";
  const HISTORY_KEY = "partita-studio-history";
  const $ = (id) => document.getElementById(id);
  const state = { prompt: null, candidates: [], selected: -1, playing: null, health: null };
  window.studioTimings = { continueClicked: null, candidatesShown: null, firstPlaying: null };

  async function api(method, path, body, type) {
    const opts = { method, headers: {} };
    if (body !== undefined) {
      opts.body = type ? body : JSON.stringify(body);
      opts.headers["Content-Type"] = type || "application/json";
    }
    const res = await fetch(path, opts);
    const data = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
    if (!res.ok) { const e = new Error(data.error || `HTTP ${res.status}`); e.data = data; e.status = res.status; throw e; }
    return data;
  }

  // ---- health: what the server can do
  async function loadHealth() {
    try {
      const h = await api("GET", "/api/health");
      state.health = h;
      const model = h.model.available ? `model: ${h.model.tokenizer}, step ${h.model.step}` : "no model: continue is off";
      $("status").textContent = `${model} · memorisation check: ${h.memorisation.checked ? "on" : "off"}`;
      $("status").title = h.model.available ? h.model.checkpoint : h.model.reason;
      if (!h.model.available) { $("continue").disabled = true; $("continue").title = h.model.reason; }
      for (const id of ["harmonize", "infill"]) {
        $(id).disabled = !h.rollModel.available;
        if (!h.rollModel.available) { $(id).textContent += " — needs a piano-roll model (coming)"; $(id).title = h.rollModel.reason; }
      }
    } catch (e) { $("status").textContent = "server not reachable: " + e.message; }
  }

  // ---- input: Staccato text with live preview, or a MIDI file
  let typingTimer = null;
  function onStaccatoInput() {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => loadStaccato($("staccato").value), 250);
  }

  async function loadStaccato(text) {
    try {
      const piece = await api("POST", "/api/pieces", { staccato: text });
      $("staccato").classList.remove("bad");
      $("staccato-error").hidden = true;
      setPrompt(piece, "Staccato sketch");
    } catch (e) {
      if (e.status === 400 && e.data && e.data.line) showStaccatoError(text, e.data);
      else { $("staccato-error").hidden = false; $("staccato-error").textContent = e.message; }
    }
  }

  function showStaccatoError(text, err) {
    const line = text.split(/\r?\n/)[err.line - 1] || "";
    $("staccato").classList.add("bad");
    const box = $("staccato-error");
    box.hidden = false;
    box.textContent = `line ${err.line}, column ${err.column}: ${err.problem}\n${line}\n${" ".repeat(Math.max(0, err.column - 1))}^`;
  }

  async function loadMidi(file) {
    try {
      const bytes = await file.arrayBuffer();
      const piece = await api("POST", "/api/pieces?name=" + encodeURIComponent(file.name), bytes, "audio/midi");
      $("staccato-error").hidden = true;
      setPrompt(piece, file.name);
    } catch (e) { $("staccato-error").hidden = false; $("staccato-error").textContent = e.message; }
  }

  function setPrompt(piece, label) {
    state.prompt = piece;
    Roll.draw($("preview"), piece);
    $("prompt-info").textContent = `${label}: ${piece.notes.length} notes, ${piece.bars} bars, `
      + `${piece.tracks.filter((t) => t.notes > 0).length} tracks, ${piece.durationSeconds.toFixed(1)} s`;
  }

  // ---- actions
  function options() {
    return { bars: +$("opt-bars").value, temperature: +$("opt-temperature").value, topP: +$("opt-topp").value,
      seed: +$("opt-seed").value, candidates: +$("opt-candidates").value };
  }

  async function runContinue() {
    if (!state.prompt || $("continue").disabled) return;
    window.studioTimings = { continueClicked: performance.now(), candidatesShown: null, firstPlaying: null };
    $("continue").disabled = true;
    $("action-status").textContent = "continuing…";
    try {
      const res = await api("POST", `/api/pieces/${state.prompt.id}/continue`, options());
      showCandidates(res.candidates, state.prompt);
      window.studioTimings.candidatesShown = performance.now();
      $("action-status").textContent = `${res.candidates.length} candidates in ${res.seconds.toFixed(1)} s (seed ${res.options.seed})`;
    } catch (e) {
      $("action-status").textContent = "continue failed: " + e.message;
    } finally { $("continue").disabled = !(state.health && state.health.model.available); }
  }

  async function runRoll(action) {
    if (!state.prompt) return;
    try { await api("POST", `/api/pieces/${state.prompt.id}/${action}`, {}); }
    catch (e) { $("action-status").textContent = e.message; }
  }

  // ---- candidates
  function showCandidates(list, prompt) {
    state.candidates = list;
    state.selected = -1;
    const box = $("candidates");
    box.textContent = "";
    const promptEnd = prompt.barTicks[prompt.bars] || prompt.endTick;
    list.forEach((c, i) => {
      const card = document.createElement("div");
      card.className = "candidate";
      card.dataset.id = c.id;
      const h = document.createElement("h3");
      h.textContent = `#${i + 1} · ${c.id}`;
      const meta = document.createElement("span");
      meta.className = "info";
      meta.textContent = `${c.bars} bars · ${c.notes.length} notes · ${c.durationSeconds.toFixed(1)} s`;
      h.appendChild(meta);
      const roll = document.createElement("div");
      roll.className = "roll";
      Roll.draw(roll, c, promptEnd);
      const memo = document.createElement("div");
      const m = c.memorisation || { checked: false, reason: "not checked" };
      memo.className = "memo " + (!m.checked ? "" : m.flagged ? "flagged" : "clean");
      memo.textContent = !m.checked ? `memorisation: not checked (${m.reason})`
        : (m.flagged ? "⚠ copies training music: " : "✓ original: ") + m.summary;
      const row = document.createElement("div");
      row.className = "row";
      // handlers look the candidate up by object, so they stay right after a discard shifts the list
      const at = () => state.candidates.indexOf(c);
      row.append(button("▶ Play", "play", () => togglePlay(at())), button("Keep", "keep", () => keep(at())),
        button("Discard", "discard", () => discard(at())), button("Use as prompt", "use", () => usePrompt(at())));
      const dl = document.createElement("div");
      dl.className = "downloads";
      for (const ext of ["mid", "wav", "png"]) {
        const a = document.createElement("a");
        a.href = `/api/pieces/${c.id}.${ext}`;
        a.download = `partita-${c.id}.${ext}`;
        a.className = "download-" + ext;
        a.textContent = "⬇ " + ext.toUpperCase();
        dl.appendChild(a);
      }
      card.append(h, roll, memo, row, dl);
      card.addEventListener("click", () => select(state.candidates.indexOf(c)));
      box.appendChild(card);
    });
    if (list.length) select(0);
  }

  function button(label, cls, fn) {
    const b = document.createElement("button");
    b.type = "button"; b.className = cls; b.textContent = label;
    b.addEventListener("click", (e) => { e.stopPropagation(); fn(); });
    return b;
  }

  function cards() { return [...document.querySelectorAll("#candidates .candidate")]; }

  function select(i) {
    if (i < 0 || i >= state.candidates.length) return;
    state.selected = i;
    cards().forEach((c, j) => c.classList.toggle("selected", j === i));
  }

  // ---- sound: the server's WAV (Gervill) in the audio element; Web Audio from the notes when WAV is off
  function togglePlay(i) {
    const c = i === "prompt" ? state.prompt : state.candidates[i];
    if (!c) return;
    const player = $("player");
    if (state.playing === c.id && !player.paused) { player.pause(); state.playing = null; return; }
    if (state.health && state.health.wav === false) { webAudio(c); return; }
    state.playing = c.id;
    player.src = `/api/pieces/${c.id}.wav`;
    player.play().catch((e) => { $("action-status").textContent = "cannot play: " + e.message; });
  }

  function webAudio(piece) {
    const ctx = new AudioContext();
    const secondsPerTick = 60 / (piece.bpm * piece.ticksPerQuarter);
    for (const n of piece.notes) {
      const osc = ctx.createOscillator(), gain = ctx.createGain();
      osc.frequency.value = 440 * Math.pow(2, (n.pitch - 69) / 12);
      const t0 = ctx.currentTime + n.startTick * secondsPerTick, t1 = t0 + n.durationTicks * secondsPerTick;
      gain.gain.setValueAtTime(0.15 * n.velocity / 127, t0);
      gain.gain.exponentialRampToValueAtTime(0.001, t1);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0); osc.stop(t1);
    }
  }

  $("player").addEventListener("playing", () => {
    if (window.studioTimings.continueClicked && !window.studioTimings.firstPlaying) window.studioTimings.firstPlaying = performance.now();
  });

  // ---- keep / discard / use as prompt, history in localStorage
  function history() {
    try { return JSON.parse(localStorage.getItem(HISTORY_KEY)) || []; } catch (e) { return []; }
  }

  function keep(i) {
    const c = state.candidates[i];
    if (!c) return;
    const h = history().filter((x) => x.id !== c.id);
    h.unshift({ id: c.id, source: c.source, bars: c.bars, notes: c.notes.length, keptAt: new Date().toISOString(),
      memorisation: c.memorisation && c.memorisation.summary });
    localStorage.setItem(HISTORY_KEY, JSON.stringify(h.slice(0, 50)));
    cards()[i].classList.add("kept");
    renderHistory();
  }

  function discard(i) {
    if (i < 0) return;
    const card = cards()[i];
    if (card) card.remove();
    state.candidates.splice(i, 1);
    select(Math.min(i, state.candidates.length - 1));
  }

  function usePrompt(i) {
    const c = state.candidates[i];
    if (c) setPrompt(c, "candidate " + c.id);
  }

  function renderHistory() {
    const ol = $("history");
    ol.textContent = "";
    for (const k of history()) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = `/api/pieces/${k.id}.mid`; a.download = `partita-${k.id}.mid`; a.textContent = `${k.id}.mid`;
      li.append(a, ` · ${k.bars} bars, ${k.notes} notes · ${k.source} · kept ${k.keptAt.slice(0, 16).replace("T", " ")}`);
      ol.appendChild(li);
    }
    if (!ol.children.length) ol.textContent = "Nothing kept yet (kept pieces stay listed in this browser).";
  }

  // ---- keyboard shortcuts
  document.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); runContinue(); return; }
    if (["TEXTAREA", "INPUT"].includes(document.activeElement.tagName)) return;
    if (e.key === " ") { e.preventDefault(); togglePlay(state.selected >= 0 ? state.selected : "prompt"); }
    else if (e.key === "ArrowRight" || e.key === "n") select(state.selected + 1);
    else if (e.key === "ArrowLeft" || e.key === "p") select(state.selected - 1);
    else if (e.key === "k") keep(state.selected);
  });

  // ---- wiring
  $("staccato").addEventListener("input", onStaccatoInput);
  $("midi-file").addEventListener("change", (e) => e.target.files[0] && loadMidi(e.target.files[0]));
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); if (e.dataTransfer.files[0]) loadMidi(e.dataTransfer.files[0]); });
  $("continue").addEventListener("click", runContinue);
  $("harmonize").addEventListener("click", () => runRoll("harmonize"));
  $("infill").addEventListener("click", () => runRoll("infill"));
  $("play-prompt").addEventListener("click", () => togglePlay("prompt"));
  $("clear-history").addEventListener("click", () => { localStorage.removeItem(HISTORY_KEY); renderHistory(); });
  $("staccato").value = EXAMPLE;
  renderHistory();
  loadHealth().then(() => loadStaccato(EXAMPLE));
})();
