package score

// Plan is the order in which a Model evaluates a graph, for an evaluator outside Go (the HTML
// brief's) that must reach the same numbers: the nodes by node index in evaluation order, cut
// into blocks, each one node or a cycle solved by iteration.
type Plan struct {
	Order      []int  // node indices in evaluation order
	BlockStart []int  // block b is Order[BlockStart[b]:BlockStart[b+1]]
	Cyclic     []bool // block b is a cycle
	Categories []string
}

// Plan returns the model's evaluation order.
func (m *Model) Plan() Plan {
	p := Plan{Order: make([]int, m.n), BlockStart: make([]int, len(m.blockStart)),
		Cyclic: append([]bool(nil), m.blockCyc...), Categories: append([]string(nil), m.cats...)}
	for i, v := range m.node {
		p.Order[i] = int(v)
	}
	for i, s := range m.blockStart {
		p.BlockStart[i] = int(s)
	}
	return p
}

// Solver constants, for an evaluator outside Go that must iterate as the Model does.
const (
	SolverPrecision = precision
	SolverMaxPlain  = maxPlain
	SolverStallSpan = stallSpan
	SolverMaxSteps  = maxSteps
	SolverStep      = rk4Step
)
