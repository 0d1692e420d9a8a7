package twilioclient

import (
	"fmt"
	"time"
)

// Class sorts a failure by what the sender should do about it.
type Class string

// The classes of failure. Each has a plain-language explanation.
const (
	// ClassAccountHalted: the account cannot send (suspended, out of
	// funds, or its credentials stopped working after they had worked).
	// Pause everything until the user fixes the account.
	ClassAccountHalted Class = "account_halted"
	// ClassRateLimited: Twilio asked to slow down. Wait RetryAfter.
	ClassRateLimited Class = "rate_limited"
	// ClassOutcomeUnknown: no clear answer came back; the Message may
	// have been created. Reconcile before sending again.
	ClassOutcomeUnknown Class = "outcome_unknown"
	// ClassRecipientInvalid: the number cannot receive SMS. Skip it.
	ClassRecipientInvalid Class = "recipient_invalid"
	// ClassOptedOut: the Contact replied STOP. Never send again.
	ClassOptedOut Class = "opted_out"
	// ClassCountryNotEnabled: the account may not send to that country.
	ClassCountryNotEnabled Class = "country_not_enabled"
	// ClassConfiguration: the Messaging Service or request is set up
	// wrongly. Pause until the user fixes it.
	ClassConfiguration Class = "configuration"
	// ClassContent: the Message itself was refused. Fix the text.
	ClassContent Class = "content"
	// ClassCarrierLimits: a carrier refused for volume. Retry later.
	ClassCarrierLimits Class = "carrier_limits"
	// ClassCredentials: Twilio rejected the Account SID and Auth Token
	// before they had ever worked.
	ClassCredentials Class = "credentials"
	// ClassOther: a Twilio error Nurture has no rule for.
	ClassOther Class = "other"
)

// codeClasses maps Twilio error codes to classes. 20003 is special: see
// classifyCode.
var codeClasses = map[int]Class{
	10001: ClassAccountHalted,
	20005: ClassAccountHalted,
	30002: ClassAccountHalted,
	20429: ClassRateLimited,
	21211: ClassRecipientInvalid,
	21614: ClassRecipientInvalid,
	21612: ClassRecipientInvalid,
	30003: ClassRecipientInvalid,
	30005: ClassRecipientInvalid,
	30006: ClassRecipientInvalid,
	21610: ClassOptedOut,
	21408: ClassCountryNotEnabled,
	21602: ClassConfiguration,
	21603: ClassConfiguration,
	21701: ClassConfiguration,
	21705: ClassConfiguration,
	20404: ClassConfiguration,
	21617: ClassContent,
	30007: ClassContent,
	30022: ClassCarrierLimits,
	30023: ClassCarrierLimits,
}

// ClassifyCode returns the class of a Twilio error code, as found in a
// Message's error_code. hadSuccess tells whether these credentials have
// worked before: a 20003 then means the account was halted.
func ClassifyCode(code int, hadSuccess bool) Class {
	if code == 20003 {
		if hadSuccess {
			return ClassAccountHalted
		}
		return ClassCredentials
	}
	if c, ok := codeClasses[code]; ok {
		return c
	}
	return ClassOther
}

// explanations are what the user reads, one per class.
var explanations = map[Class]string{
	ClassAccountHalted: "Twilio has stopped this account from sending. " +
		"The balance may be spent or the account suspended. Top up or " +
		"check the account in the Twilio console; sending is paused " +
		"until then.",
	ClassRateLimited: "Twilio asked Nurture to slow down. Nurture waits " +
		"and tries again by itself.",
	ClassOutcomeUnknown: "Nurture did not get a clear answer from " +
		"Twilio, so the Message may or may not have been sent. Nurture " +
		"checks with Twilio before sending it again.",
	ClassRecipientInvalid: "This phone number cannot receive SMS. Check " +
		"the Contact's number.",
	ClassOptedOut: "This Contact replied STOP, so Twilio will not send " +
		"to them. They must reply START to receive Messages again.",
	ClassCountryNotEnabled: "Your Twilio account may not send SMS to " +
		"this country. Enable it under Messaging > Settings > Geo " +
		"permissions in the Twilio console.",
	ClassConfiguration: "Twilio refused the request because of how the " +
		"account or Messaging Service is set up. Check that the " +
		"Messaging Service exists and has at least one Sender.",
	ClassContent: "Twilio or the carrier refused the Message's text. " +
		"Shorten it or reword it.",
	ClassCarrierLimits: "The carrier refused the Message because too " +
		"many were sent. Nurture tries again later.",
	ClassCredentials: "Twilio rejected this Account SID and Auth Token. " +
		"Check them in the Twilio console.",
	ClassOther: "Twilio refused the request.",
}

// Explanation returns the plain-language explanation of the class.
func (c Class) Explanation() string {
	if e, ok := explanations[c]; ok {
		return e
	}
	return explanations[ClassOther]
}

// Error is a failure of a Twilio call or of a Message, sorted into a
// Class. Its text is plain language and never holds the Auth Token.
type Error struct {
	Class      Class
	Code       int           // Twilio's error code; 0 when there is none
	Status     int           // HTTP status; 0 when no answer came
	RetryAfter time.Duration // from Retry-After, for ClassRateLimited
	Op         string        // what Nurture was doing, e.g. "send"
	Err        error         // the underlying error, if any
}

// Error returns the explanation with Twilio's code.
func (e *Error) Error() string {
	if e.Class == ClassCredentials && e.Code != 0 {
		return fmt.Sprintf("Twilio rejected this Account SID and Auth "+
			"Token (error %d). Check them in the Twilio console.", e.Code)
	}
	msg := e.Class.Explanation()
	switch {
	case e.Class == ClassOutcomeUnknown && !e.mayHaveSent():
		msg = "Nurture did not get a clear answer from Twilio. Check " +
			"the internet connection and try again; if it goes on, " +
			"see status.twilio.com."
	case e.Class == ClassRateLimited && !e.mayHaveSent():
		// Only sends are retried by themselves.
		msg = fmt.Sprintf("Twilio asked Nurture to slow down. Try "+
			"again in %s.", waitText(e.RetryAfter))
	}
	if e.Code != 0 {
		msg += fmt.Sprintf(" Twilio error %d.", e.Code)
	}
	return msg
}

// waitText words a Retry-After for the user, "a few seconds" when
// Twilio gave none.
func waitText(d time.Duration) string {
	secs := int((d + time.Second - 1) / time.Second)
	switch {
	case secs <= 0:
		return "a few seconds"
	case secs == 1:
		return "1 second"
	case secs < 120:
		return fmt.Sprintf("%d seconds", secs)
	}
	return fmt.Sprintf("%d minutes", (secs+59)/60)
}

// mayHaveSent reports whether the failed call could have created or
// changed a Message; a read that got no answer changed nothing.
func (e *Error) mayHaveSent() bool {
	switch e.Op {
	case "", "send", "schedule", "cancel":
		return true
	}
	return false
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Link returns Twilio's page about the error code, or "" without one.
func (e *Error) Link() string {
	if e.Code == 0 {
		return ""
	}
	return ErrorLink(e.Code)
}

// ErrorLink returns the address of Twilio's page about code.
func ErrorLink(code int) string {
	return fmt.Sprintf("https://www.twilio.com/docs/api/errors/%d", code)
}
