// argmap's live weights: re-scores the debate in the page as argmap score does in Go (the same
// formulas, the same evaluation order and blocks, the same cycle solver), and redraws the
// verdict, the scores, the map's edge widths and the deciding arguments.
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("argmap-data").textContent);
  var S = D.solver, N = D.nodes.length;
  var tau = new Float64Array(N), sign = new Float64Array(N);
  D.nodes.forEach(function (n, v) { tau[v] = n.tau; sign[v] = n.sign; });

  function clamp01(x) { return !(x > 0) ? 0 : (x > 1 ? 1 : x); }
  function quadH(x) {
    if (x <= 0) return 0;
    if (x > 1e8) return 1;
    var x2 = x * x;
    return x2 / (1 + x2);
  }
  function fromEnergy(sem, t, e) {
    if (e === 0) return t;
    if (sem === "quadratic-energy") return clamp01(t - t * quadH(-e) + (1 - t) * quadH(e));
    if (sem === "euler") {
      e = Math.max(-700, Math.min(700, e));
      return clamp01(1 - (1 - t * t) / (1 + t * Math.exp(e)));
    }
    if (t <= 0) return 0;
    if (t >= 1) return 1;
    var x = Math.log(t / (1 - t)) + e;
    if (x >= 0) return clamp01(1 / (1 + Math.exp(-Math.min(x, 700))));
    var z = Math.exp(Math.max(x, -700));
    return clamp01(z / (1 + z));
  }

  // lambdas normalises the weights as score.Weights.LambdaFor does: each weight over the largest
  // among the categories that hold an argument, capped at 1.
  function lambdas(weights) {
    var top = 0;
    D.used.forEach(function (c) { var v = weight(weights, c); if (v > top) top = v; });
    return D.categories.map(function (c) {
      if (D.debateCategories.indexOf(c) < 0) return 1;
      return top > 0 && isFinite(top) ? Math.min(weight(weights, c) / top, 1) : 0;
    });
  }
  function weight(weights, c) { return Object.prototype.hasOwnProperty.call(weights, c) ? weights[c] : 1; }

  // blockOf[v] is the block of node v; out[v] the nodes v supports or attacks.
  var blockOf = new Int32Array(N), out = [];
  for (var v0 = 0; v0 < N; v0++) out.push([]);
  for (var b0 = 0; b0 < D.cyclic.length; b0++) {
    for (var k0 = D.blockStart[b0]; k0 < D.blockStart[b0 + 1]; k0++) blockOf[D.order[k0]] = b0;
  }
  D.nodes.forEach(function (n, v) { n.in.forEach(function (e) { out[e[0]].push(v); }); });

  // solver scores the graph under sem and the λ of each category: full() every node, and
  // without(v) the margin with argument v removed (passing nothing on). without starts from the
  // full solution and scores again only what lies downstream of v, block by block in evaluation
  // order, then puts back what it changed: every score it recomputes is computed exactly as a
  // whole solve would, so the margin is the same at a fraction of the cost.
  function solver(sem, lam) {
    var sigma = new Float64Array(N), ov = new Float64Array(N), w = new Float64Array(N);
    var v, k;
    for (v = 0; v < N; v++) {
      var c = D.nodes[v].cat;
      w[v] = c < 0 ? 0 : lam[c];
    }
    function set(v, x) { sigma[v] = x; ov[v] = w[v] * x; }
    function evalNode(v) {
      var t = tau[v], ins = D.nodes[v].in, k;
      if (sem === "dfquad") {
        var ps = 1, pa = 1;
        for (k = 0; k < ins.length; k++) {
          var x = 1 - ov[ins[k][0]];
          if (ins[k][1]) pa *= x; else ps *= x;
        }
        var vs = 1 - ps, va = 1 - pa;
        return clamp01(va >= vs ? t - t * (va - vs) : t + (1 - t) * (vs - va));
      }
      var e = 0;
      for (k = 0; k < ins.length; k++) {
        if (ins[k][1]) e -= ov[ins[k][0]]; else e += ov[ins[k][0]];
      }
      return fromEnergy(sem, t, e);
    }
    // iterate finds the fixed point of a cycle by plain iteration from the bases, and falls back
    // to RK4 on dσ/dt = f(σ) − σ where that stalls, as score's Model does.
    function iterate(vs) {
      var n = vs.length, k, it, res = Infinity, checkpoint = Infinity, next = new Float64Array(n);
      for (k = 0; k < n; k++) set(vs[k], tau[vs[k]]);
      for (it = 1; it <= S.maxPlain; it++) {
        res = 0;
        for (k = 0; k < n; k++) {
          next[k] = evalNode(vs[k]);
          res = Math.max(res, Math.abs(next[k] - sigma[vs[k]]));
        }
        for (k = 0; k < n; k++) set(vs[k], next[k]);
        if (res < S.precision) return true;
        if (it % S.stallSpan === 0) {
          if (res > 0.5 * checkpoint) return settle(vs, res);
          checkpoint = res;
        }
      }
      return settle(vs, res);
    }
    function settle(vs, res) { return res < S.tolerance || integrate(vs); }
    function integrate(vs) {
      var n = vs.length, h = S.step, k, step, res = Infinity;
      var x0 = new Float64Array(n), k1 = new Float64Array(n), k2 = new Float64Array(n),
        k3 = new Float64Array(n), k4 = new Float64Array(n);
      for (k = 0; k < n; k++) { set(vs[k], tau[vs[k]]); x0[k] = tau[vs[k]]; }
      function deriv(d) { for (var k = 0; k < n; k++) d[k] = evalNode(vs[k]) - sigma[vs[k]]; }
      function move(d, hh) { for (var k = 0; k < n; k++) set(vs[k], x0[k] + hh * d[k]); }
      for (step = 1; step <= S.maxSteps; step++) {
        deriv(k1); move(k1, h / 2);
        deriv(k2); move(k2, h / 2);
        deriv(k3); move(k3, h);
        deriv(k4);
        res = 0;
        for (k = 0; k < n; k++) {
          var x = x0[k] + h / 6 * (k1[k] + 2 * k2[k] + 2 * k3[k] + k4[k]);
          x = Math.max(0, Math.min(1, x));
          res = Math.max(res, Math.abs(x - x0[k]));
          x0[k] = x;
          set(vs[k], x);
        }
        if (res < S.precision) return true;
      }
      return res < S.tolerance;
    }
    function members(b) { return D.order.slice(D.blockStart[b], D.blockStart[b + 1]); }
    function margin() {
      if (sem !== "sum") return sigma[D.thesis] - tau[D.thesis];
      var s = 0;
      for (var k = 0; k < N; k++) { var v = D.order[k]; s += sign[v] * w[v] * tau[v]; }
      return s;
    }
    function full() {
      var converged = true;
      if (sem === "sum") {
        for (var u = 0; u < N; u++) sigma[u] = tau[u];
        return { sigma: sigma.slice(), margin: margin(), converged: true };
      }
      for (var b = 0; b < D.cyclic.length; b++) {
        if (!D.cyclic[b]) { var x = D.order[D.blockStart[b]]; set(x, evalNode(x)); continue; }
        converged = iterate(members(b)) && converged;
      }
      return { sigma: sigma.slice(), margin: margin(), converged: converged };
    }

    // The working memory of without: a min-heap of blocks to score again, each queued once a
    // generation; the nodes changed, with their old score and influence, to put back.
    var heap = [], queuedAt = new Uint32Array(D.cyclic.length), savedAt = new Uint32Array(N), gen = 0;
    var changed = [], oldSigma = [], oldOv = [];
    function push(b) {
      if (queuedAt[b] === gen) return;
      queuedAt[b] = gen;
      heap.push(b);
      for (var i = heap.length - 1; i > 0;) {
        var p = (i - 1) >> 1;
        if (heap[p] <= heap[i]) break;
        var t = heap[p]; heap[p] = heap[i]; heap[i] = t; i = p;
      }
    }
    function pop() {
      var top = heap[0], last = heap.pop();
      if (heap.length > 0) {
        heap[0] = last;
        for (var i = 0; ;) {
          var l = 2 * i + 1, r = l + 1, m = i;
          if (l < heap.length && heap[l] < heap[m]) m = l;
          if (r < heap.length && heap[r] < heap[m]) m = r;
          if (m === i) break;
          var t = heap[m]; heap[m] = heap[i]; heap[i] = t; i = m;
        }
      }
      return top;
    }
    function save(u) {
      if (savedAt[u] === gen) return;
      savedAt[u] = gen;
      changed.push(u); oldSigma.push(sigma[u]); oldOv.push(ov[u]);
    }
    function passOn(u) { for (var k = 0; k < out[u].length; k++) push(blockOf[out[u][k]]); }
    function without(v) {
      gen++;
      var keep = w[v];
      if (sem === "sum") { w[v] = 0; var m = margin(); w[v] = keep; return m; }
      save(v);
      w[v] = 0;
      ov[v] = 0;
      passOn(v);
      if (D.cyclic[blockOf[v]]) push(blockOf[v]);
      while (heap.length > 0) {
        var b = pop();
        if (!D.cyclic[b]) {
          var u = D.order[D.blockStart[b]], x = evalNode(u);
          if (x !== sigma[u]) { save(u); set(u, x); passOn(u); }
          continue;
        }
        var ms = members(b);
        ms.forEach(save);
        iterate(ms);
        ms.forEach(passOn);
      }
      var result = margin();
      for (var i = changed.length - 1; i >= 0; i--) { sigma[changed[i]] = oldSigma[i]; ov[changed[i]] = oldOv[i]; }
      changed.length = oldSigma.length = oldOv.length = 0;
      w[v] = keep;
      return result;
    }
    return { full: full, without: without };
  }

  // evaluate is score.Evaluate: the scores, the margin, the verdict and every contribution.
  function evaluate(weights, sem) {
    var s = solver(sem, lambdas(weights)), full = s.full(), contrib = new Float64Array(N);
    for (var v = 1; v < N; v++) {
      if (D.nodes[v].connected || sem === "sum") contrib[v] = full.margin - s.without(v);
    }
    var verdict = full.margin > S.tolerance ? "pro" : full.margin < -S.tolerance ? "con" : "tie";
    return { sigma: full.sigma, margin: full.margin, verdict: verdict, contrib: contrib, converged: full.converged, sem: sem };
  }
  window.argmapEvaluate = evaluate;

  function fixed(x) { return (Math.abs(x) < 5e-4 ? 0 : x).toFixed(3); }
  function signed(x) { var s = fixed(x); return x >= 5e-4 ? "+" + s : s; }
  var words = { pro: "for the thesis", con: "against the thesis", tie: "a tie" };

  var sliders = Array.prototype.slice.call(document.querySelectorAll("input[type=range][data-category]"));
  var picker = document.querySelector("select[data-argmap=semantics]");
  function one(name) { return document.querySelector("[data-argmap=" + name + "]"); }
  var scoreEls = {};
  Array.prototype.forEach.call(document.querySelectorAll("[data-argmap-score]"), function (el) {
    (scoreEls[el.getAttribute("data-argmap-score")] = scoreEls[el.getAttribute("data-argmap-score")] || []).push(el);
  });
  var edges = [];
  Array.prototype.forEach.call(document.querySelectorAll("svg g.edge"), function (g) {
    var m = /^rel_n(\d+)_n\d+$/.exec(g.id);
    if (m) edges.push({ from: +m[1], shapes: g.querySelectorAll("path, polygon") });
  });

  function current() {
    var w = {};
    sliders.forEach(function (s) {
      w[s.getAttribute("data-category")] = parseFloat(s.value);
      var out = document.getElementById(s.getAttribute("aria-describedby"));
      if (out) out.textContent = s.value;
    });
    return w;
  }

  function setValue(el, text, value) {
    if (!el) return;
    el.textContent = text;
    el.setAttribute("data-value", String(value));
  }

  function redraw() {
    performance.mark("argmap-start");
    var r = evaluate(current(), picker ? picker.value : D.semantics);
    var v = one("verdict");
    setValue(v, words[r.verdict], r.verdict);
    if (v) v.className = "outcome " + r.verdict;
    setValue(one("margin"), signed(r.margin), r.margin);
    var ts = one("thesis-score");
    if (r.sem === "sum") setValue(ts, "none under sum", "");
    else setValue(ts, fixed(r.sigma[D.thesis]), r.sigma[D.thesis]);
    var warn = one("warning");
    if (warn) warn.hidden = r.converged;
    for (var i = 1; i < N; i++) {
      (scoreEls[D.nodes[i].id] || []).forEach(function (el) { setValue(el, fixed(r.sigma[i]), r.sigma[i]); });
    }
    var largest = 0;
    for (i = 1; i < N; i++) largest = Math.max(largest, Math.abs(r.contrib[i]));
    edges.forEach(function (e) {
      var p = 1 + (largest > 0 ? 5 * Math.abs(r.contrib[e.from]) / largest : 0);
      for (var k = 0; k < e.shapes.length; k++) e.shapes[k].setAttribute("stroke-width", p.toFixed(2));
    });
    var deciding = one("deciding");
    if (deciding) {
      var idx = [];
      for (i = 1; i < N; i++) if (Math.abs(r.contrib[i]) >= 5e-4) idx.push(i);
      idx.sort(function (a, b) { return Math.abs(r.contrib[b]) - Math.abs(r.contrib[a]) || a - b; });
      while (deciding.firstChild) deciding.removeChild(deciding.firstChild);
      idx.slice(0, 5).forEach(function (i) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = "#a-" + i;
        a.textContent = D.nodes[i].title;
        li.className = D.nodes[i].sign > 0 ? "pro" : "con";
        li.appendChild(a);
        li.appendChild(document.createTextNode(" " + signed(r.contrib[i])));
        deciding.appendChild(li);
      });
      if (idx.length === 0) {
        var li = document.createElement("li");
        li.textContent = "No argument moves the margin.";
        deciding.appendChild(li);
      }
    }
    performance.mark("argmap-end");
    performance.measure("argmap-redraw", "argmap-start", "argmap-end");
  }

  sliders.forEach(function (s) { s.addEventListener("input", redraw); });
  if (picker) picker.addEventListener("change", redraw);
  var reset = one("reset");
  if (reset) reset.addEventListener("click", function () {
    sliders.forEach(function (s) { s.value = s.defaultValue; });
    if (picker) picker.value = D.semantics;
    redraw();
  });

  // A click on (or Enter on) a node of the map opens that argument.
  function show(i) {
    var d = document.getElementById("a-" + i);
    if (!d) return;
    d.open = true;
    d.scrollIntoView({ block: "start" });
    var s = d.querySelector("summary");
    if (s) s.focus();
  }
  Array.prototype.forEach.call(document.querySelectorAll("svg g.node"), function (g) {
    var m = /^arg_n(\d+)$/.exec(g.id);
    if (!m) return;
    var i = +m[1];
    g.setAttribute("tabindex", "0");
    g.setAttribute("role", "link");
    g.setAttribute("aria-label", i === 0 ? "the thesis" : D.nodes[i].title);
    g.addEventListener("click", function () { show(i); });
    g.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); show(i); } });
  });
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
  });
  redraw();
})();
