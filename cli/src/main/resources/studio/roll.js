// Piano roll drawn as SVG from the API's note list: tracks in colours, bar lines, note names on hover.
// Plain JS, no build step (the page ships in the jar).
"use strict";
const Roll = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];
  const COLOURS = ["#2e86de", "#e67e22", "#27ae60", "#8e44ad", "#c0392b", "#16a085", "#d35400", "#2c3e50"];
  const noteName = (pitch) => NAMES[pitch % 12] + (Math.floor(pitch / 12) - 1);
  const colour = (track) => COLOURS[track % COLOURS.length];

  function el(name, attrs) {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  }

  /**
   * Draws piece into container. opts (optional): a number = the prompt's end tick (its bars are shaded), or
   * {promptEnd, region: {fromTick, toTick}, voices: [track, ...]}: the region is highlighted and the notes of the
   * listed tracks inside it are marked "chosen" (the infill chooser; the regenerated part of an infill candidate).
   */
  function draw(container, piece, opts) {
    const o = typeof opts === "number" ? { promptEnd: opts } : (opts || {});
    const promptEndTick = o.promptEnd;
    container.textContent = "";
    const width = 1000, height = 160;
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: "none", role: "img",
      "aria-label": `piano roll of ${piece.id}: ${piece.notes.length} notes, ${piece.bars} bars` });
    const endTick = Math.max(piece.endTick, piece.barTicks[piece.barTicks.length - 1] || 1, 1);
    const pitches = piece.notes.map((n) => n.pitch);
    const lo = pitches.length ? Math.min(...pitches) - 2 : 58, hi = pitches.length ? Math.max(...pitches) + 2 : 72;
    const rowH = height / (hi - lo + 1);
    const x = (tick) => (tick / endTick) * width;
    if (promptEndTick) svg.appendChild(el("rect", { class: "prompt-area", x: 0, y: 0, width: x(promptEndTick), height }));
    if (o.region) {
      svg.appendChild(el("rect", { class: "region", x: x(o.region.fromTick), y: 0,
        width: Math.max(1, x(o.region.toTick) - x(o.region.fromTick)), height }));
    }
    piece.barTicks.forEach((t, i) => {
      const line = el("line", { class: "bar", x1: x(t), x2: x(t), y1: 0, y2: height });
      svg.appendChild(line);
      if (i < piece.barTicks.length - 1) {
        const label = el("text", { x: x(t) + 3, y: 11, "font-size": 10, fill: "#99a" });
        label.textContent = i + 1;
        svg.appendChild(label);
      }
    });
    const tpq = piece.ticksPerQuarter;
    for (const n of piece.notes) {
      const chosen = o.region && (o.voices || []).includes(n.track) && n.startTick < o.region.toTick
        && n.startTick + n.durationTicks > o.region.fromTick;
      const r = el("rect", { class: chosen ? "note chosen" : "note", x: x(n.startTick), y: (hi - n.pitch) * rowH,
        width: Math.max(1.5, x(n.durationTicks)), height: Math.max(2, rowH - 0.5), fill: colour(n.track),
        "data-pitch": n.pitch });
      const title = el("title");
      const track = piece.tracks[n.track];
      title.textContent = `${noteName(n.pitch)} (${n.pitch}) · ${track ? track.name || "track " + n.track : ""} · `
        + `beat ${(n.startTick / tpq + 1).toFixed(2)} · ${(n.durationTicks / tpq).toFixed(2)} beats · vel ${n.velocity}`;
      r.appendChild(title);
      svg.appendChild(r);
    }
    container.appendChild(svg);
  }

  /** The 0-based bar of piece under the pointer event ev on container's roll (clamped to the piece's bars). */
  function barAt(container, piece, ev) {
    const box = container.querySelector("svg").getBoundingClientRect();
    const endTick = Math.max(piece.endTick, piece.barTicks[piece.barTicks.length - 1] || 1, 1);
    const tick = Math.max(0, Math.min(1, (ev.clientX - box.left) / box.width)) * endTick;
    let bar = 0;
    while (bar + 1 < piece.bars && piece.barTicks[bar + 1] <= tick) bar++;
    return bar;
  }
  return { draw, barAt, noteName, colour };
})();
