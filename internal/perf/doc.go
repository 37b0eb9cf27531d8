// Package perf holds argmap's end-to-end benchmarks: a generated corpus of 1,000, 10,000 and
// 100,000 arguments taken through the same steps as the argmap binary (load and validate with
// corpus.Load, build the graph, score, export), each step timed alone and the whole pipeline
// timed at once, with bytes and allocations per operation and the peak heap growth during an
// operation. It holds no code of its own; the benchmarks are in perf_test.go.
//
// The package benchmarks of the steps' internals stay beside them (internal/corpus,
// internal/score, internal/export); these are the figures bench/PERFORMANCE.md quotes against
// the targets: 100,000 arguments loaded, validated and scored in under 2 s and 1 GiB, and ten
// times the arguments costing at most twelve times the time.
//
//	go test -run '^$' -bench . -benchmem -benchtime 3x -timeout 30m ./internal/perf
package perf
