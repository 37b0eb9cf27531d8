// Package report holds what argmap's views say, before any medium: the argument tree as a
// reader walks it, the verdict and flip facts with the one wording of every sentence argmap
// prints about a verdict, the brief's outline, and how numbers are written for people.
// render lays these out for a terminal, export spells them in a file format, and an explorer
// or an HTML page walks the same structs. It imports argument and score, never a medium.
package report
