package campaign

import (
	"errors"
	"fmt"
)

// Error codes say what kind of failure an Error is, so that callers can
// react without parsing text.
const (
	EINVALID  = "invalid"   // the input breaks a rule; the message says which
	ENOTFOUND = "not_found" // the thing asked for does not exist
	ECONFLICT = "conflict"  // the change clashes with what is stored
	EINTERNAL = "internal"  // a fault that is not the user's to fix
)

// Error is a failure whose Message is written for the person using the
// app: it says what happened and what to do about it.
type Error struct {
	Code    string
	Message string
}

// Error returns the user-facing message.
func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, or
// EINTERNAL when there is none. A nil err has no code.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of the first *Error in
// err's chain. Other errors get a generic message, since their text may
// name files, SQL or hosts that mean nothing to the user.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "Something went wrong inside Nurture. " +
		"The details are in the log file; nothing you saved was lost."
}
