package score

// Contributions and strength probes: the margin with one argument removed, or with one
// argument's strength changed, starting each time from the full solution. Either changes only
// what lies downstream of the argument, so the change is pushed forward along out-edges, block
// by block in evaluation order, and stops wherever a score comes out unchanged. A node outside
// cycles is not re-evaluated from all its parents: its aggregate over parents (DF-QuAD's
// products, the energy sum) is kept from the full solution and adjusted by each parent that
// changed, so a thesis with thousands of direct arguments costs O(1) per removal or probe, not
// O(thousands). Cycles reached by the change are solved again whole.

// removal is the working memory for contributions and strength probes.
type removal struct {
	// Aggregates of the full solution, by position.
	e            []float64 // energy: Σ supporters' λσ − Σ attackers' λσ
	sProd, aProd []float64 // DF-QuAD: product of the factors 1 − λσ that are not 0
	sZero, aZero []int32   // and how many factors are exactly 0

	// Changes pushed during one removal or probe, by position; valid where pushedAt is the
	// generation.
	ch       changes
	pushedAt []uint32
	pushed   []int32

	queuedAt []uint32 // by block
	gen      uint32
	heap     []int32 // blocks to process, smallest (earliest) first

	changed          []int32 // positions whose score was overwritten, to restore
	oldSigma, oldOvs []float64
}

// changes holds, by slot (a position, or an index into a list of positions), what the parents
// that changed do to a node's aggregate: the change of its energy, or for DF-QuAD the factor
// each product is multiplied by and the change in its count of zero factors.
type changes struct {
	dfquad     bool
	de         []float64 // energy semantics
	sMul, aMul []float64 // DF-QuAD
	sDZ, aDZ   []int32
}

// resize makes room for n slots, keeping none of their contents.
func (c *changes) resize(dfquad bool, n int) {
	c.dfquad = dfquad
	if dfquad {
		if cap(c.sMul) < n {
			c.sMul, c.aMul = make([]float64, n), make([]float64, n)
			c.sDZ, c.aDZ = make([]int32, n), make([]int32, n)
		}
		c.sMul, c.aMul, c.sDZ, c.aDZ = c.sMul[:n], c.aMul[:n], c.sDZ[:n], c.aDZ[:n]
		return
	}
	if cap(c.de) < n {
		c.de = make([]float64, n)
	}
	c.de = c.de[:n]
}

// reset marks slot k unchanged.
func (c *changes) reset(k int32) {
	if c.dfquad {
		c.sMul[k], c.aMul[k], c.sDZ[k], c.aDZ[k] = 1, 1, 0, 0
	} else {
		c.de[k] = 0
	}
}

// swap records at slot k that a parent (an attacker when att) now passes on now instead of old.
func (c *changes) swap(k int32, att bool, old, now float64) {
	switch {
	case !c.dfquad && att:
		c.de[k] -= now - old
	case !c.dfquad:
		c.de[k] += now - old
	case att:
		c.aMul[k], c.aDZ[k] = swapFactor(c.aMul[k], c.aDZ[k], 1-old, 1-now)
	default:
		c.sMul[k], c.sDZ[k] = swapFactor(c.sMul[k], c.sDZ[k], 1-old, 1-now)
	}
}

// prepareRemovals records the aggregates of the current (full) solution.
func (m *Model) prepareRemovals() {
	n := m.n
	r := m.rm
	if r == nil {
		r = &removal{pushedAt: make([]uint32, n), queuedAt: make([]uint32, len(m.blockCyc))}
		r.ch.resize(m.sem == DFQuAD, n)
		if m.sem == DFQuAD {
			r.sProd, r.aProd = make([]float64, n), make([]float64, n)
			r.sZero, r.aZero = make([]int32, n), make([]int32, n)
		} else {
			r.e = make([]float64, n)
		}
		m.rm = r
	}
	for p := range int32(n) {
		lo, hi := m.inStart[p], m.inStart[p+1]
		if m.sem == DFQuAD {
			sp, ap, sz, az := 1.0, 1.0, int32(0), int32(0)
			for k := lo; k < hi; k++ {
				f := 1 - m.ov[m.inSrc[k]]
				switch {
				case f == 0 && m.inAtt[k]:
					az++
				case f == 0:
					sz++
				case m.inAtt[k]:
					ap *= f
				default:
					sp *= f
				}
			}
			r.sProd[p], r.aProd[p], r.sZero[p], r.aZero[p] = sp, ap, sz, az
			continue
		}
		e := 0.0
		for k := lo; k < hi; k++ {
			if m.inAtt[k] {
				e -= m.ov[m.inSrc[k]]
			} else {
				e += m.ov[m.inSrc[k]]
			}
		}
		r.e[p] = e
	}
}

// marginWithout returns the margin with the argument at node index i removed (its node and
// edges dropped), given that the model holds the full solution, its margin, and the aggregates
// of prepareRemovals. The model is left as it was. ok is false when a cycle reached by the
// change hit the iteration bounds.
func (m *Model) marginWithout(i int, full float64) (margin float64, ok bool) {
	a := m.pos[i]
	if m.sem == Sum {
		return full - m.sign[a]*m.w[a]*m.taus[a], true
	}
	m.begin()
	wa := m.w[a]
	m.w[a] = 0
	if b := m.blockOf[a]; m.blockCyc[b] {
		m.enqueue(b)
	} else {
		// Its own score stands; what it passes on drops to 0.
		m.record(a)
		m.ov[a] = 0
		m.push(a, m.rm.oldOvs[len(m.rm.oldOvs)-1], 0)
	}
	ok = m.propagate()
	margin = m.sigma[m.thesis] - m.taus[m.thesis]
	m.w[a] = wa
	m.restore()
	return margin, ok
}

// marginWithStrength returns the margin with the strength at position p set to tau, under a
// graph semantics, given that the model holds the full solution and the aggregates of
// prepareRemovals. The model is left as it was. ok is false when a cycle reached by the change
// hit the iteration bounds.
func (m *Model) marginWithStrength(p int32, tau float64) (margin float64, ok bool) {
	m.begin()
	tau0 := m.taus[p]
	m.taus[p] = tau
	b := m.blockOf[p]
	if !m.blockCyc[b] {
		m.touch(p) // its parents are as they were: its aggregate stands, its strength moves
	}
	m.enqueue(b)
	ok = m.propagate()
	margin = m.sigma[m.thesis] - m.taus[m.thesis]
	m.taus[p] = tau0
	m.restore()
	return margin, ok
}

// begin starts a removal or a probe: nothing pushed, queued or changed yet.
func (m *Model) begin() {
	r := m.rm
	r.gen++
	if r.gen == 0 { // wrapped: stamps from 2³² removals ago would look current
		clear(r.pushedAt)
		clear(r.queuedAt)
		r.gen = 1
	}
	r.changed, r.oldSigma, r.oldOvs = r.changed[:0], r.oldSigma[:0], r.oldOvs[:0]
	r.pushed, r.heap = r.pushed[:0], r.heap[:0]
}

// propagate solves the queued blocks in evaluation order, pushing each change on to the blocks
// below, and reports whether every cycle it solved converged.
func (m *Model) propagate() (ok bool) {
	r := m.rm
	ok = true
	for len(r.heap) > 0 {
		b := m.pop()
		lo, hi := m.blockStart[b], m.blockStart[b+1]
		if !m.blockCyc[b] {
			x := m.recompute(lo)
			if x == m.sigma[lo] {
				continue // unchanged: nothing further down moves
			}
			m.record(lo)
			old := m.ov[lo]
			m.set(lo, x)
			if m.ov[lo] != old {
				m.push(lo, old, m.ov[lo])
			}
			continue
		}
		first := len(r.changed)
		for p := lo; p < hi; p++ {
			m.record(p)
		}
		if !m.iterate(lo, hi).Converged {
			ok = false
		}
		for k, p := first, lo; p < hi; k, p = k+1, p+1 {
			if m.ov[p] != r.oldOvs[k] {
				m.push(p, r.oldOvs[k], m.ov[p])
			}
		}
	}
	return ok
}

// restore puts back the scores a removal or a probe overwrote.
func (m *Model) restore() {
	r := m.rm
	for k, p := range r.changed {
		m.sigma[p], m.ov[p] = r.oldSigma[k], r.oldOvs[k]
	}
}

// record saves the score of position p before a removal overwrites it.
func (m *Model) record(p int32) {
	r := m.rm
	r.changed = append(r.changed, p)
	r.oldSigma = append(r.oldSigma, m.sigma[p])
	r.oldOvs = append(r.oldOvs, m.ov[p])
}

// push passes a change in what q passes on (old to now) to its children outside its own block,
// and queues their blocks.
func (m *Model) push(q int32, old, now float64) {
	r := m.rm
	bq := m.blockOf[q]
	for k := m.outStart[q]; k < m.outStart[q+1]; k++ {
		c := m.outDst[k]
		bc := m.blockOf[c]
		if bc == bq {
			continue // solved again whole
		}
		m.touch(c)
		r.ch.swap(c, m.outAtt[k], old, now)
		m.enqueue(bc)
	}
}

// touch starts the record of the changes pushed to position c, once per removal or probe.
func (m *Model) touch(c int32) {
	r := m.rm
	if r.pushedAt[c] != r.gen {
		r.pushedAt[c] = r.gen
		r.pushed = append(r.pushed, c)
		r.ch.reset(c)
	}
}

// swapFactor takes the factor from out of a product kept as (multiplier, count of zero
// factors) and puts the factor to in.
func swapFactor(mul float64, zeros int32, from, to float64) (float64, int32) {
	if from == 0 {
		zeros--
	} else {
		mul /= from
	}
	if to == 0 {
		zeros++
	} else {
		mul *= to
	}
	return mul, zeros
}

// recompute is the score of position p (outside any cycle) from its aggregates and the changes
// pushed to it.
func (m *Model) recompute(p int32) float64 {
	return m.scoreWith(p, m.taus[p], &m.rm.ch, p)
}

// scoreWith is the score of position p (outside any cycle) with strength tau, from the
// aggregates of the full solution changed as slot k of c says.
func (m *Model) scoreWith(p int32, tau float64, c *changes, k int32) float64 {
	r := m.rm
	if m.sem == DFQuAD {
		ps := product(r.sProd[p], r.sZero[p], c.sMul[k], c.sDZ[k])
		pa := product(r.aProd[p], r.aZero[p], c.aMul[k], c.aDZ[k])
		return clamp01(dfquad(tau, 1-ps, 1-pa))
	}
	return m.fromEnergy(tau, r.e[p]+c.de[k])
}

// product is a DF-QuAD product kept as the product of its factors that are not 0 and how many
// are, changed by a multiplier and a change in that count. A product that underflowed to 0
// stays 0 whatever the multiplier (which could be large enough to overflow).
func product(prod float64, zeros int32, mul float64, dz int32) float64 {
	if zeros+dz > 0 || prod == 0 {
		return 0
	}
	return prod * mul
}

func (m *Model) enqueue(b int32) {
	r := m.rm
	if r.queuedAt[b] == r.gen {
		return
	}
	r.queuedAt[b] = r.gen
	r.heap = append(r.heap, b)
	for i := len(r.heap) - 1; i > 0; {
		parent := (i - 1) / 2
		if r.heap[parent] <= r.heap[i] {
			break
		}
		r.heap[parent], r.heap[i] = r.heap[i], r.heap[parent]
		i = parent
	}
}

func (m *Model) pop() int32 {
	r := m.rm
	h := r.heap
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	for i := 0; ; {
		l, small := 2*i+1, i
		if l < len(h) && h[l] < h[small] {
			small = l
		}
		if l+1 < len(h) && h[l+1] < h[small] {
			small = l + 1
		}
		if small == i {
			break
		}
		h[i], h[small] = h[small], h[i]
		i = small
	}
	r.heap = h
	return top
}
