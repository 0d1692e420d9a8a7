package contactcsv

import (
	"context"
	"errors"
	"io"
	"runtime"

	"github.com/nurturesms/nurture/campaign"
)

// chunkRows is how many rows one worker normalises at a time.
const chunkRows = 256

// parsed is one row after normalisation: a contact, or a reason it was
// rejected, or a fatal error that ends the file.
type parsed struct {
	line   int
	fields []string
	ci     campaign.ContactImport
	phone  Phone
	reason string
	fatal  error
}

// chunk is a run of rows handed to a worker; done receives the result.
type chunk struct {
	recs []parsed
	done chan []parsed
}

// parseRows reads rows and normalises them on all cores, since phone
// number parsing is the costly part of an import. Results come out in
// file order; the channel closes at the end of the file, after a fatal
// error, or when ctx is done.
func parseRows(ctx context.Context, rd *Reader, m *rowMaker) <-chan parsed {
	work := make(chan *chunk)
	ordered := make(chan *chunk, 2*runtime.GOMAXPROCS(0))
	for i := 0; i < runtime.GOMAXPROCS(0); i++ {
		go func() {
			for c := range work {
				for i := range c.recs {
					m.normalise(&c.recs[i])
				}
				c.done <- c.recs
			}
		}()
	}
	go readChunks(ctx, rd, work, ordered)

	out := make(chan parsed, chunkRows)
	go func() {
		defer close(out)
		for c := range ordered {
			var recs []parsed
			select {
			case recs = <-c.done:
			case <-ctx.Done():
				return
			}
			for _, p := range recs {
				select {
				case out <- p:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return out
}

// readChunks reads the file into chunks and queues each both for a
// worker and, in order, for the collector.
func readChunks(ctx context.Context, rd *Reader, work, ordered chan *chunk) {
	defer close(work)
	defer close(ordered)
	for {
		c := &chunk{done: make(chan []parsed, 1)}
		end := false
		for len(c.recs) < chunkRows && !end {
			rec, err := rd.Read()
			var re *RowError
			switch {
			case errors.Is(err, io.EOF):
				end = true
			case errors.As(err, &re):
				c.recs = append(c.recs, parsed{line: re.Line,
					fields: re.Fields, reason: re.Reason})
			case err != nil:
				c.recs = append(c.recs, parsed{fatal: err})
				end = true
			default:
				c.recs = append(c.recs, parsed{line: rec.Line,
					fields: rec.Fields})
			}
		}
		if len(c.recs) > 0 {
			select {
			case work <- c:
			case <-ctx.Done():
				return
			}
			select {
			case ordered <- c:
			case <-ctx.Done():
				return
			}
		}
		if end {
			return
		}
	}
}

// normalise fills in the contact of a row that was read cleanly.
func (m *rowMaker) normalise(p *parsed) {
	if p.fatal != nil || p.reason != "" {
		return
	}
	ci, phone, err := m.row(Record{Line: p.line, Fields: p.fields})
	if err != nil {
		p.reason = err.Error()
		return
	}
	p.ci, p.phone = ci, phone
}
