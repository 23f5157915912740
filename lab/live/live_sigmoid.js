// The live sigmoid widget: drag x along either chart and watch σ(x), σ'(x), the loss and its
// tangent follow the hand.
//
// Python draws the two figures (the page's own, with ce_core's numbers). While the hand moves
// (pointer, touch, or the arrow keys on a focused chart), this file computes σ, σ', the loss and
// its gradient in float64 with ce_core's formulas, operation for operation, and moves the marks
// in Plotly's SVG, at most once per animation frame, with no message to the server. On release
// the new x goes to Python with setStateValue; its rerun brings ce_core's figures back.

// ---- maths: ce_core.binary, in float64 --------------------------------------------------------

const softplus = (v) => Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
const times = (c, v) => (c === 0 ? 0 : c * v); // a term whose coefficient is 0 is absent

/** σ(x), σ'(x), the loss and ∂loss/∂x for logit x and label y (ce_core.binary's algorithms). */
export function sigmoidStats(x, y) {
  const e = Math.exp(-Math.abs(x));
  const sigma = x >= 0 ? 1 / (1 + e) : e / (1 + e);
  const sigmaNeg = x >= 0 ? e / (1 + e) : 1 / (1 + e); // σ(-x) = 1 - σ(x), exactly
  const sigmaGrad = Math.min(e / (1 + e) / (1 + e), 0.25);
  const loss = times(1 - y, softplus(x)) + times(y, softplus(-x));
  const grad = (1 - y) * sigma - y * sigmaNeg;
  return { sigma, sigmaGrad, loss, grad };
}

// Keep the pointer's moves coming to this chart when it leaves it (not for synthetic pointers)
function capture(gd, event) {
  try {
    gd.setPointerCapture(event.pointerId);
  } catch {
    // a pointer the browser does not know (dispatched by a script): nothing to capture
  }
}

/** Where the σ' label is clear of its curve (pages/binary/figures.py, _grad_label_position). */
function gradLabelPosition(x, value) {
  if (x > 0) return "top right";
  if (x === 0) return "top center";
  return value < 0.05 ? "top right" : "bottom right";
}

const WIDE_MIN = 2 * 300 + 16; // px: narrower, the two charts stand one under the other
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => values[name]);

class LiveSigmoid {
  constructor(parent) {
    this.root = element("div", "ce-sig", parent);
    this.hint = element("div", "ce-sig-hint", this.root);
    this.plotArea = element("div", "ce-sig-plots", this.root);
    this.plots = [0, 1].map(() => {
      const gd = element("div", "ce-live-plot", this.plotArea);
      gd.tabIndex = 0;
      gd.setAttribute("role", "slider");
      gd.addEventListener("pointerdown", (event) => this.grab(event, gd), { capture: true });
      gd.addEventListener("pointermove", (event) => this.move(event, gd));
      gd.addEventListener("pointerup", () => this.release());
      gd.addEventListener("pointercancel", () => this.release());
      gd.addEventListener("keydown", (event) => this.key(event));
      gd.addEventListener("keyup", () => this.release()); // a key held is a drag
      return gd;
    });
    this.dragging = false;
    this.armed = false; // a finger is down, not moved yet
    this.pending = false;
    this.sent = null;
    this.seq = 0; // releases sent: each one a new value, so Python hears every release
    this.stats = { inputs: 0, frames: 0, latencies: [], sent: 0, quick: 0, full: 0 };
    this.firstInput = null;
    new ResizeObserver(() => {
      if (this.data && this.Plotly && this.root.clientWidth !== this.drawnWidth) this.drawRest();
    }).observe(this.root);
  }

  // Python sent data: adopt its x unless the hand is on a chart (its rerun lands after release).
  update(data, setStateValue) {
    this.setStateValue = setStateValue;
    // a rerun for an earlier release (or from before it): wait for the echo of the last one
    if (this.sent !== null && data.x !== this.sent && performance.now() < this.sentUntil) return;
    this.data = data;
    this.sent = null;
    if (!this.dragging) this.x = data.x;
    this.hint.textContent = data.text.hint;
    this.hint.hidden = !data.text.hint;
    this.plots.forEach((gd, i) => {
      gd.dataset.chart = data.figures[i].key;
      gd.setAttribute("aria-label", data.text.slider);
      gd.setAttribute("aria-valuemin", String(data.range[0]));
      gd.setAttribute("aria-valuemax", String(data.range[1]));
    });
    this.root.dataset.pending = "1"; // until drawn: tests wait for it
    // The echo of a release: the charts already show this x (moved here), so Python's own
    // figures for it can wait until the page has drawn the rest of the rerun (its metrics).
    const echo = this.shown === JSON.stringify([data.x, data.y]);
    loadPlotly(data.plotly).catch((error) => console.error(error)).then((Plotly) => {
      if (!Plotly) return;
      this.Plotly = Plotly;
      if (this.dragging) return; // drawn on release (release())
      if (!echo) {
        this.drawRest();
        return;
      }
      const later = () => {
        if (!this.dragging && this.data === data) this.drawRest();
      };
      if (window.requestIdleCallback) requestIdleCallback(later, { timeout: 300 });
      else setTimeout(later, 100);
    });
  }

  // Python's figures as they are, for Python's x (or ours, where the hand has moved since).
  drawRest() {
    const wide = this.root.clientWidth >= WIDE_MIN;
    const split = this.data.split;
    this.root.classList.toggle("ce-sig-wide", wide);
    this.plotArea.style.gridTemplateColumns = wide ? split.map((f) => `minmax(0, ${f}fr)`).join(" ") : "";
    const room = this.root.clientWidth - 16;
    const widths = wide ? split.map((f) => Math.floor((room * f) / (split[0] + split[1]))) : [this.root.clientWidth, this.root.clientWidth];
    this.drawnWidth = this.root.clientWidth;
    this.drawn = this.data;
    this.data.figures.forEach((entry, i) => {
      const layout = {
        ...entry.figure.layout,
        width: Math.max(widths[i], 200),
        dragmode: false, // the hand moves x; no zoom box
        xaxis: { ...entry.figure.layout.xaxis, fixedrange: true },
        yaxis: { ...entry.figure.layout.yaxis, fixedrange: true },
      };
      this.Plotly.react(this.plots[i], entry.figure.data, layout, this.data.config);
      this.plots[i].ceRest = null;
    });
    this.plots[1].ceShows = "rest";
    if (this.x !== this.data.x && !this.quick()) this.drawPatched();
    this.shown = JSON.stringify([this.x, this.data.y]);
    this.label();
    delete this.root.dataset.pending;
  }

  // ---- the hand ---------------------------------------------------------------------------------

  // The x under the pointer (in the slider's steps and range); with ``within``, null unless the
  // pointer is on the plot area (a title, a legend or an axis label is not a drag).
  xAt(event, gd, within = false) {
    const full = gd._fullLayout;
    if (!full?.xaxis) return null;
    const { xaxis: xa, yaxis: ya } = full;
    const box = gd.getBoundingClientRect();
    const px = event.clientX - box.left - xa._offset;
    const py = event.clientY - box.top - ya._offset;
    if (within && (px < -8 || px > xa._length + 8 || py < -8 || py > ya._length + 8)) return null;
    return this.snapped(xa.p2c(px));
  }

  snapped(x) {
    const [low, high] = this.data.range;
    const step = this.data.step;
    return Math.round(Math.min(high, Math.max(low, x)) / step) / Math.round(1 / step);
  }

  grab(event, gd) {
    if (event.button !== 0 || !this.Plotly) return;
    const x = this.xAt(event, gd, true);
    if (x === null) return;
    if (event.pointerType === "touch") {
      // A finger may be scrolling the page (then the browser cancels the pointer): x moves
      // only once the finger moves sideways (touch-action: pan-y), not where it landed.
      this.armed = [event.clientX, event.clientY];
      return;
    }
    event.preventDefault(); // no text selection, no mouse events for Plotly's drag box
    capture(gd, event);
    this.dragging = true;
    this.to(x, event.timeStamp);
  }

  move(event, gd) {
    if (this.armed) {
      const dx = Math.abs(event.clientX - this.armed[0]);
      const dy = Math.abs(event.clientY - this.armed[1]);
      if (Math.max(dx, dy) < 6) return; // not yet a direction
      this.armed = false;
      if (dy > dx) return; // up or down: the page scrolls
      capture(gd, event);
      this.dragging = true;
    }
    const x = this.dragging ? this.xAt(event, gd) : null;
    if (x !== null) this.to(x, event.timeStamp);
  }

  release() {
    this.armed = false;
    if (!this.dragging) return;
    this.dragging = false;
    // let go where Python's x is: no rerun will come, so draw what came during the drag
    if (!this.send() && this.drawn !== this.data && this.Plotly) this.drawRest();
  }

  key(event) {
    if (!this.data || !this.Plotly) return;
    const [low, high] = this.data.range;
    const big = 10 * this.data.step;
    const moves = {
      ArrowLeft: -this.data.step,
      ArrowDown: -this.data.step,
      ArrowRight: this.data.step,
      ArrowUp: this.data.step,
      PageDown: -big,
      PageUp: big,
    };
    let x;
    if (event.key in moves) {
      const from = Number.isFinite(this.x) ? Math.min(high, Math.max(low, this.x)) : 0;
      x = this.snapped(from + (event.shiftKey ? 10 : 1) * moves[event.key]);
    } else if (event.key === "Home") x = low;
    else if (event.key === "End") x = high;
    else return;
    event.preventDefault();
    this.dragging = true; // until the key is let go (a rerun meanwhile does not move x back)
    this.to(x, event.timeStamp);
  }

  to(x, timeStamp) {
    this.stats.inputs += 1;
    this.firstInput ??= timeStamp;
    if (x === this.x) return;
    this.x = x;
    this.schedule();
  }

  // The hand's x to Python: its rerun shows ce_core's numbers, the link and the downloads.
  send() {
    if (this.x === this.data.x || !Number.isFinite(this.x)) return false;
    if (this.x === this.sent) return true;
    this.sent = this.x;
    this.sentUntil = performance.now() + 2000;
    this.stats.sent += 1;
    this.seq += 1;
    this.setStateValue("x", { x: this.x, seq: this.seq });
    return true;
  }

  schedule() {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      if (!this.quick()) this.drawPatched();
      this.shown = JSON.stringify([this.x, this.data.y]);
      this.label();
      this.stats.frames += 1;
      if (this.firstInput !== null) {
        this.stats.latencies.push(performance.now() - this.firstInput);
        this.firstInput = null;
      }
    });
  }

  label() {
    const x = this.x;
    this.plots.forEach((gd) => gd.setAttribute("aria-valuenow", String(x)));
    this.root.dataset.x = String(x);
  }

  // ---- drawing ----------------------------------------------------------------------------------

  // Move the marks in Plotly's SVG (~0.1 ms; a Plotly.react costs ~15 ms a chart). False if the
  // charts are not as this expects (x off a chart at rest, not drawn yet): then drawPatched().
  quick() {
    const s = sigmoidStats(this.x, this.data.y);
    const moves = [this.quickSigmoid(this.plots[0], s), this.quickLoss(this.plots[1], s)];
    if (moves.some((move) => move === null)) return false;
    moves.forEach((move) => move());
    this.stats.quick += 1;
    return true;
  }

  quickSigmoid(gd, s) {
    const full = gd._fullLayout;
    const trace = gd._fullData?.[2];
    if (!full || !trace || trace.mode !== "markers+text") return null;
    const layer = gd.querySelectorAll(".scatterlayer .trace")[2];
    const points = layer?.querySelectorAll(".points path");
    const labels = layer?.querySelectorAll(".textpoint text");
    const line = gd.querySelector('.shapelayer path[data-index="1"]');
    if (points?.length !== 2 || labels?.length !== 2 || !line) return null;
    const { xaxis: xa, yaxis: ya } = full;
    gd.ceRest ??= {
      position: gradLabelPosition(trace.x[0], trace.y[1]),
      x: xa.c2p(trace.x[0]),
      y: [ya.c2p(trace.y[0]), ya.c2p(trace.y[1])],
      labels: Array.from(labels, (l) => [Number(l.getAttribute("x")), Number(l.getAttribute("y"))]),
    };
    const rest = gd.ceRest;
    // the σ' label changes sides with x: Plotly draws it there (drawPatched), then it moves
    if (gradLabelPosition(this.x, s.sigmaGrad) !== rest.position) return null;
    const ys = [s.sigma, s.sigmaGrad];
    return () => {
      const x = xa.c2p(this.x);
      ys.forEach((v, k) => {
        const y = ya.c2p(v);
        points[k].setAttribute("transform", `translate(${x.toFixed(2)},${y.toFixed(2)})`);
        labels[k].setAttribute("x", (rest.labels[k][0] + x - rest.x).toFixed(2));
        labels[k].setAttribute("y", (rest.labels[k][1] + y - rest.y[k]).toFixed(2));
        labels[k].textContent = `${k ? "σ′" : "σ"} = ${barText(v)}`;
      });
      line.setAttribute("transform", `translate(${(x - rest.x).toFixed(2)},0)`);
      trace.x = [this.x, this.x];
      trace.y = ys;
    };
  }

  quickLoss(gd, s) {
    const full = gd._fullLayout;
    const n = this.data.curves;
    const [tangent, point] = [gd._fullData?.[n], gd._fullData?.[n + 1]];
    const entry = this.lossEntry();
    if (!full || !point || gd.ceShows !== entry.kind) return null;
    const layers = gd.querySelectorAll(".scatterlayer .trace");
    const line = layers[n]?.querySelector("path.js-line");
    const mark = layers[n + 1]?.querySelector(".points path");
    const note = gd.querySelector('.annotation[data-index="0"]');
    const lines = note?.querySelectorAll(".annotation-text-g text tspan.line");
    const { xaxis: xa, yaxis: ya } = full;
    const inside = (v, range) => Number.isFinite(v) && v >= range[0] && v <= range[1];
    if (!line || !mark || !note || lines?.length !== 2 || !inside(s.loss, ya.range)) return null;
    if (!gd.ceRest) {
      // annotation 0 must be the point's label (not the note of an x off the chart)
      if (full.annotations?.[0]?.x !== point.x?.[0]) return null;
      const bg = note.querySelector("rect.bg");
      if (!bg) return null;
      gd.ceRest = {
        x: xa.c2p(point.x[0]),
        y: ya.c2p(point.y[0]),
        side: this.side(point.x[0], point.y[0]),
        // the label's white box, and the width of its longest line, as Plotly drew them
        box: [Number(bg.getAttribute("x")), Number(bg.getAttribute("width"))],
        text: Math.max(...Array.from(lines, (l) => l.getComputedTextLength())),
        bg,
      };
    }
    const rest = gd.ceRest;
    // the label leans towards the middle and away from the top: when that changes, Plotly
    // draws it again (drawPatched), and the marks move from there
    if (this.side(this.x, s.loss) !== rest.side) return null;
    const h = entry.halfWidth;
    return () => {
      const x = xa.c2p(this.x);
      const y = ya.c2p(s.loss);
      mark.setAttribute("transform", `translate(${x.toFixed(2)},${y.toFixed(2)})`);
      const ends = [this.x - h, this.x + h].map((u) => [xa.c2p(u), ya.c2p(s.loss + s.grad * (u - this.x))]);
      line.setAttribute("d", `M${ends[0].join(",")}L${ends[1].join(",")}`);
      note.setAttribute("transform", `translate(${(x - rest.x).toFixed(2)},${(y - rest.y).toFixed(2)})`);
      const text = fill(this.data.text.point, { loss: barText(s.loss), slope: barText(s.grad) });
      text.split("<br>").forEach((part, k) => {
        lines[k].textContent = part;
      });
      // the box grows or shrinks with the text, on both sides (the text is centred in it)
      const grown = Math.max(...Array.from(lines, (l) => l.getComputedTextLength())) - rest.text;
      rest.bg.setAttribute("x", (rest.box[0] - grown / 2).toFixed(2));
      rest.bg.setAttribute("width", Math.max(0, rest.box[1] + grown).toFixed(2));
      point.x = [this.x];
      point.y = [s.loss];
      tangent.x = ends.map((_, k) => this.x + (k ? h : -h));
      tangent.y = tangent.x.map((u) => s.loss + s.grad * (u - this.x));
    };
  }

  // The loss figure for the x shown: Python's, or, where Python's was widened to reach an x
  // beyond the slider's range and the hand has brought x within it, the same figure over that
  // range (what Python draws for such an x), its tangent's reach and its top.
  lossEntry() {
    const drag = this.data.lossDrag;
    if (drag && this.x !== this.data.x) return { kind: "drag", ...drag };
    const { halfWidth, top } = this.data;
    return { kind: "rest", figure: this.data.figures[1].figure, halfWidth, top };
  }

  side(x, loss) {
    const { figure, top } = this.lossEntry();
    const [low, high] = figure.layout.xaxis.range;
    return `${x <= (low + high) / 2}${loss > 0.6 * top}`;
  }

  // The figures rebuilt around our x with Plotly.react: where quick() cannot move the marks.
  drawPatched() {
    const s = sigmoidStats(this.x, this.data.y);
    const t = this.data.templates;
    const sig = this.data.figures[0].figure;
    const entry = this.lossEntry();
    const loss = entry.figure;
    const sigData = [...sig.data.slice(0, 2), { ...t.markers, x: [this.x, this.x], y: [s.sigma, s.sigmaGrad] }];
    sigData[2].text = [`σ = ${barText(s.sigma)}`, `σ′ = ${barText(s.sigmaGrad)}`];
    sigData[2].textposition = ["top left", gradLabelPosition(this.x, s.sigmaGrad)];
    const n = this.data.curves;
    const h = entry.halfWidth;
    const ends = [this.x - h, this.x + h];
    const lossData = [
      ...loss.data.slice(0, n),
      { ...loss.data[n], x: ends, y: ends.map((u) => s.loss + s.grad * (u - this.x)) },
      { ...loss.data[n + 1], x: [this.x], y: [s.loss] },
    ];
    const [low, high] = loss.layout.xaxis.range;
    const note = {
      ...t.note,
      x: this.x,
      y: s.loss,
      text: fill(this.data.text.point, { loss: barText(s.loss), slope: barText(s.grad) }),
      ax: this.x <= (low + high) / 2 ? Math.abs(t.note.ax) : -Math.abs(t.note.ax),
      ay: s.loss > 0.6 * entry.top ? Math.abs(t.note.ay) : -Math.abs(t.note.ay),
    };
    const figures = [
      [sigData, { ...sig.layout, annotations: [], shapes: [sig.layout.shapes[0], { ...t.line, x0: this.x, x1: this.x }] }],
      [lossData, { ...loss.layout, annotations: [note] }],
    ];
    figures.forEach(([traces, layout], i) => {
      const gd = this.plots[i];
      const axes = { xaxis: { ...layout.xaxis, fixedrange: true }, yaxis: { ...layout.yaxis, fixedrange: true } };
      this.Plotly.react(gd, traces, { ...gd.layout, ...layout, ...axes, width: gd.layout.width }, this.data.config);
      gd.ceRest = null;
    });
    this.plots[1].ceShows = entry.kind;
    this.stats.full += 1;
  }
}

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const widget = parentElement.ceSigmoidWidget ?? new LiveSigmoid(parentElement);
  parentElement.ceSigmoidWidget = widget;
  widget.update(data, setStateValue);
}

window.ceSigmoidMaths = { sigmoidStats, barText };
window.ceSigmoidWidgets = () => Array.from(document.querySelectorAll(".ce-sig"), (root) => root.parentElement.ceSigmoidWidget);
