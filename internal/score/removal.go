package score

// Contributions: the margin with one argument removed, for every argument, starting each time
// from the full solution. Removing an argument changes only what lies downstream of it, so the
// change is pushed forward along out-edges, block by block in evaluation order, and stops
// wherever a score comes out unchanged. A node outside cycles is not re-evaluated from all its
// parents: its aggregate over parents (DF-QuAD's products, the energy sum) is kept from the full
// solution and adjusted by each parent that changed, so a thesis with thousands of direct
// arguments costs O(1) per removal, not O(thousands). Cycles reached by the change are solved
// again whole.

// removal is the working memory for contributions.
type removal struct {
	// Aggregates of the full solution, by position.
	e            []float64 // energy: Σ supporters' λσ − Σ attackers' λσ
	sProd, aProd []float64 // DF-QuAD: product of the factors 1 − λσ that are not 0
	sZero, aZero []int32   // and how many factors are exactly 0

	// Changes pushed during one removal, by position; valid where pushedAt is the generation.
	de         []float64
	sMul, aMul []float64
	sDZ, aDZ   []int32
	pushedAt   []uint32
	pushed     []int32

	queuedAt []uint32 // by block
	gen      uint32
	heap     []int32 // blocks to process, smallest (earliest) first

	changed          []int32 // positions whose score was overwritten, to restore
	oldSigma, oldOvs []float64
}

// prepareRemovals records the aggregates of the current (full) solution.
func (m *Model) prepareRemovals() {
	n := m.n
	r := m.rm
	if r == nil {
		r = &removal{
			de: make([]float64, n), pushedAt: make([]uint32, n),
			queuedAt: make([]uint32, len(m.blockCyc)),
		}
		if m.sem == DFQuAD {
			r.sProd, r.aProd = make([]float64, n), make([]float64, n)
			r.sZero, r.aZero = make([]int32, n), make([]int32, n)
			r.sMul, r.aMul = make([]float64, n), make([]float64, n)
			r.sDZ, r.aDZ = make([]int32, n), make([]int32, n)
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
	r := m.rm
	r.gen++
	if r.gen == 0 { // wrapped: stamps from 2³² removals ago would look current
		clear(r.pushedAt)
		clear(r.queuedAt)
		r.gen = 1
	}
	r.changed, r.oldSigma, r.oldOvs = r.changed[:0], r.oldSigma[:0], r.oldOvs[:0]
	r.pushed, r.heap = r.pushed[:0], r.heap[:0]

	wa := m.w[a]
	m.w[a] = 0
	if b := m.blockOf[a]; m.blockCyc[b] {
		m.enqueue(b)
	} else {
		// Its own score stands; what it passes on drops to 0.
		m.record(a)
		m.ov[a] = 0
		m.push(a, r.oldOvs[len(r.oldOvs)-1], 0)
	}
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
	margin = m.sigma[m.thesis] - m.taus[m.thesis]

	m.w[a] = wa
	for k, p := range r.changed {
		m.sigma[p], m.ov[p] = r.oldSigma[k], r.oldOvs[k]
	}
	return margin, ok
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
		if r.pushedAt[c] != r.gen {
			r.pushedAt[c] = r.gen
			r.pushed = append(r.pushed, c)
			if m.sem == DFQuAD {
				r.sMul[c], r.aMul[c], r.sDZ[c], r.aDZ[c] = 1, 1, 0, 0
			} else {
				r.de[c] = 0
			}
		}
		switch {
		case m.sem != DFQuAD && m.outAtt[k]:
			r.de[c] -= now - old
		case m.sem != DFQuAD:
			r.de[c] += now - old
		case m.outAtt[k]:
			r.aMul[c], r.aDZ[c] = swapFactor(r.aMul[c], r.aDZ[c], 1-old, 1-now)
		default:
			r.sMul[c], r.sDZ[c] = swapFactor(r.sMul[c], r.sDZ[c], 1-old, 1-now)
		}
		m.enqueue(bc)
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
	r := m.rm
	tau := m.taus[p]
	if m.sem == DFQuAD {
		ps, pa := r.sProd[p]*r.sMul[p], r.aProd[p]*r.aMul[p]
		if r.sZero[p]+r.sDZ[p] > 0 {
			ps = 0
		}
		if r.aZero[p]+r.aDZ[p] > 0 {
			pa = 0
		}
		return clamp01(dfquad(tau, 1-ps, 1-pa))
	}
	return m.fromEnergy(tau, r.e[p]+r.de[p])
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
