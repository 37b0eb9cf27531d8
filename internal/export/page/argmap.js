// argmap's live weights: re-scores the debate in the page as argmap score does in Go (the same
// formulas, the same evaluation order and blocks, the same cycle solver, the same contribution
// functions), and redraws the verdict, the scores, the map's edge widths, the deciding
// arguments and the marker on the atlas.
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("argmap-data").textContent);
  var S = D.solver, N = D.nodes.length, thesis = D.thesis;
  var tau = new Float64Array(N), sign = new Float64Array(N);
  D.nodes.forEach(function (n, v) { tau[v] = n.tau; sign[v] = n.sign; });

  // The graph as flat arrays, in Go's order: node v's parents are inSrc[inStart[v]] to
  // inSrc[inStart[v + 1] - 1] (inAtt 1 for an attack); the blocks in evaluation order, block b
  // the nodes order[blockStart[b]] to order[blockStart[b + 1] - 1].
  var inStart = new Int32Array(N + 1);
  D.nodes.forEach(function (n, v) { inStart[v + 1] = inStart[v] + n.in.length; });
  var inSrc = new Int32Array(inStart[N]), inAtt = new Uint8Array(inStart[N]);
  D.nodes.forEach(function (n, v) {
    n.in.forEach(function (e, k) { inSrc[inStart[v] + k] = e[0]; inAtt[inStart[v] + k] = e[1]; });
  });
  var order = Int32Array.from(D.order), blockStart = Int32Array.from(D.blockStart);
  var B = D.cyclic.length, cyclic = Uint8Array.from(D.cyclic, function (c) { return c ? 1 : 0; });
  var blockOf = new Int32Array(N), members = [], out = [];
  for (var b0 = 0; b0 < B; b0++) {
    for (var k0 = blockStart[b0]; k0 < blockStart[b0 + 1]; k0++) blockOf[order[k0]] = b0;
    members.push(cyclic[b0] ? order.subarray(blockStart[b0], blockStart[b0 + 1]) : null);
  }
  var outAtt = [];
  for (var v0 = 0; v0 < N; v0++) { out.push([]); outAtt.push([]); }
  D.nodes.forEach(function (n, v) { n.in.forEach(function (e) { out[e[0]].push(v); outAtt[e[0]].push(e[1]); }); });
  var outStart = new Int32Array(N + 1);
  for (v0 = 0; v0 < N; v0++) outStart[v0 + 1] = outStart[v0] + out[v0].length;
  var outDst = new Int32Array(outStart[N]), outAttF = new Uint8Array(outStart[N]);
  for (v0 = 0; v0 < N; v0++) {
    for (var i0 = 0; i0 < out[v0].length; i0++) { outDst[outStart[v0] + i0] = out[v0][i0]; outAttF[outStart[v0] + i0] = outAtt[v0][i0]; }
  }

  // A node with many parents keeps, while Shapley values are computed, the aggregate of what
  // they pass on, changed by the one that changed; one with few is scored from its parents,
  // which costs less than the aggregate's divisions and does not drift.
  var agg = new Uint8Array(N), anyAgg = false;
  for (var a0 = 0; a0 < N; a0++) if (inStart[a0 + 1] - inStart[a0] > 8) { agg[a0] = 1; anyAgg = true; }
  // logit(τ) of each node, which the MLP-based semantics adds the energy to.
  var logit = new Float64Array(N);
  for (var l0 = 0; l0 < N; l0++) if (tau[l0] > 0 && tau[l0] < 1) logit[l0] = Math.log(tau[l0] / (1 - tau[l0]));

  // The players of the Shapley game: the arguments with a path to the thesis.
  var players = [];
  for (var p0 = 1; p0 < N; p0++) if (D.nodes[p0].connected) players.push(p0);

  function clamp01(x) { return !(x > 0) ? 0 : (x > 1 ? 1 : x); }
  function quadH(x) {
    if (x <= 0) return 0;
    if (x > 1e8) return 1;
    var x2 = x * x;
    return x2 / (1 + x2);
  }
  var DFQUAD = 0, QUADRATIC = 1, EULER = 2, MLP = 3, SUM = 4;
  var codes = { "dfquad": DFQUAD, "quadratic-energy": QUADRATIC, "euler": EULER, "mlp": MLP, "sum": SUM };
  function fromEnergy(sem, t, e) {
    if (e === 0) return t;
    if (sem === QUADRATIC) return clamp01(t - t * quadH(-e) + (1 - t) * quadH(e));
    if (sem === EULER) {
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

  // mlpAt is fromEnergy under MLP for node v, from its logit.
  function mlpAt(v, e) {
    var t = tau[v];
    if (e === 0) return t;
    if (t <= 0) return 0;
    if (t >= 1) return 1;
    var x = logit[v] + e;
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

  // solver scores the graph under sem and the λ of each category: full() every node; without(v)
  // the margin with argument v removed (passing nothing on); shapley() every Shapley value.
  function solver(semName, lam) {
    var sem = codes[semName];
    var sigma = new Float64Array(N), ov = new Float64Array(N), w = new Float64Array(N);
    var v, k;
    for (v = 0; v < N; v++) {
      var c = D.nodes[v].cat;
      w[v] = c < 0 ? 0 : lam[c];
    }
    function set(v, x) { sigma[v] = x; ov[v] = w[v] * x; }
    function evalNode(v) {
      var t = tau[v], lo = inStart[v], hi = inStart[v + 1], k;
      if (sem === DFQUAD) {
        var ps = 1, pa = 1;
        for (k = lo; k < hi; k++) {
          var x = 1 - ov[inSrc[k]];
          if (inAtt[k]) pa *= x; else ps *= x;
        }
        var vs = 1 - ps, va = 1 - pa;
        return clamp01(va >= vs ? t - t * (va - vs) : t + (1 - t) * (vs - va));
      }
      var e = 0;
      for (k = lo; k < hi; k++) {
        if (inAtt[k]) e -= ov[inSrc[k]]; else e += ov[inSrc[k]];
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
    function margin() {
      if (sem !== SUM) return sigma[thesis] - tau[thesis];
      var s = 0;
      for (var k = 0; k < N; k++) { var v = order[k]; s += sign[v] * w[v] * tau[v]; }
      return s;
    }
    function solveAll() {
      var converged = true;
      if (sem === SUM) {
        for (var u = 0; u < N; u++) sigma[u] = tau[u];
        return true;
      }
      for (var b = 0; b < B; b++) {
        if (!cyclic[b]) { var x = order[blockStart[b]]; set(x, evalNode(x)); continue; }
        converged = iterate(members[b]) && converged;
      }
      return converged;
    }
    function full() {
      var converged = solveAll();
      return { sigma: sigma.slice(), margin: margin(), converged: converged };
    }

    // The working memory of without: a min-heap of blocks to score again, each queued once a
    // generation; the nodes changed, with their old score and influence, to put back. without
    // starts from the full solution and scores again only what lies downstream of v, block by
    // block in evaluation order, then puts back what it changed: every score it recomputes is
    // computed exactly as a whole solve would, so the margin is the same at a fraction of the
    // cost.
    var heap = [], queuedAt = new Uint32Array(B), savedAt = new Uint32Array(N), gen = 0;
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
      if (sem === SUM) { w[v] = 0; var m = margin(); w[v] = keep; return m; }
      save(v);
      w[v] = 0;
      ov[v] = 0;
      passOn(v);
      if (cyclic[blockOf[v]]) push(blockOf[v]);
      while (heap.length > 0) {
        var b = pop();
        if (!cyclic[b]) {
          var u = order[blockStart[b]], x = evalNode(u);
          if (x !== sigma[u]) { save(u); set(u, x); passOn(u); }
          continue;
        }
        var ms = members[b];
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

    // shapley is score's exact Shapley values: the game's players are the arguments with a path
    // to the thesis, the value of a coalition the margin of the graph restricted to it and the
    // thesis. The coalitions are visited in Gray-code order, each one player away from the one
    // before, so that each costs one pass over what lies downstream of that player (its cone,
    // from cones()), as in score's coalition: a node outside cycles keeps the aggregate of what
    // its parents pass on (the energy, or DF-QuAD's products with their count of zero
    // factors), changed by the parent that changed, and is scored again only when it did;
    // every 1,024 coalitions a whole solve starts the aggregates afresh, so that rounding does
    // not pile up. The players whose cones cost least take the bits that flip most often.
    // Under sum the margin is additive: each value is the argument's ±λ·τ. It leaves the
    // solver's scores at the full coalition's.
    function shapley() {
      var phi = new Float64Array(N), n = players.length, j, k;
      if (sem === SUM) return additive();
      if (n === 0) return phi;
      if (n > D.shapleyLimit) throw new Error("argmap: " + n + " players are too many for exact Shapley values");
      var cone = cones(), size = 1 << n, vals = valueBuffer(size);
      var bitOf = cone.byCost, lamP = new Float64Array(n), pos = new Int32Array(n);
      for (j = 0; j < n; j++) { pos[j] = players[bitOf[j]]; lamP[j] = w[pos[j]]; w[pos[j]] = 0; }
      var dfq = sem === DFQUAD, e = new Float64Array(N), sP = new Float64Array(N), aP = new Float64Array(N),
        sZ = new Int32Array(N), aZ = new Int32Array(N), dirty = new Int32Array(N).fill(-1), olds = new Float64Array(N);
      function prepare() {
        solveAll();
        for (var v = 0; v < N; v++) {
          if (!agg[v]) continue;
          var lo = inStart[v], hi = inStart[v + 1], k;
          if (!dfq) {
            var x = 0;
            for (k = lo; k < hi; k++) { if (inAtt[k]) x -= ov[inSrc[k]]; else x += ov[inSrc[k]]; }
            e[v] = x;
            continue;
          }
          var sp = 1, ap = 1, sz = 0, az = 0;
          for (k = lo; k < hi; k++) {
            var f = 1 - ov[inSrc[k]];
            if (f === 0) { if (inAtt[k]) az++; else sz++; } else if (inAtt[k]) ap *= f; else sp *= f;
          }
          sP[v] = sp; aP[v] = ap; sZ[v] = sz; aZ[v] = az;
        }
      }
      prepare();
      vals[0] = sigma[thesis] - tau[thesis];
      gray(size, pos, lamP, bitOf, cone.of, vals, dfq, sem, w, sigma, ov, e, sP, aP, sZ, aZ, dirty, olds, iterate, prepare);
      var values = shapleyFromValues(vals, n);
      for (j = 0; j < n; j++) { w[pos[j]] = lamP[j]; phi[pos[j]] = values[j]; }
      return phi;
    }
    // additive is every contribution under sum, where the margin adds up each argument's ±λ·τ:
    // removal's and Shapley's alike, computed as score computes them.
    function additive() {
      var phi = new Float64Array(N);
      for (var k = 1; k < N; k++) phi[k] = sign[k] * w[k] * tau[k];
      return phi;
    }
    return { full: full, without: without, shapley: shapley, additive: additive };
  }

  // gray is the loop of shapley, on its own and over arguments rather than the solver's
  // variables, which the engine then keeps in registers: 2ⁿ coalitions in Gray-code order,
  // each one player from the one before, the margin of each into vals.
  function gray(size, pos, lamP, bitOf, coneOf, vals, dfq, sem, w, sigma, ov, e, sP, aP, sZ, aZ, dirty, olds, iterate, prepare) {
    var mask = 0, k, j, q, old;
    for (k = 1; k < size; k++) {
      j = 31 - Math.clz32(k & -k);
      mask ^= 1 << j;
      var p = pos[j];
      old = ov[p];
      w[p] = mask & (1 << j) ? lamP[j] : 0;
      if (cyclic[blockOf[p]]) dirty[p] = k;
      else { ov[p] = w[p] * sigma[p]; pass(p, old, ov[p], k, dfq, e, sP, aP, sZ, aZ, dirty); }
      var c = coneOf[bitOf[j]];
      for (q = 0; q < c.length; q++) {
        var b = c[q], u = order[blockStart[b]];
        if (!cyclic[b]) {
          if (dirty[u] !== k) continue;
          var x, t = tau[u], lo = inStart[u], hi = inStart[u + 1], i, ps, pa, en;
          if (dfq) {
            if (agg[u]) {
              ps = sZ[u] > 0 || sP[u] === 0 ? 0 : sP[u];
              pa = aZ[u] > 0 || aP[u] === 0 ? 0 : aP[u];
            } else {
              ps = 1; pa = 1;
              for (i = lo; i < hi; i++) { if (inAtt[i]) pa *= 1 - ov[inSrc[i]]; else ps *= 1 - ov[inSrc[i]]; }
            }
            var vs = 1 - ps, va = 1 - pa;
            x = clamp01(va >= vs ? t - t * (va - vs) : t + (1 - t) * (vs - va));
          } else {
            if (agg[u]) en = e[u];
            else {
              en = 0;
              for (i = lo; i < hi; i++) { if (inAtt[i]) en -= ov[inSrc[i]]; else en += ov[inSrc[i]]; }
            }
            x = sem === MLP ? mlpAt(u, en) : fromEnergy(sem, t, en);
          }
          if (x === sigma[u]) continue;
          old = ov[u];
          sigma[u] = x;
          ov[u] = w[u] * x;
          pass(u, old, ov[u], k, dfq, e, sP, aP, sZ, aZ, dirty);
          continue;
        }
        var ms = members[b], i, hit = false;
        for (i = 0; i < ms.length && !hit; i++) hit = dirty[ms[i]] === k;
        if (!hit) continue;
        for (i = 0; i < ms.length; i++) olds[ms[i]] = ov[ms[i]];
        iterate(ms);
        for (i = 0; i < ms.length; i++) pass(ms[i], olds[ms[i]], ov[ms[i]], k, dfq, e, sP, aP, sZ, aZ, dirty);
      }
      if ((k & 1023) === 0 && anyAgg) prepare();
      vals[mask] = sigma[thesis] - tau[thesis];
    }
  }

  // pass commits a change in what q passes on (old to now) to the aggregates of its children
  // outside its block, and marks them to score again at step k.
  function pass(q, old, now, k, dfq, e, sP, aP, sZ, aZ, dirty) {
    if (old === now) return;
    var bq = blockOf[q];
    for (var i = outStart[q]; i < outStart[q + 1]; i++) {
      var d = outDst[i], bd = blockOf[d];
      if (bd === bq) continue;
      dirty[d] = k;
      if (!agg[d] || cyclic[bd]) continue; // scored from its parents' outputs
      if (!dfq) { if (outAttF[i]) e[d] -= now - old; else e[d] += now - old; continue; }
      var from = 1 - old, to = 1 - now;
      if (outAttF[i]) {
        if (from === 0) aZ[d]--; else aP[d] /= from;
        if (to === 0) aZ[d]++; else aP[d] *= to;
      } else {
        if (from === 0) sZ[d]--; else sP[d] /= from;
        if (to === 0) sZ[d]++; else sP[d] *= to;
      }
    }
  }

  // cones lists, for each player, the blocks downstream of it (its own too when it lies in a
  // cycle), in evaluation order: what changes when it joins or leaves a coalition; and the
  // players by what a change costs (the nodes it reaches, a cycle's counted at a hundred
  // sweeps), cheapest first.
  var coneCache = null;
  function cones() {
    if (coneCache) return coneCache;
    var n = players.length, of = [], cost = [];
    var seen = new Int32Array(N).fill(-1), blockSeen = new Int32Array(B).fill(-1);
    for (var j = 0; j < n; j++) {
      var stack = [players[j]], blocks = [], c = 0;
      if (cyclic[blockOf[players[j]]]) { blockSeen[blockOf[players[j]]] = j; blocks.push(blockOf[players[j]]); }
      while (stack.length > 0) {
        var u = stack.pop();
        for (var k = 0; k < out[u].length; k++) {
          var x = out[u][k];
          if (seen[x] === j) continue;
          seen[x] = j;
          stack.push(x);
          if (blockSeen[blockOf[x]] !== j) { blockSeen[blockOf[x]] = j; blocks.push(blockOf[x]); }
        }
      }
      blocks.sort(function (a, b) { return a - b; });
      blocks.forEach(function (b) { c += cyclic[b] ? 100 * members[b].length : 1; });
      of.push(Int32Array.from(blocks));
      cost.push(c);
    }
    var byCost = [];
    for (j = 0; j < n; j++) byCost.push(j);
    byCost.sort(function (a, b) { return cost[a] - cost[b] || a - b; });
    coneCache = { of: of, byCost: Int32Array.from(byCost) };
    return coneCache;
  }
  var valueCache = null;
  function valueBuffer(size) {
    if (!valueCache || valueCache.length !== size) valueCache = new Float64Array(size);
    return valueCache;
  }
  function popcount(x) {
    x = x - ((x >>> 1) & 0x55555555);
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }

  // shapleyFromValues is score's: the values of every coalition of n players, indexed by
  // coalition, into Shapley values, in 2ⁿ steps by summing over the low and the high half of
  // the bits apart.
  function shapleyFromValues(v, n) {
    // weight[s + 1] = s!(n−s−1)!/n! = 1/(n·C(n−1, s)); 0 at 0 and past n.
    var weight = new Float64Array(n + 2), s, c = 1;
    for (s = 0; s < n; s++) {
      weight[s + 1] = 1 / (n * c);
      c = c * (n - 1 - s) / (s + 1);
    }
    var lo = n >> 1, sumLo = new Float64Array(1 << lo), sumHi = new Float64Array(1 << (n - lo)), total = 0;
    for (var h = 0; h < 1 << (n - lo); h++) {
      var acc = 0;
      for (var l = 0; l < 1 << lo; l++) {
        var t = h << lo | l, size = popcount(t), x = v[t] * (weight[size] + weight[size + 1]);
        sumLo[l] += x;
        acc += x;
        total += v[t] * weight[size + 1];
      }
      sumHi[h] = acc;
    }
    var phi = new Float64Array(n), i;
    for (l = 0; l < sumLo.length; l++) {
      for (i = 0; i < lo; i++) if (l & (1 << i)) phi[i] += sumLo[l];
    }
    for (h = 0; h < sumHi.length; h++) {
      for (i = lo; i < n; i++) if (h & (1 << (i - lo))) phi[i] += sumHi[h];
    }
    for (i = 0; i < n; i++) phi[i] -= total;
    return phi;
  }

  // evaluate is score.Evaluate: the scores, the margin, the verdict and every contribution by
  // fn, "shapley" or "removal" (the page's own when not given).
  function evaluate(weights, sem, fn) {
    fn = fn || D.contrib;
    var s = solver(sem, lambdas(weights)), full = s.full(), contrib = new Float64Array(N);
    if (sem === "sum") {
      contrib = s.additive();
    } else if (fn === "shapley") {
      contrib = s.shapley();
    } else {
      for (var v = 1; v < N; v++) {
        if (D.nodes[v].connected) contrib[v] = full.margin - s.without(v);
      }
    }
    var verdict = full.margin > S.tolerance ? "pro" : full.margin < -S.tolerance ? "con" : "tie";
    return { sigma: full.sigma, margin: full.margin, verdict: verdict, contrib: contrib, fn: fn, converged: full.converged, sem: sem };
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
  Array.prototype.forEach.call(document.querySelectorAll("figure.map svg g.edge"), function (g) {
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

  // deciding redraws the arguments that push the margin most toward pro and toward con, five
  // each way, as the Go side wrote them.
  function deciding(contrib) {
    ["pro", "con"].forEach(function (toward) {
      var list = document.querySelector("[data-argmap=deciding] ol[data-toward=" + toward + "]");
      if (!list) return;
      var idx = [];
      for (var i = 1; i < N; i++) {
        if (toward === "pro" ? contrib[i] >= 5e-4 : contrib[i] <= -5e-4) idx.push(i);
      }
      // Largest first; values equal to 1e-9 keep corpus order, as report.NewDeciders sorts them.
      idx.sort(function (a, b) { return Math.round(Math.abs(contrib[b]) * 1e9) - Math.round(Math.abs(contrib[a]) * 1e9) || a - b; });
      while (list.firstChild) list.removeChild(list.firstChild);
      idx.slice(0, 5).forEach(function (i) {
        var li = document.createElement("li"), a = document.createElement("a"), share = document.createElement("span");
        a.href = "#a-" + i;
        a.textContent = D.nodes[i].title;
        li.className = D.nodes[i].sign > 0 ? "pro" : "con";
        share.className = "share";
        share.setAttribute("data-argmap-contribution", D.nodes[i].id);
        setValue(share, signed(contrib[i]), contrib[i]);
        li.appendChild(a);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(share);
        list.appendChild(li);
      });
      if (idx.length === 0) {
        var li = document.createElement("li");
        li.className = "none";
        li.textContent = "No argument pushes the margin toward " + toward + " by as much as 0.0005.";
        list.appendChild(li);
      }
    });
  }

  // The atlas: each semantics' picture, the one picked shown, and a ring at the sliders'
  // weights placed as the atlas places its marks (each axis's share of the axes' weight).
  var A = D.atlas, views = {}, SVGNS = "http://www.w3.org/2000/svg";
  Array.prototype.forEach.call(document.querySelectorAll("[data-argmap-atlas]"), function (el) {
    views[el.getAttribute("data-argmap-atlas")] = el;
  });
  var marker = null, markerTitle = null, markerRings = [];
  function makeMarker() {
    marker = document.createElementNS(SVGNS, "g");
    marker.setAttribute("data-argmap", "atlas-ring");
    marker.setAttribute("role", "img");
    markerTitle = document.createElementNS(SVGNS, "title");
    marker.appendChild(markerTitle);
    // A black ring on a white one: 3:1 or more against every cell's colour and the page.
    [["#ffffff", "7"], ["#111111", "3"]].forEach(function (c) {
      var ring = document.createElementNS(SVGNS, "circle");
      ring.setAttribute("r", "11");
      ring.setAttribute("fill", "none");
      ring.setAttribute("stroke", c[0]);
      ring.setAttribute("stroke-width", c[1]);
      marker.appendChild(ring);
      markerRings.push(ring);
    });
    var dot = document.createElementNS(SVGNS, "circle");
    dot.setAttribute("r", "3");
    dot.setAttribute("fill", "#111111");
    marker.appendChild(dot);
  }
  function triIndex(n, i, j) { return i * (n + 1) - i * (i - 1) / 2 + j; }
  // nearest is score.Atlas.Nearest: the index of the cell whose part of the simplex holds at.
  function nearest(at) {
    var n = A.resolution, k;
    if (A.strip) return Math.min(Math.max(Math.round(at[0] * n), 0), n);
    var x = [at[0] * n, at[1] * n, at[2] * n], r = [Math.round(x[0]), Math.round(x[1]), Math.round(x[2])];
    for (var s = r[0] + r[1] + r[2]; s !== n; s = r[0] + r[1] + r[2]) {
      var best = 0, bestD = -1;
      for (k = 0; k < 3; k++) {
        var d = r[k] - x[k];
        if (s < n) d = -d;
        if (d > bestD) { best = k; bestD = d; }
      }
      if (s > n) r[best]--; else r[best]++;
    }
    for (k = 0; k < 3; k++) r[k] = Math.min(Math.max(r[k], 0), n);
    return triIndex(n, r[0], Math.min(r[1], n - r[0]));
  }
  function andList(names) {
    return names.length < 2 ? names.join("") : names.slice(0, -1).join(", ") + " and " + names[names.length - 1];
  }
  function verdictWord(v) { return v === "tie" ? "a tie" : v.toUpperCase(); }
  var cellVerdict = { p: "pro", c: "con", t: "tie" };
  // atlas shows sem's picture with the ring at the weights, and says in words where it is (the
  // sentence html.go's markerText writes for the exported weights).
  function atlas(weights, sem, live) {
    if (!A) return;
    Object.keys(views).forEach(function (s) { views[s].hidden = s !== sem; });
    var svg = views[sem] && views[sem].querySelector("svg");
    if (!svg) return;
    if (!marker) makeMarker();
    if (marker.parentNode !== svg) svg.appendChild(marker);
    var sum = 0, k, at = [0, 0, 0], parts = [], text;
    A.axes.forEach(function (c) { sum += weight(weights, c); });
    if (!(sum > 0)) {
      marker.setAttribute("visibility", "hidden");
      text = "The weights now give " + andList(A.names) + " no weight: the ring has no place on the map.";
    } else {
      for (k = 0; k < A.axes.length; k++) {
        at[k] = weight(weights, A.axes[k]) / sum;
        parts.push(A.names[k] + " " + Math.round(100 * at[k]) + "%");
      }
      var x, y, h = A.side * Math.sqrt(3) / 2;
      if (A.strip) { x = A.x + (1 - at[0]) * A.side; y = A.y + 20; } else { x = A.x + (at[0] / 2 + at[2]) * A.side; y = A.y + h - at[0] * h; }
      marker.setAttribute("transform", "translate(" + x.toFixed(2) + " " + y.toFixed(2) + ")");
      marker.setAttribute("visibility", "visible");
      text = "The ring marks the weights now (" + parts.join(", ");
      if (A.held.length > 0) text += " of the weight the three share";
      text += ")";
      var off = [];
      A.held.forEach(function (c, k) {
        if (Math.abs(weight(weights, c) / sum - A.heldW[k] / A.total) > 1e-12) off.push(A.heldNames[k]);
      });
      markerRings[1].setAttribute("stroke-dasharray", off.length > 0 ? "4,3" : "none");
      if (off.length > 0) {
        text += ", but " + andList(off) + (off.length > 1 ? " weigh otherwise than the map holds them" : " weighs otherwise than the map holds it") +
          ", so its colour there need not be the verdict, which is " + verdictWord(live) + ".";
      } else {
        var cell = cellVerdict[A.cells[sem].charAt(nearest(at))];
        text += ": in the " + (cell === "tie" ? "tie" : cell.toUpperCase()) + " region of the map.";
        if (cell !== live) text += " Between the map's points, these exact weights give " + verdictWord(live) + ".";
      }
    }
    markerTitle.textContent = text;
    var caption = one("atlas-marker");
    if (caption) caption.textContent = text;
  }

  function redraw() {
    performance.mark("argmap-start");
    var weights = current(), r = evaluate(weights, picker ? picker.value : D.semantics);
    var v = one("verdict");
    setValue(v, words[r.verdict], r.verdict);
    if (v) v.className = "outcome " + r.verdict;
    setValue(one("margin"), signed(r.margin), r.margin);
    var ts = one("thesis-score");
    if (r.sem === "sum") setValue(ts, "none under sum", "");
    else setValue(ts, fixed(r.sigma[thesis]), r.sigma[thesis]);
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
    deciding(r.contrib);
    atlas(weights, r.sem, r.verdict);
    performance.mark("argmap-end");
    performance.measure("argmap-redraw", { start: "argmap-start", end: "argmap-end", detail: { semantics: r.sem, contributions: r.fn } });
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
  Array.prototype.forEach.call(document.querySelectorAll("figure.map svg g.node"), function (g) {
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
