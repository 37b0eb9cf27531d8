package score

import "math"

// Scoring an acyclic graph under several weightings in one pass. A category's scan scores the
// whole graph at every point of its grid (257 and more); one pass per point reads the graph,
// and mispredicts its branches (how many parents, support or attack), once per point. Four
// weightings side by side, in lanes, read each node and each edge once for all four, and what a
// node passes on sits in one cache line for the four. Each lane does the very operations of
// Model.eval in the same order, so its margin is the one Margin gives, to the bit.

// lanes is how many weightings a batch scores at once.
const lanes = 4

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
		var x0, x1, x2, x3 float64
		if m.sem == DFQuAD {
			s0, s1, s2, s3 := 1.0, 1.0, 1.0, 1.0
			a0, a1, a2, a3 := 1.0, 1.0, 1.0, 1.0
			for k := lo; k < hi; k++ {
				o := ov[int(m.inSrc[k])*lanes:][:lanes]
				if m.inAtt[k] {
					a0, a1, a2, a3 = a0*(1-o[0]), a1*(1-o[1]), a2*(1-o[2]), a3*(1-o[3])
				} else {
					s0, s1, s2, s3 = s0*(1-o[0]), s1*(1-o[1]), s2*(1-o[2]), s3*(1-o[3])
				}
			}
			x0 = clamp01(dfquadSelect(tau, 1-s0, 1-a0))
			x1 = clamp01(dfquadSelect(tau, 1-s1, 1-a1))
			x2 = clamp01(dfquadSelect(tau, 1-s2, 1-a2))
			x3 = clamp01(dfquadSelect(tau, 1-s3, 1-a3))
		} else {
			var e0, e1, e2, e3 float64
			for k := lo; k < hi; k++ {
				o := ov[int(m.inSrc[k])*lanes:][:lanes]
				if m.inAtt[k] {
					e0, e1, e2, e3 = e0-o[0], e1-o[1], e2-o[2], e3-o[3]
				} else {
					e0, e1, e2, e3 = e0+o[0], e1+o[1], e2+o[2], e3+o[3]
				}
			}
			x0, x1, x2, x3 = m.fromEnergy(tau, e0), m.fromEnergy(tau, e1), m.fromEnergy(tau, e2), m.fromEnergy(tau, e3)
		}
		if p == m.thesis {
			*margins = [lanes]float64{x0 - tau, x1 - tau, x2 - tau, x3 - tau}
		}
		o := ov[int(p)*lanes:][:lanes]
		if c := m.cat[p]; c < 0 {
			o[0], o[1], o[2], o[3] = 0, 0, 0, 0 // the thesis passes nothing on
		} else {
			w := b.lam[int(c)*lanes:][:lanes]
			o[0], o[1], o[2], o[3] = w[0]*x0, w[1]*x1, w[2]*x2, w[3]*x3
		}
	}
}

// dfquadSelect is dfquad without a branch on which aggregate is larger (the branch goes either
// way from one node to the next, and mispredicts), to the bit: tau − tau·(va − vs) is
// tau + tau·(vs − va) exactly.
func dfquadSelect(tau, vs, va float64) float64 {
	d := vs - va
	lo, hi := math.Float64bits(tau), math.Float64bits(1-tau)
	c := lo
	if d > 0 {
		c = hi
	}
	return tau + math.Float64frombits(c)*d
}
