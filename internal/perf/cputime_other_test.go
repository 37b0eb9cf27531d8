//go:build !unix

package perf_test

import "time"

// cpuTime is not measured where getrusage does not exist; the benchmarks then report wall
// time only.
func cpuTime() (time.Duration, bool) { return 0, false }
