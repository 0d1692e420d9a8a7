package sms

import (
	"strings"
)

// Encoding is the character set a message travels in.
type Encoding int

// The two encodings Twilio chooses between.
const (
	GSM7 Encoding = iota
	UCS2
)

// String returns the encoding's usual name.
func (e Encoding) String() string {
	if e == UCS2 {
		return "UCS-2"
	}
	return "GSM-7"
}

// Segment capacities, in septets for GSM-7 and UTF-16 code units for
// UCS-2. A message split into several segments loses room in each to the
// header that joins them back together.
const (
	GSM7Single = 160
	GSM7Multi  = 153
	UCS2Single = 70
	UCS2Multi  = 67
)

// MaxChars is the longest body Twilio accepts, in characters.
const MaxChars = 1600

// Options changes how a body is analysed.
type Options struct {
	// SmartEncoding replaces Unicode look-alikes with GSM-7 characters,
	// as a Messaging Service with Smart Encoding on does.
	SmartEncoding bool
}

// Segment is one SMS of a message, as Twilio bills it.
type Segment struct {
	Text string
	// Units is the room Text takes, of Capacity: septets for GSM-7,
	// UTF-16 code units for UCS-2.
	Units, Capacity int
}

// Char is one character (a grapheme cluster) of a body, found at
// body[Start:End].
type Char struct {
	Text       string
	Start, End int
	// Fix is the GSM-7 text that can stand in for Text, when HasFix.
	Fix    string
	HasFix bool
}

// Problem is a reason Twilio would refuse a body.
type Problem int

// The problems Analyze reports.
const (
	// ProblemEmpty means the body has no text.
	ProblemEmpty Problem = iota + 1
	// ProblemTooLong means the body is over MaxChars characters.
	ProblemTooLong
)

// String says what is wrong and what to do, for the person editing.
func (p Problem) String() string {
	switch p {
	case ProblemEmpty:
		return "The message is empty. Write some text: Twilio refuses " +
			"empty messages."
	case ProblemTooLong:
		return "The message is over 1,600 characters, the most Twilio " +
			"accepts. Shorten it."
	}
	return "unknown problem"
}

// Analysis is what a body will cost to send and why.
type Analysis struct {
	Encoding Encoding
	Segments []Segment
	// Units is the sum of the segments' units: septets for GSM-7, UTF-16
	// code units for UCS-2.
	Units int
	// Body is the text analysed, and Text is what is sent: the body
	// after Smart Encoding. They differ only when Smart is set.
	Body, Text string
	// Smart is set when Smart Encoding replaced characters of the body;
	// ReplacedChars lists them.
	Smart bool
	// Chars counts the body's characters (Unicode code points), the
	// measure of Twilio's MaxChars limit.
	Chars    int
	Problems []Problem
}

// Analyze splits body into segments as Twilio would bill it.
func Analyze(body string, opt Options) Analysis {
	a := Analysis{Body: body, Text: body}

	// GSM-7 if it can be, after Smart Encoding if need be; else UCS-2.
	segs, chars, gsm := splitGSM7(body)
	if !gsm && opt.SmartEncoding {
		if text, n, ok := smartEncode(body); ok {
			a.Text, a.Smart, chars = text, true, n
			segs, _, gsm = splitGSM7(text)
		}
	}
	if !gsm {
		a.Encoding, a.Text, a.Smart = UCS2, body, false
		segs, chars = splitUCS2(body)
	}
	a.Chars = chars
	if a.Text != "" {
		a.Segments = segs
	}
	for _, s := range a.Segments {
		a.Units += s.Units
	}

	// Check Twilio's limits.
	if strings.TrimSpace(a.Text) == "" {
		a.Problems = append(a.Problems, ProblemEmpty)
	}
	if a.Chars > MaxChars {
		a.Problems = append(a.Problems, ProblemTooLong)
	}
	return a
}
