// Shared by the live widgets (lab/live): Python puts this file before each widget's own, so the
// two are one module (components v2 takes one script per component).

// ---- numbers, as lab/numbers.py prints them ----------------------------------------------------

function special(v) {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "∞";
  if (v === -Infinity) return "−∞";
  return null;
}

function pythonExponent(v, decimals) {
  // JS writes 1.23e-5, Python 1.23e-05
  return v.toExponential(decimals).replace(/e([+-])(\d)$/, "e$10$2");
}

export function barText(v, digits = 3) {
  const word = special(v);
  if (word !== null) return word;
  if (v !== 0 && (Math.abs(v) < 10 ** -digits || Math.abs(v) >= 1e5)) {
    return pythonExponent(v, Math.max(1, digits - 1));
  }
  return v.toFixed(digits);
}

// ---- the page ----------------------------------------------------------------------------------

/** Load the app's own Plotly.js once for every widget on the page (no CDN). */
function loadPlotly(src) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__cePlotly) {
    window.__cePlotly = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(src, document.baseURI).href;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => reject(new Error(`cannot load ${src}`));
      document.head.appendChild(script);
    });
  }
  return window.__cePlotly;
}

function element(tag, className, parent) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (parent) parent.appendChild(node);
  return node;
}
