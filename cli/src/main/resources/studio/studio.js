// Partita Studio page: sketch → continue → candidates → play / keep / download. Talks only to its own server's
// JSON API (docs/studio.md); keeps the history of kept pieces in localStorage. Plain JS, no build step.
"use strict";
(() => {
  const EXAMPLE = "T100 V0 I[Piano] C5q E5q G5q E5q | F5q A5q G5h | E5q G5q C6q G5q | F5q D5q C5h";
  const HISTORY_KEY = "partita-studio-history";
  const $ = (id) => document.getElementById(id);
  const state = { prompt: null, candidates: [], selected: -1, playing: null, health: null, busy: false, run: 0 };
  // for the browser test: click on an action → first candidate drawn → first candidate playing (performance.now())
  window.studioTimings = { action: null, clicked: null, candidatesShown: null, firstPlaying: null };
  const startTimings = (action) => {
    window.studioTimings = { action, clicked: performance.now(), candidatesShown: null, firstPlaying: null };
  };

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
      $("status").textContent = `${model} · harmonise/infill: ${h.rollModel.available ? "step " + h.rollModel.step : "off"}`
        + ` · memorisation check: ${h.memorisation.checked ? "on" : "off"}`;
      $("status").title = h.model.available ? h.model.checkpoint : h.model.reason;
      if (!h.model.available) { $("continue").disabled = true; $("continue").title = h.model.reason; }
      if (!h.rollModel.available) $("infill-info").textContent = "Harmonise and infill are off: " + h.rollModel.reason;
      updateRollControls();
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
    updateRollControls();
    $("prompt-info").textContent = `${label}: ${piece.notes.length} notes, ${piece.bars} bars, `
      + `${piece.tracks.filter((t) => t.notes > 0).length} tracks, ${piece.durationSeconds.toFixed(1)} s`;
  }

  // ---- harmonise / infill controls and the infill chooser (bars and voices, synced with a region on the roll)
  /** Tracks the roll model sees as voices: non-drum tracks with notes, in order (as the server's ScoreRolls). */
  const voiceTracks = (piece) => piece.tracks.filter((t) => !t.drum && t.notes > 0).map((t) => t.index);
  const rollAvailable = () => !!(state.health && state.health.rollModel.available);
  const canInfill = () => rollAvailable() && state.prompt && voiceTracks(state.prompt).length === 4;
  const chosenVoices = () => [1, 2, 3, 4].filter((v) => $("voice-" + v).checked);

  function infillBars() {
    const bars = state.prompt ? Math.max(1, state.prompt.bars) : 1;
    let from = Math.round(+$("infill-from").value) || 1, to = Math.round(+$("infill-to").value) || from;
    from = Math.min(Math.max(1, from), bars);
    to = Math.min(Math.max(from, to), bars);
    return [from, to];
  }

  function setInfillBars(from, to) {
    $("infill-from").value = Math.min(from, to);
    $("infill-to").value = Math.max(from, to);
    drawPreview();
  }

  function drawPreview() {
    const p = state.prompt;
    if (!p) return;
    if (!canInfill()) { Roll.draw($("preview"), p); return; }
    const [from, to] = infillBars();
    const tracks = voiceTracks(p);
    Roll.draw($("preview"), p, { region: { fromTick: p.barTicks[from - 1], toTick: p.barTicks[to] },
      voices: chosenVoices().map((v) => tracks[v - 1]) });
    $("infill-info").textContent = `Infill regenerates bars ${from}–${to}, voices `
      + `${chosenVoices().map((v) => "SATB"[v - 1]).join(", ") || "(none chosen)"} (dashed notes); the rest stays.`;
  }

  function updateRollControls() {
    const p = state.prompt, roll = rollAvailable();
    const reason = state.health && !roll ? state.health.rollModel.reason : "";
    const harmonizable = roll && p && voiceTracks(p).length > 0;
    $("harmonize").disabled = state.busy || !harmonizable;
    $("harmonize").title = !roll ? reason : !harmonizable ? "the sketch has no melody (no non-drum notes)" : "";
    $("infill").disabled = state.busy || !canInfill() || chosenVoices().length === 0;
    $("infill").title = !roll ? reason : !canInfill() ? "infill needs a four-voice piece (soprano, alto, tenor, "
      + "bass): harmonise the sketch and use a candidate as the prompt" : "";
    for (const id of ["infill-from", "infill-to"]) $(id).max = p ? Math.max(1, p.bars) : 1;
    if (p && roll && !canInfill()) $("infill-info").textContent = `Infill needs a four-voice piece; this sketch has `
      + `${voiceTracks(p).length} voice(s): harmonise it, then "Use as prompt" on a candidate.`;
    drawPreview();
  }

  function setBusy(busy) {
    state.busy = busy;
    $("continue").disabled = busy || !(state.health && state.health.model.available);
    updateRollControls();
  }

  // drag over bars on the sketch's roll to choose them; keyboard: ← → move, Shift+← → resize, 1-4 toggle voices
  let dragFrom = null;
  $("preview").addEventListener("pointerdown", (e) => {
    if (!canInfill()) return;
    dragFrom = Roll.barAt($("preview"), state.prompt, e) + 1;
    $("preview").setPointerCapture(e.pointerId);
    $("preview").classList.add("choosing");
    setInfillBars(dragFrom, dragFrom);
  });
  $("preview").addEventListener("pointermove", (e) => {
    if (dragFrom !== null) setInfillBars(dragFrom, Roll.barAt($("preview"), state.prompt, e) + 1);
  });
  const endDrag = () => { dragFrom = null; $("preview").classList.remove("choosing"); };
  $("preview").addEventListener("pointerup", endDrag);
  $("preview").addEventListener("pointercancel", endDrag);
  $("preview").addEventListener("keydown", (e) => {
    if (!canInfill()) return;
    const [from, to] = infillBars(), bars = state.prompt.bars;
    if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      const d = e.key === "ArrowRight" ? 1 : -1;
      if (e.shiftKey) setInfillBars(from, Math.min(bars, Math.max(from, to + d)));
      else if (from + d >= 1 && to + d <= bars) setInfillBars(from + d, to + d);
    } else if (["1", "2", "3", "4"].includes(e.key)) {
      $("voice-" + e.key).checked = !$("voice-" + e.key).checked;
      updateRollControls();
    } else return;
    e.preventDefault();
    e.stopPropagation();
  });
  for (const id of ["infill-from", "infill-to"]) $(id).addEventListener("input", drawPreview);
  for (const v of [1, 2, 3, 4]) $("voice-" + v).addEventListener("change", updateRollControls);

  // ---- actions
  function options() {
    return { bars: +$("opt-bars").value, temperature: +$("opt-temperature").value, topP: +$("opt-topp").value,
      seed: +$("opt-seed").value, candidates: +$("opt-candidates").value };
  }

  async function runContinue() {
    if (!state.prompt || $("continue").disabled) return;
    const run = ++state.run;
    startTimings("continue");
    setBusy(true);
    $("action-status").textContent = "continuing…";
    try {
      const prompt = state.prompt;
      const res = await api("POST", `/api/pieces/${prompt.id}/continue`, options());
      if (run !== state.run) return;
      clearCandidates();
      const promptEnd = prompt.barTicks[prompt.bars] || prompt.endTick;
      res.candidates.forEach((c, i) => addCandidate(c, i, promptEnd));
      window.studioTimings.candidatesShown = performance.now();
      $("action-status").textContent = `${res.candidates.length} candidates in ${res.seconds.toFixed(1)} s (seed ${res.options.seed})`;
    } catch (e) {
      $("action-status").textContent = "continue failed: " + e.message;
    } finally { setBusy(false); }
  }

  /**
   * Harmonise or infill: one request per candidate (seed, seed + 1, ...), each card shown as soon as it is made,
   * since the piano-roll model samples candidates one after the other.
   */
  async function runRoll(action) {
    if (!state.prompt || $(action).disabled) return;
    const run = ++state.run, prompt = state.prompt;
    const n = Math.min(8, Math.max(1, Math.round(+$("opt-candidates").value) || 1)), seed = Math.round(+$("opt-seed").value) || 0;
    const body = { candidates: 1, gibbsSteps: Math.max(0, Math.round(+$("opt-gibbs").value) || 0),
      temperature: +$("opt-roll-temperature").value };
    let view = null;
    if (action === "infill") {
      const [from, to] = infillBars();
      body.bars = `${from}-${to}`;
      body.voices = chosenVoices();
      view = { region: { fromTick: prompt.barTicks[from - 1], toTick: prompt.barTicks[to] }, voices: body.voices.map((v) => v - 1) };
    }
    const verb = action === "infill" ? "infilling" : "harmonising";
    startTimings(action);
    setBusy(true);
    clearCandidates();
    let seconds = 0, notes = [];
    try {
      for (let i = 0; i < n; i++) {
        $("action-status").textContent = `${verb}: candidate ${i + 1} of ${n}…`;
        const res = await api("POST", `/api/pieces/${prompt.id}/${action}`, { ...body, seed: seed + i });
        if (run !== state.run) return;
        addCandidate(res.candidates[0], i, view);
        if (i === 0) window.studioTimings.candidatesShown = performance.now();
        seconds += res.seconds;
        notes = res.notes;
      }
      $("action-status").textContent = `${n} candidates in ${seconds.toFixed(1)} s (seeds ${seed}–${seed + n - 1})`
        + (notes.length ? " · " + notes.join("; ") : "");
    } catch (e) {
      if (run === state.run) $("action-status").textContent = `${action} failed: ${e.message}`;
    } finally { if (run === state.run) setBusy(false); }
  }

  // ---- candidates
  function clearCandidates() {
    state.candidates = [];
    state.selected = -1;
    $("candidates").textContent = "";
  }

  /** Adds candidate c as card i; view: the prompt's end tick (continue) or an infill region (Roll.draw's opts). */
  function addCandidate(c, i, view) {
    state.candidates.push(c);
    const box = $("candidates");
    const card = document.createElement("div");
    card.className = "candidate";
    card.dataset.id = c.id;
    const h = document.createElement("h3");
    h.textContent = `#${i + 1} · ${c.id}`;
    h.title = c.source;
    const meta = document.createElement("span");
    meta.className = "info";
    meta.textContent = `${c.bars} bars · ${c.notes.length} notes · ${c.durationSeconds.toFixed(1)} s`;
    h.appendChild(meta);
    const roll = document.createElement("div");
    roll.className = "roll";
    Roll.draw(roll, c, view);
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
    if (state.selected < 0) select(0);
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
    if (window.studioTimings.clicked && window.studioTimings.candidatesShown && !window.studioTimings.firstPlaying) window.studioTimings.firstPlaying = performance.now();
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
