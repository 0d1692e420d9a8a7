package contactcsv

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/nurturesms/nurture/campaign"
)

// batch is a run of rows read from the file, ready to save.
type batch struct {
	rows     []campaign.ContactImport
	rejects  []rejected
	read     int // data rows read, including rejected ones
	dups     int
	mobileNo int
	lastLine int
	err      error // the file cannot be read past this batch
}

// rejected is a row that will not be imported, and why.
type rejected struct {
	line   int
	fields []string
	reason string
}

// text is the reason as the rejects file and the import dialog show
// it, with the line of the file the row starts on.
func (r rejected) text() string {
	if r.line <= 0 {
		return r.reason
	}
	return fmt.Sprintf("line %d: %s", r.line, r.reason)
}

// Import reads contacts from r and saves them through sink, one
// transaction per batch. It streams: memory use does not grow with the
// file, apart from 16 bytes per distinct number kept to find
// duplicates. When ctx is cancelled, or a batch cannot be saved, the
// batches saved so far stay saved and the error is a *StoppedError
// saying how far the import got.
func Import(ctx context.Context, r io.Reader, sink campaign.ContactImporter,
	o Options) (Summary, error) {

	if o.Country != "" {
		o.Country = CountryCode(o.Country)
		if err := CheckCountry(o.Country); err != nil {
			return Summary{}, err
		}
	}
	cr := &countingReader{r: r}
	rd, err := NewReader(cr)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{Encoding: rd.Encoding, Separator: rd.Separator}

	if o.Mapping == nil {
		o.Mapping = GuessMapping(rd.Header)
	}
	if len(o.Mapping) != len(rd.Header) {
		return sum, campaign.Errorf(campaign.EINVALID, "The column "+
			"mapping has %d columns but the file has %d. Open the file "+
			"again to map its columns.", len(o.Mapping), len(rd.Header))
	}
	if err := o.Mapping.Check(); err != nil {
		return sum, err
	}
	rejects, err := newRejectWriter(o.Rejects, rd.Header)
	if err != nil {
		return sum, err
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan batch, 1)
	go produce(ctx, rd, newRowMaker(rd.Header, o), batchSize(o), batches)

	for b := range batches {
		if err := ctx.Err(); err != nil {
			return sum, &StoppedError{SavedLine: sum.SavedLine, Err: err}
		}
		if len(b.rows) > 0 {
			n, err := sink.ImportContacts(ctx, b.rows)
			if err != nil {
				return sum, &StoppedError{SavedLine: sum.SavedLine, Err: err}
			}
			sum.Imported += n.Inserted
			sum.Updated += n.Updated
			sum.StillOptedOut += n.StillOptedOut
		}
		if err := rejects.write(b.rejects); err != nil {
			return sum, &StoppedError{SavedLine: b.lastLine, Err: err}
		}

		sum.keepRejects(b.rejects)
		sum.Rows += b.read
		sum.Rejected += len(b.rejects) - b.dups
		sum.Duplicates += b.dups
		sum.NotMobile += b.mobileNo
		sum.SavedLine = b.lastLine
		sum.BytesRead = cr.n.Load()
		if o.Progress != nil {
			o.Progress(sum.Progress)
		}
		if b.err != nil {
			return sum, &StoppedError{SavedLine: sum.SavedLine, Err: b.err}
		}
	}
	if err := ctx.Err(); err != nil {
		return sum, &StoppedError{SavedLine: sum.SavedLine, Err: err}
	}
	return sum, nil
}

func batchSize(o Options) int {
	if o.Batch > 0 {
		return o.Batch
	}
	return DefaultBatch
}

func newRowMaker(header []string, o Options) *rowMaker {
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	source := o.Source
	if source == "" {
		source = "a file"
	}
	return &rowMaker{header: header, mapping: o.Mapping,
		country: o.Country, tags: CleanTags(o.Tags), source: source,
		now: now.UTC()}
}

// produce turns parsed rows into batches, in file order, dropping
// numbers seen before, until the file ends, fails, or ctx is done.
func produce(ctx context.Context, rd *Reader, m *rowMaker, size int,
	out chan<- batch) {

	defer close(out)
	seen := map[uint64]int32{}
	b := batch{}
	send := func() bool {
		select {
		case out <- b:
			b = batch{}
			return true
		case <-ctx.Done():
			return false
		}
	}

	for res := range parseRows(ctx, rd, m) {
		if res.fatal != nil {
			b.err = res.fatal
			send()
			return
		}
		b.read++
		b.lastLine = res.line
		if res.reason != "" {
			b.rejects = append(b.rejects,
				rejected{res.line, res.fields, res.reason})
			continue
		}

		key, _ := strconv.ParseUint(res.phone.E164[1:], 10, 64)
		if first, dup := seen[key]; dup {
			b.dups++
			b.rejects = append(b.rejects, rejected{res.line, res.fields,
				fmt.Sprintf("same number as line %d, which was imported; "+
					"this row was skipped", first)})
			continue
		}
		seen[key] = int32(res.line)
		if res.phone.NotMobile {
			b.mobileNo++
		}
		b.rows = append(b.rows, res.ci)

		if len(b.rows) >= size && !send() {
			return
		}
	}
	if ctx.Err() == nil {
		send()
	}
}

// rejectWriter writes rejected rows as CSV with a reason column.
type rejectWriter struct {
	w     *csv.Writer
	width int
}

func newRejectWriter(w io.Writer, header []string) (*rejectWriter, error) {
	if w == nil {
		return &rejectWriter{}, nil
	}
	rw := &rejectWriter{w: csv.NewWriter(w), width: len(header)}
	cols := append(append([]string{}, header...), "reason")
	if err := rw.w.Write(cols); err != nil {
		return nil, fmt.Errorf("write rejected rows: %w", err)
	}
	return rw, nil
}

func (rw *rejectWriter) write(rows []rejected) error {
	if rw.w == nil || len(rows) == 0 {
		return nil
	}
	for _, r := range rows {
		rec := make([]string, rw.width, rw.width+1)
		copy(rec, r.fields)
		if len(r.fields) > rw.width {
			rec = append(rec[:0], r.fields...)
		}
		if err := rw.w.Write(append(rec, r.text())); err != nil {
			return fmt.Errorf("write rejected rows: %w", err)
		}
	}
	rw.w.Flush()
	if err := rw.w.Error(); err != nil {
		return fmt.Errorf("write rejected rows: %w", err)
	}
	return nil
}
