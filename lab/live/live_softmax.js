// The live softmax widget: logits as bars the hand drags, and everything computed from them
// (softmax bars with the one-hot target, the loss -ln a_j with its formula, the gradient a - y)
// recomputed here in float64 and redrawn in place at most once per animation frame. Nothing goes
// to the server while the hand moves; on release the logits (or T) go to Python with
// setStateValue, and Python reruns with ce_core's exact numbers.
//
// The maths is ce_core.softmax's, operation for operation (max shift with TwoSum, Dekker's
// product for the temperature, NumPy's pairwise sum, log1p of the rest), so both agree to a few
// ulp; tests/e2e/test_live.py holds them to 1e-12.

// ---- maths ------------------------------------------------------------------------------------

// NumPy's pairwise summation (numpy/_core/src/umath/loops_utils.h), so sums round alike.
function pairwiseSum(values, start, count) {
  if (count < 8) {
    let total = 0;
    for (let i = 0; i < count; i++) total += values[start + i];
    return total;
  }
  if (count <= 128) {
    const r = values.slice(start, start + 8);
    let i = 8;
    for (; i < count - (count % 8); i += 8) {
      for (let k = 0; k < 8; k++) r[k] += values[start + i + k];
    }
    let total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < count; i++) total += values[start + i];
    return total;
  }
  let half = Math.floor(count / 2);
  half -= half % 8;
  return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, count - half);
}

// p = fl(a * b) and p + error = a * b exactly (Dekker), as ce_core.softmax._two_product.
function twoProduct(a, b) {
  const split = (x) => {
    const c = 134217729.0 * x;
    const hi = c - (c - x);
    return [hi, x - hi];
  };
  const p = a * b;
  const [aHi, aLo] = split(a);
  const [bHi, bLo] = split(b);
  return [p, ((aHi * bHi - p) + aHi * bLo + aLo * bHi) + aLo * bLo];
}

/**
 * Return {a, loss, grad, predicted} for logits z (-Infinity: a masked class), temperature T and
 * the true class j (from 0): a = softmax(z / T), loss = -ln a_j, grad = (a - y) / T.
 * Computed as ce_core does: (z - max) / T with its rounding error carried along, so +-1000,
 * T = 0.05 and 1,000 classes all stay finite and exact to a few ulp.
 */
export function softmaxStats(z, T, j) {
  const n = z.length;
  let imax = 0;
  for (let i = 1; i < n; i++) if (z[i] > z[imax]) imax = i;
  const m = z[imax];
  const shift = Number.isFinite(m) ? m : 0;
  const s = new Float64Array(n);
  const err = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = s[i] = z[i] - shift;
    const back = v - z[i];
    const e = (z[i] - (v - back)) + (-shift - back); // TwoSum: the rounding error of z - shift
    err[i] = Number.isFinite(e) ? e : 0;
  }
  if (T !== 1) {
    for (let i = 0; i < n; i++) {
      const q = s[i] / T;
      const [p, pErr] = twoProduct(q, T);
      const qErr = (((s[i] - p) - pErr) + err[i]) / T;
      s[i] = q;
      err[i] = Number.isFinite(qErr) ? qErr : 0;
    }
  }
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = Math.exp(s[i]);
    e[i] = x + x * err[i];
  }
  const atMax = e[imax];
  e[imax] = 0;
  const rest = pairwiseSum(e, 0, n);
  e[imax] = atMax;
  const a = new Float64Array(n);
  const grad = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = Number.isFinite(m) ? e[i] / (1 + rest) : NaN;
    grad[i] = (a[i] - (i === j ? 1 : 0)) / T;
  }
  const loss = Number.isFinite(m) ? -((s[j] - Math.log1p(rest)) + err[j]) : NaN;
  let predicted = 0;
  for (let i = 1; i < n; i++) if (a[i] > a[predicted]) predicted = i;
  return { a, loss, grad, predicted };
}

// ---- numbers, as lab/numbers.py prints them ----------------------------------------------------

export function fixedText(v, decimals = 4) {
  const word = special(v);
  return word !== null ? word : v.toFixed(decimals);
}

const minus = (text) => text.replace(/^-/, "−");

// ---- the widget ----------------------------------------------------------------------------------

// What the page's logits box may hold for the browser to read it too: plain decimal numbers
// separated by commas, semicolons or spaces (a subset of what ce_core.parse_vector reads, which
// reads them to the same float64: both round a decimal correctly). Anything else: Python's.
const NUMBER = "[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?";
const SEPARATOR = "[ \\t]*[,;，、；][ \\t]*|[ \\t]+";
const PLAIN = new RegExp(`^[ \\t]*${NUMBER}(?:(?:${SEPARATOR})${NUMBER})*[ \\t]*$`);

/** Return the finite numbers of ``text`` if it holds only plain decimal numbers, else null. */
export function plainNumbers(text) {
  if (!PLAIN.test(text)) return null;
  const values = text.trim().split(new RegExp(SEPARATOR)).map(Number);
  return values.every(Number.isFinite) ? values : null;
}

const WIDE_MIN = 560; // px: narrower (a phone), the charts go under the bars

const sub = (k) => `<sub>${k}</sub>`;
const escape = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

class LiveSoftmax {
  constructor(parent) {
    this.root = element("div", "ce-live", parent);
    this.root.ceLive = this;
    this.left = element("div", "ce-live-left", this.root);
    this.title = element("div", "ce-live-title", this.left);
    // Beside the charts (presentation mode) the formula is below the fold: the loss is repeated
    // here, under the hand.
    this.readout = element("div", "ce-live-readout", this.left);
    this.bars = element("div", "ce-live-bars", this.left);
    this.bars.setAttribute("role", "group");
    this.controls = element("div", "ce-live-controls", this.left);
    const label = element("label", "ce-live-t", this.controls);
    this.tName = element("span", "", label);
    this.tInput = element("input", "", label);
    this.tInput.type = "range";
    this.tInput.step = "1";
    this.tOutput = element("output", "", label);
    this.formula = element("div", "ce-live-formula", this.root);
    this.plotArea = element("div", "ce-live-plots", this.root);
    this.plots = [];
    this.gradTop = [];
    this.columns = [];
    this.hover = null;
    this.dragging = null;
    this.pending = false;
    this.stats = { inputs: 0, frames: 0, latencies: [], drawMs: [], plotMs: [], sent: 0, quick: 0, typed: 0 };
    this.firstInput = null; // the time stamp of the oldest input not drawn yet
    this.tInput.addEventListener("input", (event) => {
      this.temperature = this.data.temperatures[Number(this.tInput.value)];
      this.changed(event);
    });
    this.tInput.addEventListener("change", () => this.send("T", this.temperature));
    // The plot's width is given to Plotly (measured here, on resize only): left to itself, it
    // measures its container on every redraw, a forced layout each frame.
    this.width = this.plotWidth();
    new ResizeObserver(() => {
      const rearranged = this.data !== undefined && this.arrange();
      const width = this.plotWidth();
      if (rearranged || width !== this.width) {
        this.width = width;
        this.schedule();
      }
    }).observe(this.plotArea);
    this.formula.addEventListener("pointerover", (event) => this.hoverFrom(event));
    // A row of the page's table of classes (``rows``, one row per class in order) marks its
    // class's bars, as a bar marks its row.
    document.addEventListener("pointerover", (event) => this.hoverFromRow(event));
    // The page's logits box (``source``): Enter or leaving it shows the typed logits at once.
    document.addEventListener("keydown", (event) => this.typed(event), true);
    document.addEventListener("focusout", (event) => this.typed(event), true);
    this.formula.addEventListener("pointerleave", () => this.setHover(null));
  }

  // Side by side (``columns`` 2: the bars to drag on the left, the charts beside them; on a
  // projector all must fit one screen), else stacked; stacked too where the widget is narrower
  // than WIDE_MIN (a phone), whatever Python asked for.
  shownColumns() {
    const columns = this.data?.columns ?? 1;
    return columns > 1 && this.root.clientWidth >= WIDE_MIN ? columns : 1;
  }

  // Put the plots in their columns; return whether that changed.
  arrange() {
    const columns = this.shownColumns();
    const wide = columns > 1 && this.data.draggable;
    if (columns === this.arranged && wide === this.root.classList.contains("ce-live-wide")) {
      return false;
    }
    this.arranged = columns;
    this.plotArea.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
    this.root.classList.toggle("ce-live-wide", wide);
    return true;
  }

  plotWidth() {
    const columns = this.arranged ?? 1;
    const available = this.plotArea.clientWidth || 600;
    this.fullWidth = available;
    return Math.max(200, Math.floor((available - 16 * (columns - 1)) / columns));
  }

  // Python sent data: adopt it unless the hand is on a bar (its rerun lands after release).
  update(data, setStateValue) {
    this.setStateValue = setStateValue;
    this.typedAhead = false;
    const fresh = JSON.stringify([data.z, data.temperature, data.target]);
    const layoutKey = JSON.stringify([
      data.classes, data.labels, data.text, data.scale, data.columns, data.figures.map((f) => f.key),
    ]);
    this.data = data;
    // Reruns for earlier releases (a key held down sends one per press) echo older values: wait
    // for the echo of the latest one, so a bar never jumps back (2 s at most, in case Python
    // kept something else).
    const echo = this.awaiting && JSON.stringify(data.z) === this.awaiting.z;
    if (echo || (this.awaiting && performance.now() > this.awaiting.until)) this.awaiting = null;
    if (fresh !== this.fresh && this.dragging === null && !this.awaiting) {
      this.fresh = fresh;
      this.z = Float64Array.from(data.z, (v) => (v === null ? -Infinity : v));
      this.temperature = data.temperature;
      this.scaleAxis();
    }
    if (layoutKey !== this.layoutKey) {
      this.layoutKey = layoutKey;
      this.build();
    }
    this.root.style.setProperty("--ce-live-scale", String(data.scale));
    this.root.dataset.pending = "1"; // until drawn: tests wait for it
    this.root.classList.toggle("ce-live-figures-only", !data.draggable);
    this.root.classList.toggle("ce-live-no-t", data.temperatureControl === false);
    this.root.classList.toggle("ce-live-no-formula", data.formula === false);
    loadPlotly(data.plotly).then((Plotly) => {
      this.Plotly = Plotly;
      // New numbers at rest: the charts take them now if they can (quick), not a frame later.
      this.restFrom = 0;
      if (this.dragging === null && this.stale(this.temperature)) this.draw(true);
      else if (this.dragging === null && this.ours) {
        // The charts already show these numbers (drawn here on release or Enter): Python's own
        // figures can wait until the page has drawn the rest of the rerun.
        const later = () => {
          if (this.dragging !== null || this.pending) return;
          this.restFrom = 0;
          this.schedule();
        };
        if (window.requestIdleCallback) requestIdleCallback(later, { timeout: 300 });
        else setTimeout(later, 100);
      } else this.schedule();
    });
  }

  // The logit axis: fixed while dragging so a bar stays under the finger; rounding to the
  // pixel's worth of value keeps the numbers short (0.01 for a span of 10).
  // Kept after a release when the values still fit it well, so the bars do not jump.
  scaleAxis() {
    const finite = Array.from(this.z).filter(Number.isFinite);
    let low = Math.min(-1, ...finite);
    let high = Math.max(1, ...finite);
    const fits = low >= this.low && high <= this.high && this.high - this.low < 3 * (high - low);
    if (fits) return;
    const pad = 0.15 * (high - low);
    low -= pad;
    high += pad;
    this.low = low;
    this.high = high;
    const perPixel = (high - low) / 150;
    this.step = 10 ** Math.floor(Math.log10(perPixel));
    this.keyStep = 10 * this.step;
  }

  build() {
    const { text, classes, labels, temperatures } = this.data;
    this.title.textContent = text.title;
    this.bars.setAttribute("aria-label", text.title);
    this.bars.replaceChildren();
    this.columns = classes.map((k, i) => {
      const column = element("div", "ce-live-column", this.bars);
      column.dataset.class = String(k);
      const track = element("div", "ce-live-track", column);
      const zeroLine = element("div", "ce-live-zero", track);
      const bar = element("div", "ce-live-bar", track);
      const value = element("div", "ce-live-value", track);
      const name = element("div", "ce-live-label", column);
      name.textContent = labels[i];
      track.tabIndex = 0;
      track.setAttribute("role", "slider");
      track.setAttribute("aria-orientation", "vertical");
      track.setAttribute("aria-label", text.slider.replace("{label}", labels[i]));
      track.addEventListener("pointerdown", (event) => this.grab(event, k, track));
      track.addEventListener("pointermove", (event) => this.move(event, k, track));
      track.addEventListener("pointerup", (event) => this.release(event, k));
      track.addEventListener("pointercancel", (event) => this.release(event, k));
      track.addEventListener("keydown", (event) => this.key(event, k));
      track.addEventListener("keyup", (event) => this.keyUp(event, k));
      column.addEventListener("pointerenter", () => this.setHover(k));
      column.addEventListener("pointerleave", () => this.dragging === null && this.setHover(null));
      track.addEventListener("focus", () => this.setHover(k));
      track.addEventListener("blur", () => this.setHover(null));
      return { k, column, track, bar, value, zeroLine };
    });
    this.plotArea.replaceChildren();
    this.arranged = undefined;
    this.arrange();
    this.width = this.plotWidth();
    this.drawnMoving = this.data.figures.map(() => false);
    this.plots = this.data.figures.map((entry) => {
      const plot = element("div", "ce-live-plot", this.plotArea);
      plot.dataset.chart = entry.key; // tests and pages find a chart by the key it replaces
      plot.dataset.kind = entry.kind;
      return plot;
    });
    this.hooked = false;
    this.tName.textContent = text.temperature;
    this.tInput.min = "0";
    this.tInput.max = String(temperatures.length - 1);
    this.tInput.setAttribute("aria-label", text.temperature);
  }

  // ---- input ----

  valueAt(event, track) {
    const box = track.getBoundingClientRect();
    const fraction = 1 - (event.clientY - box.top) / box.height;
    const v = this.low + Math.min(1, Math.max(0, fraction)) * (this.high - this.low);
    const steps = Math.round(v / this.step);
    return this.step >= 1 ? steps * this.step : steps / Math.round(1 / this.step);
  }

  grab(event, k, track) {
    event.preventDefault();
    try {
      track.setPointerCapture(event.pointerId);
    } catch {
      // a pointer the browser no longer tracks: the drag still works inside the track
    }
    track.focus({ preventScroll: true });
    this.dragging = k;
    document.body.dataset.ceLiveDragging = "1"; // the page's own numbers wait for the release
    this.setHover(k);
    this.move(event, k, track);
  }

  move(event, k, track) {
    if (this.dragging !== k) return;
    const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [];
    const last = events.length ? events[events.length - 1] : event;
    this.z[k] = this.valueAt(last, track);
    this.changed(event);
  }

  release(event, k) {
    if (this.dragging !== k) return;
    this.dragging = null;
    delete document.body.dataset.ceLiveDragging;
    this.schedule(); // with the numbers on the bars again
    this.send("z", this.zPayload());
  }

  key(event, k) {
    const moves = { ArrowUp: 1, ArrowRight: 1, ArrowDown: -1, ArrowLeft: -1, PageUp: 10, PageDown: -10 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const start = Number.isFinite(this.z[k]) ? this.z[k] : this.low;
    const steps = Math.round(start / this.keyStep) + moves[event.key];
    this.z[k] = this.keyStep >= 1 ? steps * this.keyStep : steps / Math.round(1 / this.keyStep);
    this.keyed = true;
    this.changed(event);
  }

  keyUp(event, k) {
    if (this.keyed) {
      this.keyed = false;
      this.send("z", this.zPayload());
    }
  }

  zPayload() {
    return Array.from(this.z, (v) => (v === -Infinity ? null : v));
  }

  send(name, value) {
    this.stats.sent += 1;
    if (name === "z") this.awaiting = { z: JSON.stringify(value), until: performance.now() + 2000 };
    // a new sequence number each time: Streamlit calls back only for a value that changed, and
    // a release may come back to values sent before (a key, Reset, the same key again)
    this.seq = (this.seq ?? 0) + 1;
    this.setStateValue(name, { value, seq: this.seq });
  }

  changed(event) {
    this.stats.inputs += 1;
    if (this.firstInput === null) this.firstInput = event.timeStamp;
    this.schedule();
  }

  // Enter in (or leaving) the page's logits box: the charts take the typed numbers now, in one
  // frame (quick), before Python's rerun brings its own, which are the same. Only when they
  // are plain numbers (plainNumbers), as many as the bars, all of them shown; else Python's.
  typed(event) {
    const source = this.data?.source;
    if (!source || !this.root.isConnected || this.dragging !== null) return;
    if (event.type === "keydown" && event.key !== "Enter") return;
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.closest(`.st-key-${CSS.escape(source)}`)) return;
    const values = plainNumbers(box.value);
    if (!values || values.length !== this.z.length || this.data.classes.length !== values.length) {
      return;
    }
    this.z = Float64Array.from(values);
    this.scaleAxis();
    this.stats.typed += 1;
    this.typedAhead = true; // Python's rerun is on its way: its figures are drawn when it comes
    this.restFrom = 0;
    this.draw(true);
  }

  hoverFromRow(event) {
    const key = this.data?.rows;
    if (!key || this.dragging !== null) return;
    const row = event.target.closest?.(`.st-key-${CSS.escape(key)} tbody tr`);
    if (!row) {
      if (this.rowHovered) this.setHover(null);
      this.rowHovered = false;
      return;
    }
    const k = Array.prototype.indexOf.call(row.parentElement.children, row);
    this.rowHovered = this.data.classes.includes(k);
    this.setHover(this.rowHovered ? k : null);
  }

  hoverFrom(event) {
    const term = event.target.closest("[data-class]");
    if (term) this.setHover(Number(term.dataset.class));
  }

  setHover(k) {
    if (this.hover === k) return;
    this.hover = k;
    if (k === null) delete document.body.dataset.ceLiveClass;
    else document.body.dataset.ceLiveClass = String(k);
    this.schedule();
  }

  // ``continuing``: the next chart of a redraw at rest (see draw); anything else starts the
  // redraw over from the first chart.
  schedule(continuing = false) {
    if (!continuing) this.restFrom = 0;
    if (this.pending || !this.Plotly) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
  }

  // ---- drawing: once per frame at most ----

  // ``quickOnly``: draw only if every chart can take the new numbers without Plotly (else
  // leave it to the next frame).
  draw(quickOnly = false) {
    const started = performance.now();
    const T = this.temperature;
    const result = softmaxStats(this.z, T, this.data.target);
    this.result = result;
    // At rest Python's figures are drawn as they are (ce_core's numbers); once the hand has
    // moved a bar or T, the same figures with the values computed here.
    const moving = this.dragging !== null;
    const live = moving || this.fresh !== this.shownKey();
    const plotting = performance.now();
    // At rest one chart a frame (~12-19 ms each): the page's own messages (the metrics, the
    // link after a release) are handled between them instead of waiting for all three.
    const first = moving ? 0 : (this.restFrom ?? 0);
    // New numbers at rest (typed, a preset): all charts take them in this frame, written into
    // Plotly's SVG (quick); Python's figures follow, one a frame from the next.
    const quick = !moving && first === 0 && this.stale(T) && this.quick(result);
    if (quickOnly && !quick) {
      this.schedule();
      return;
    }
    const last = quick ? -1 : moving ? this.data.figures.length - 1 : first;
    this.data.figures.forEach((entry, i) => {
      if (i < first || i > last) return;
      // The -ln p curve follows on release: a frame has room for the two bar charts only.
      if (moving && entry.kind === "neglog") {
        this.behind = true; // quick() catches it up on release
        return;
      }
      if (moving && this.drawnMoving[i]) {
        const move = this.quickBars(entry, i, result);
        if (move) {
          move();
          return;
        }
      }
      if (entry.kind === "neglog") this.behind = false;
      this.drawnMoving[i] = moving;
      const { traces, layout } = this.patched(entry, i, result, live, moving);
      // beside the bars, the -ln p curve takes a row of its own: a column cuts its title
      const ownRow = entry.kind === "neglog" && this.root.classList.contains("ce-live-wide");
      layout.width = ownRow ? this.fullWidth : this.width;
      if (this.root.classList.contains("ce-live-wide") && layout.legend) {
        // two charts beside the bars: the colour key in smaller type, so no entry is cut
        layout.legend = { ...layout.legend, font: { ...layout.legend.font, size: 11 } };
      }
      this.revision = (this.revision ?? 0) + 1;
      layout.datarevision = this.revision;
      this.Plotly.react(this.plots[i], traces, layout, this.data.config);
      this.plots[i].ceRest = null; // drawn by Plotly: what quick() measures from is new
    });
    if (quick) this.stats.quick += 1;
    // whether the charts show numbers computed here rather than Python's figures
    if (quick || moving) this.ours = true;
    else if (first === 0) this.ours = false;
    this.stats.plotMs.push(performance.now() - plotting);
    // Our DOM after Plotly's: Plotly reads sizes, and a write before a read forces a layout.
    this.drawBars();
    this.tInput.value = String(this.data.temperatures.indexOf(T));
    this.tOutput.textContent = String(T);
    this.drawFormula(result);
    this.root.dataset.loss = String(result.loss);
    this.drawn = { z: this.zPayload(), T, target: this.data.target };
    // After a release, a key or Enter in the box the numbers are the browser's until Python's
    // rerun brings them: its figures are drawn then, not now, while the page handles the
    // rerun's messages.
    const rerunComing = this.awaiting || this.typedAhead;
    this.restFrom = quick && rerunComing ? this.data.figures.length : last + 1;
    if (this.restFrom < this.data.figures.length) {
      this.schedule(true);
      this.stats.drawMs.push(performance.now() - started);
      return; // still pending: the next frame draws the next chart
    }
    if (!this.hooked) {
      this.hooked = true;
      const classes = this.data.classes;
      this.data.figures.forEach((entry, i) => {
        if (entry.kind !== "probabilities" && entry.kind !== "gradient") return;
        this.plots[i].on("plotly_hover", (e) => this.setHover(classes[e.points[0].pointIndex]));
        this.plots[i].on("plotly_unhover", () => this.setHover(null));
      });
    }
    delete this.root.dataset.pending;
    this.stats.frames += 1;
    this.stats.drawMs.push(performance.now() - started);
    if (this.firstInput !== null) {
      this.stats.latencies.push(performance.now() - this.firstInput);
      this.firstInput = null;
    }
  }

  // The values drawn now, in the form Python's data holds them (to tell Python's from ours).
  shownKey() {
    return JSON.stringify([this.zPayload(), this.temperature, this.data.target]);
  }

  // Figure ``entry`` (built by Python) with this frame's values in it. Kinds: "probabilities"
  // (a coloured by role, the argmax arrow), "gradient" ((a - y) / T coloured by sign) and
  // "neglog" (the point (a_j, L) on the curve -ln p). Hover outlines the hovered class's bars.
  patched(entry, i, result, live, moving) {
    const { figure, kind } = entry;
    const { classes, target, colors } = this.data;
    const layout = { ...figure.layout };
    let traces = figure.data;
    if (kind === "neglog") {
      if (live && traces.length > 1) {
        const aj = result.a[target];
        const point = { ...traces[1], x: [aj], y: [result.loss] };
        point.text = moving ? null : [`a_j = ${barText(aj)}, L = ${barText(result.loss)}`];
        traces = [traces[0], point, ...traces.slice(2)];
      }
      return { traces, layout };
    }
    if (moving) {
      // Margins as Python's figure got them at rest: automargin measures every tick label again.
      const size = this.plots[i]._fullLayout?._size;
      if (size) layout.margin = { ...layout.margin, l: size.l, r: size.r, t: size.t, b: size.b };
      layout.xaxis = { ...layout.xaxis, automargin: false };
      layout.yaxis = { ...layout.yaxis, automargin: false };
    }
    const first = { ...traces[0] };
    const outline = classes.map((k) => (k === this.hover ? 3 : 0));
    first.marker = { ...first.marker, line: { color: colors.ink, width: outline } };
    if (live && kind === "probabilities") {
      const a = classes.map((k) => result.a[k]);
      first.y = a;
      first.marker.color = classes.map((k) =>
        k === target ? colors.true : k === result.predicted ? colors.predicted : colors.other);
      first.text = a.map((v) => barText(v));
      const where = classes.indexOf(result.predicted);
      if (layout.annotations && layout.annotations.length) {
        layout.annotations = layout.annotations.slice();
        const arrow = { ...layout.annotations[0], visible: where >= 0 };
        if (where >= 0) {
          arrow.x = where;
          arrow.y = result.predicted === target ? 1.0 : Math.min(1.0, a[where]);
        }
        layout.annotations[0] = arrow;
      }
    } else if (live && kind === "gradient") {
      const grad = classes.map((k) => result.grad[k]);
      first.y = grad;
      first.marker.color = grad.map((v) => (v < 0 ? colors.negative : colors.positive));
      first.text = grad.map((v) => barText(v));
      const top = entry.room * Math.max(...grad.filter(Number.isFinite).map(Math.abs), 1e-300);
      // Only grows during a drag: new ticks every frame cost a redraw of the axis.
      const range = moving ? Math.max(this.gradTop[i] ?? 0, top) : top;
      this.gradTop[i] = range;
      layout.yaxis = { ...layout.yaxis, range: [-range, range] };
    }
    return { traces: [first, ...traces.slice(1)], layout };
  }

  // A frame of a drag, after the first (and quick()): only the bars' heights and colours change
  // (the axes, margins and legend stay as Plotly drew them; quickBars moves the numbers on the
  // bars), so they are written straight into Plotly's SVG, as Plotly draws them, and into its
  // data: a Plotly.react costs ~20 ms, this ~0.1 ms. quickBars has checked that they can be.
  moveBars(entry, gd, values, paths, arrow, result) {
    const { classes, target, colors } = this.data;
    const xa = gd._fullLayout.xaxis;
    const ya = gd._fullLayout.yaxis;
    const cells = gd.calcdata[0];
    const fills = entry.kind === "probabilities"
      ? classes.map((k) => (k === target ? colors.true : k === result.predicted ? colors.predicted : colors.other))
      : values.map((v) => (v < 0 ? colors.negative : colors.positive));
    const base = ya.c2p(0).toFixed(2);
    paths.forEach((path, b) => {
      const x0 = xa.c2p(cells[b].p0).toFixed(2);
      const x1 = xa.c2p(cells[b].p1).toFixed(2);
      path.setAttribute("d", `M${x0},${base}V${ya.c2p(values[b]).toFixed(2)}H${x1}V${base}Z`);
      path.style.fill = fills[b];
      cells[b].s = values[b];
    });
    gd._fullData[0].y = values;
    gd._fullData[0].marker.color = fills;
    if (arrow) this.moveArrow(gd, arrow, values, result);
  }

  // Whether the charts show other logits or another T than now, for the same true class.
  stale(T) {
    const drawn = this.drawn;
    if (!drawn || drawn.target !== this.data.target) return false;
    if (this.behind) return true; // the point on -ln p, left where the drag began
    return drawn.T !== T || JSON.stringify(drawn.z) !== JSON.stringify(this.zPayload());
  }

  // New numbers at rest, every chart in one frame (a Plotly.react costs ~20 ms a chart, this
  // under a millisecond): the bars, their numbers and the argmax arrow as during a drag, the
  // point on -ln p and its label, all moved in Plotly's SVG and data. Python's figures are drawn
  // over them in the next frames. Changes nothing and returns false when a chart needs Plotly:
  // not drawn yet, a value off its axis or not finite, a gradient bar changing sign.
  quick(result) {
    const moves = this.data.figures.map((entry, i) =>
      entry.kind === "neglog" ? this.quickPoint(i, result) : this.quickBars(entry, i, result));
    if (moves.some((move) => move === null)) return false;
    moves.forEach((move) => move());
    this.behind = false;
    return true;
  }

  quickBars(entry, i, result) {
    const gd = this.plots[i];
    if (!gd?._fullLayout || !gd.calcdata) return null;
    const source = entry.kind === "probabilities" ? result.a : result.grad;
    const values = this.data.classes.map((k) => source[k]);
    const [bottom, top] = gd._fullLayout.yaxis.range;
    if (!values.every((v) => Number.isFinite(v) && v >= bottom && v <= top)) return null;
    const paths = gd.querySelectorAll(".barlayer .trace:first-child path");
    const labels = gd.querySelectorAll(".barlayer .trace:first-child text.bartext");
    const counts = [paths.length, labels.length, gd.calcdata[0].length];
    if (counts.some((count) => count !== values.length)) return null;
    const arrow = gd.querySelector('.annotation[data-index="0"]');
    if (entry.kind === "probabilities" && !arrow && this.data.classes.includes(result.predicted)) {
      return null;
    }
    // Where Plotly ended each bar and put its number (a number outside the bar's end moves
    // with it), kept until Plotly draws the chart again.
    gd.ceRest ??= Array.from(paths, (path, b) => ({
      end: Number(/V([-0-9.e]+)H/.exec(path.getAttribute("d"))?.[1]),
      negative: gd.calcdata[0][b].s < 0,
      transform: labels[b].getAttribute("transform") ?? "",
    }));
    const rest = gd.ceRest;
    if (rest.some((r, b) => !Number.isFinite(r.end) || r.negative !== values[b] < 0)) return null;
    return () => {
      this.moveBars(entry, gd, values, paths, arrow, result);
      const ya = gd._fullLayout.yaxis;
      labels.forEach((label, b) => {
        const shift = (ya.c2p(values[b]) - rest[b].end).toFixed(2);
        label.setAttribute("transform", `translate(0,${shift}) ${rest[b].transform}`);
        label.textContent = barText(values[b]);
      });
      gd._fullData[0].text = values.map((v) => barText(v));
    };
  }

  quickPoint(i, result) {
    const gd = this.plots[i];
    const trace = gd?._fullData?.[1];
    if (!gd._fullLayout || !trace) return null;
    const { xaxis: xa, yaxis: ya } = gd._fullLayout;
    const aj = result.a[this.data.target];
    const loss = result.loss;
    const inside = (v, range) => Number.isFinite(v) && v >= range[0] && v <= range[1];
    if (!inside(aj, xa.range) || !inside(loss, ya.range)) return null;
    const layer = gd.querySelectorAll(".scatterlayer .trace")[1];
    const point = layer?.querySelector(".points path");
    const label = layer?.querySelector(".textpoint text");
    if (!point || !label) return null;
    gd.ceRest ??= {
      x: xa.c2p(trace.x[0]),
      y: ya.c2p(trace.y[0]),
      labelX: Number(label.getAttribute("x")),
      labelY: Number(label.getAttribute("y")),
    };
    const rest = gd.ceRest;
    if (![rest.x, rest.y, rest.labelX, rest.labelY].every(Number.isFinite)) return null;
    return () => {
      const x = xa.c2p(aj);
      const y = ya.c2p(loss);
      point.setAttribute("transform", `translate(${x.toFixed(2)},${y.toFixed(2)})`);
      // Plotly writes the label's x and y on every draw (not a transform): so do we
      label.setAttribute("x", (rest.labelX + x - rest.x).toFixed(2));
      label.setAttribute("y", (rest.labelY + y - rest.y).toFixed(2));
      label.textContent = `a_j = ${barText(aj)}, L = ${barText(loss)}`;
      trace.x = [aj];
      trace.y = [loss];
    };
  }

  // The "argmax" arrow over the predicted class's bar, moved as a whole (its length is fixed in
  // pixels) by the distance between where Plotly drew it and where it points now.
  moveArrow(gd, node, values, result) {
    const { classes, target } = this.data;
    const drawn = gd._fullLayout.annotations[0];
    const where = classes.indexOf(result.predicted);
    node.style.visibility = where >= 0 ? "" : "hidden";
    if (where < 0) return;
    const y = result.predicted === target ? 1.0 : Math.min(1.0, values[where]);
    const dx = gd._fullLayout.xaxis.c2p(where) - gd._fullLayout.xaxis.c2p(drawn.x);
    const dy = gd._fullLayout.yaxis.c2p(y) - gd._fullLayout.yaxis.c2p(drawn.y);
    node.setAttribute("transform", `translate(${dx.toFixed(2)},${dy.toFixed(2)})`);
  }

  drawBars() {
    const span = this.high - this.low;
    const at = (v) => (Math.min(this.high, Math.max(this.low, v)) - this.low) / span;
    const zero = at(0);
    const { colors, target } = this.data;
    for (const { k, column, track, bar, value, zeroLine } of this.columns) {
      zeroLine.style.bottom = `${100 * zero}%`;
      const v = this.z[k];
      const masked = v === -Infinity;
      const y = masked ? 0 : at(v);
      const bottom = Math.min(zero, y);
      bar.style.bottom = `${100 * bottom}%`;
      bar.style.height = masked ? "3px" : `${100 * Math.abs(y - zero)}%`;
      bar.style.background = k === target ? colors.true : colors.logit;
      value.style.bottom = `${100 * Math.max(y, zero)}%`;
      value.textContent = minus(masked ? "−∞" : barText(v, 2));
      column.classList.toggle("ce-live-hover", k === this.hover);
      column.classList.toggle("ce-live-masked", masked);
      track.setAttribute("aria-valuenow", masked ? String(this.low) : String(v));
      track.setAttribute("aria-valuetext", masked ? "−∞" : barText(v, 2));
      track.setAttribute("aria-valuemin", String(this.low));
      track.setAttribute("aria-valuemax", String(this.high));
    }
  }

  // L = -sum_k y_k ln a_k = -(0·ln a_1 + 1·ln a_2 + ...) = -ln a_j = loss, a term per shown class
  drawFormula(result) {
    const { classes, target, labels } = this.data;
    const terms = [];
    let previous = -1;
    classes.forEach((k) => {
      if (k !== previous + 1) terms.push("…");
      const hover = k === this.hover ? " ce-live-hover" : "";
      const y = k === target ? 1 : 0;
      terms.push(
        `<span class="ce-live-term${hover}${y ? " ce-live-target" : ""}" data-class="${k}">` +
        `${y}·ln ${barText(result.a[k])}</span>`
      );
      previous = k;
    });
    if (previous !== result.a.length - 1) terms.push("…");
    const j = escape(labels[classes.indexOf(target)] ?? String(target + 1));
    const loss = fixedText(result.loss);
    this.readout.innerHTML =
      `<i>L</i> = −ln <i>a</i>${sub(j)} = <b class="ce-live-loss">${minus(loss)}</b>`;
    this.formula.innerHTML =
      `<span class="ce-live-math"><i>L</i> = −Σ<sub>k</sub> <i>y</i>${sub("k")} ln <i>a</i>${sub("k")}` +
      ` = −(${terms.join(" + ")})` +
      ` = −ln <i>a</i>${sub(j)} = −ln ${barText(result.a[target], 4)}` +
      ` = <b class="ce-live-loss">${minus(loss)}</b></span>`;
  }
}

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const widget = parentElement.ceLiveWidget ?? new LiveSoftmax(parentElement);
  parentElement.ceLiveWidget = widget;
  widget.update(data, setStateValue);
}

window.ceLiveMaths = { softmaxStats, barText, fixedText, plainNumbers };
