package argument

import (
	"cmp"
	"slices"
)

func sortInts(s []int) { slices.Sort(s) }

func sortComps(c [][]int) {
	slices.SortFunc(c, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
}
