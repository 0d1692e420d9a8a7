package contactcsv

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/nurturesms/nurture/campaign"
)

// DefaultBatch is how many rows go into one transaction.
const DefaultBatch = 2000

// Options tune an import.
type Options struct {
	// Country is the ISO code for numbers without a country code.
	Country string
	// Mapping assigns fields to columns; nil guesses from the header.
	Mapping Mapping
	// Tags are added to every imported contact.
	Tags []string
	// Source names the file in consent details, e.g. "leads.csv".
	Source string
	// Rejects, when set, receives the rejected rows as CSV: the file's
	// columns and a reason column.
	Rejects io.Writer
	// Progress, when set, is called after each batch is saved, from the
	// goroutine that runs Import.
	Progress func(Progress)
	// Batch is the number of rows per transaction; 0 means DefaultBatch.
	Batch int
	// Now is the time recorded on consent events; zero means time.Now.
	Now time.Time
}

// Progress says how far an import has come.
type Progress struct {
	// Rows counts the data rows read so far.
	Rows       int
	Imported   int
	Updated    int
	Rejected   int
	Duplicates int
	NotMobile  int
	// StillOptedOut counts contacts that stay opted out although the
	// file carried consent for them.
	StillOptedOut int
	// BytesRead counts the bytes of the file read so far.
	BytesRead int64
	// SavedLine is the last line of the file whose row is saved.
	SavedLine int
}

// Summary is the outcome of an import.
type Summary struct {
	Progress
	Encoding  Encoding
	Separator rune
	// FirstRejects holds the reasons of the first rejected rows, up to
	// MaxFirstRejects, each starting with the row's line number.
	FirstRejects []string
}

// MaxFirstRejects is how many rejected rows a Summary describes.
const MaxFirstRejects = 200

// keepRejects notes the reasons of rejected rows until the summary
// holds MaxFirstRejects of them.
func (s *Summary) keepRejects(rows []rejected) {
	for _, r := range rows {
		if len(s.FirstRejects) >= MaxFirstRejects {
			return
		}
		s.FirstRejects = append(s.FirstRejects, r.text())
	}
}

// String reads like "9,870 imported, 112 updated, 18 rejected".
func (p Progress) String() string {
	s := fmt.Sprintf("%s imported, %s updated, %s rejected",
		Thousands(p.Imported), Thousands(p.Updated), Thousands(p.Rejected))
	if p.Duplicates > 0 {
		s += fmt.Sprintf(", %s skipped", Count(p.Duplicates, "duplicate"))
	}
	if p.NotMobile > 0 {
		s += fmt.Sprintf(", %s flagged as not mobile",
			Thousands(p.NotMobile))
	}
	if p.StillOptedOut > 0 {
		s += fmt.Sprintf("; %s stay opted out", Thousands(p.StillOptedOut))
	}
	return s
}

// Count writes "1 contact" or "12,000 contacts": n and the noun,
// plural when n is not one.
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return Thousands(n) + " " + noun + "s"
}

// Thousands writes n with commas between groups of three digits.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// StoppedError says an import stopped before the end of the file and
// how far it got. Rows up to SavedLine are saved; none after.
type StoppedError struct {
	SavedLine int
	Err       error
}

// Error explains where the import stopped, in words for the user.
func (e *StoppedError) Error() string {
	where := "No rows were saved."
	if e.SavedLine > 0 {
		where = fmt.Sprintf("Rows up to line %s are saved; later rows "+
			"are not.", Thousands(e.SavedLine))
	}
	if errors.Is(e.Err, context.Canceled) {
		return "The import was cancelled. " + where
	}
	return "The import stopped: " + campaign.ErrorMessage(e.Err) + " " +
		where
}

// Unwrap returns the cause.
func (e *StoppedError) Unwrap() error { return e.Err }

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
