package score

import "math"

// Scoring an acyclic graph under several weightings in one pass. A category's scan scores the
// whole graph at every point of its grid (257 and more). Past the size of the cache, one pass
// per point costs a cache miss for each parent read and branch mispredictions (how many
// parents, support or attack, which DF-QuAD aggregate is larger) for each node, per point.
// Eight weightings side by side, in lanes, read each node and each edge once for all eight,
// and what a node passes on in the eight sits in one 64-byte cache line. Each lane does the
// very operations of Model.eval in the same order, so its margin is the one Margin gives, to
// the bit.

// lanes is how many weightings a batch scores at once: eight float64s fill a cache line.
const lanes = 8

// batch is the working memory of batched scoring, made on first use.
type batch struct {
	ov  []float64 // by position, then lane: λ·σ
	lam []float64 // by category, then lane: λ
}

// batchMargins scores the acyclic graph under lanes weightings at once, the strengths being
// the corpus's: lam[l] gives the λ of every category of m.Categories for lane l, and margins[l]
// receives its margin.
func (m *Model) batchMargins(lam *[lanes][]float64, margins *[lanes]float64) {
	if !m.acyclic {
		panic("score: batchMargins on a cyclic graph")
	}
	b := m.bt
	if b == nil {
		b = &batch{ov: make([]float64, lanes*m.n), lam: make([]float64, lanes*len(m.cats))}
		m.bt = b
	}
	for l := range lanes {
		for c := range m.cats {
			b.lam[c*lanes+l] = lam[l][c]
		}
	}
	ov := b.ov
	for p := range int32(m.n) {
		tau := m.tau[p]
		lo, hi := m.inStart[p], m.inStart[p+1]
		var x0, x1, x2, x3, x4, x5, x6, x7 float64
		switch {
		case lo == hi:
			// No parents: every lane scores what Model.eval does with none.
			x := m.fromEnergy(tau, 0)
			if m.sem == DFQuAD {
				x = clamp01(dfquadSelect(tau, 0, 0))
			}
			x0, x1, x2, x3, x4, x5, x6, x7 = x, x, x, x, x, x, x, x
		case m.sem == DFQuAD:
			s0, s1, s2, s3, s4, s5, s6, s7 := 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0
			a0, a1, a2, a3, a4, a5, a6, a7 := 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0
			for k := lo; k < hi; k++ {
				o := ov[int(m.inSrc[k])*lanes:][:lanes]
				if m.inAtt[k] {
					a0, a1, a2, a3 = a0*(1-o[0]), a1*(1-o[1]), a2*(1-o[2]), a3*(1-o[3])
					a4, a5, a6, a7 = a4*(1-o[4]), a5*(1-o[5]), a6*(1-o[6]), a7*(1-o[7])
				} else {
					s0, s1, s2, s3 = s0*(1-o[0]), s1*(1-o[1]), s2*(1-o[2]), s3*(1-o[3])
					s4, s5, s6, s7 = s4*(1-o[4]), s5*(1-o[5]), s6*(1-o[6]), s7*(1-o[7])
				}
			}
			x0, x1 = clamp01(dfquadSelect(tau, 1-s0, 1-a0)), clamp01(dfquadSelect(tau, 1-s1, 1-a1))
			x2, x3 = clamp01(dfquadSelect(tau, 1-s2, 1-a2)), clamp01(dfquadSelect(tau, 1-s3, 1-a3))
			x4, x5 = clamp01(dfquadSelect(tau, 1-s4, 1-a4)), clamp01(dfquadSelect(tau, 1-s5, 1-a5))
			x6, x7 = clamp01(dfquadSelect(tau, 1-s6, 1-a6)), clamp01(dfquadSelect(tau, 1-s7, 1-a7))
		default:
			var e0, e1, e2, e3, e4, e5, e6, e7 float64
			for k := lo; k < hi; k++ {
				o := ov[int(m.inSrc[k])*lanes:][:lanes]
				if m.inAtt[k] {
					e0, e1, e2, e3 = e0-o[0], e1-o[1], e2-o[2], e3-o[3]
					e4, e5, e6, e7 = e4-o[4], e5-o[5], e6-o[6], e7-o[7]
				} else {
					e0, e1, e2, e3 = e0+o[0], e1+o[1], e2+o[2], e3+o[3]
					e4, e5, e6, e7 = e4+o[4], e5+o[5], e6+o[6], e7+o[7]
				}
			}
			x0, x1, x2, x3 = m.fromEnergy(tau, e0), m.fromEnergy(tau, e1), m.fromEnergy(tau, e2), m.fromEnergy(tau, e3)
			x4, x5, x6, x7 = m.fromEnergy(tau, e4), m.fromEnergy(tau, e5), m.fromEnergy(tau, e6), m.fromEnergy(tau, e7)
		}
		if p == m.thesis {
			*margins = [lanes]float64{x0 - tau, x1 - tau, x2 - tau, x3 - tau, x4 - tau, x5 - tau, x6 - tau, x7 - tau}
		}
		o := ov[int(p)*lanes:][:lanes]
		if c := m.cat[p]; c < 0 {
			*(*[lanes]float64)(o) = [lanes]float64{} // the thesis passes nothing on
		} else {
			w := b.lam[int(c)*lanes:][:lanes]
			o[0], o[1], o[2], o[3] = w[0]*x0, w[1]*x1, w[2]*x2, w[3]*x3
			o[4], o[5], o[6], o[7] = w[4]*x4, w[5]*x5, w[6]*x6, w[7]*x7
		}
	}
}

// dfquadSelect is dfquad without a branch on which aggregate is larger (it goes either way from
// one node to the next, and mispredicts), to the bit: tau − tau·(va − vs) is tau + tau·(vs − va)
// exactly, and the select compiles to a conditional move.
func dfquadSelect(tau, vs, va float64) float64 {
	d := vs - va
	lo, hi := math.Float64bits(tau), math.Float64bits(1-tau)
	c := lo
	if d > 0 {
		c = hi
	}
	return tau + math.Float64frombits(c)*d
}
