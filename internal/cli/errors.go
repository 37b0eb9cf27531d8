package cli

import (
	"errors"
	"fmt"
)

// Exit codes, the same for every command.
const (
	exitOK    = 0 // the command did what was asked
	exitCheck = 1 // a check (validate, --expect, --min-margin) did not hold
	exitUsage = 2 // bad usage, bad input, or a corpus that cannot be loaded
)

// CheckError says a check the user asked for did not hold. Its message is one line; the
// command has already printed what it found.
type CheckError struct{ Msg string }

func (e *CheckError) Error() string { return e.Msg }

// UsageError is a mistake in the command line itself: the message is followed by a pointer to
// the command's help, not the whole usage.
type UsageError struct {
	Err error
	Cmd string
}

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

func usageErrorf(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// silentError has already been reported in full; only its exit code is left to give.
type silentError struct{ code int }

func (e *silentError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func exitCode(err error) int {
	var check *CheckError
	var silent *silentError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &silent):
		return silent.code
	case errors.As(err, &check):
		return exitCheck
	default:
		return exitUsage
	}
}
