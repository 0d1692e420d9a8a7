package contactcsv

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/nurturesms/nurture/campaign"
)

// memSink keeps imported contacts by phone, as the database would.
type memSink struct {
	byPhone map[string]campaign.ContactImport
	batches int
	failAt  int // fail the nth batch, counting from 1; 0 never
	onBatch func(n int)
}

func (m *memSink) ImportContacts(ctx context.Context,
	batch []campaign.ContactImport) (campaign.ImportCounts, error) {

	m.batches++
	if m.onBatch != nil {
		m.onBatch(m.batches)
	}
	if err := ctx.Err(); err != nil {
		return campaign.ImportCounts{}, err
	}
	if m.batches == m.failAt {
		return campaign.ImportCounts{}, errors.New("disk full")
	}
	if m.byPhone == nil {
		m.byPhone = map[string]campaign.ContactImport{}
	}
	var n campaign.ImportCounts
	for _, ci := range batch {
		if _, ok := m.byPhone[ci.Contact.Phone]; ok {
			n.Updated++
		} else {
			n.Inserted++
		}
		m.byPhone[ci.Contact.Phone] = ci
	}
	return n, nil
}

const messy = "First name;Last name;Mobile;Email;Tags;Consent date;City\n" +
	"Ada;Lovelace;(415) 555-0100;ada@example.com;vip, 2024;2024-03-01;Austin\n" +
	"Alan;Turing;+44 7700 900123;;;;\n" +
	"Grace;Hopper;555-0100;;;;\n" + // no area code
	"Ada;Again;415.555.0100;;;;\n" + // duplicate of line 2
	"Bad;Mail;415 555 0101;not-an-email;;;\n" +
	"Short;Row\n" +
	"Land;Line;+44 20 7946 0001;;;;\n"

func TestImport_messyFile(t *testing.T) {
	var rejects bytes.Buffer
	sink := &memSink{}
	var calls int
	sum, err := Import(context.Background(), strings.NewReader(messy), sink,
		Options{Country: "US", Tags: []string{"spring"}, Source: "leads.csv",
			Rejects: &rejects, Progress: func(Progress) { calls++ }})
	if err != nil {
		t.Fatal(err)
	}

	if got, want := sum.String(),
		"3 imported, 0 updated, 3 rejected, 1 duplicate skipped, "+
			"1 flagged as not mobile"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	if sum.Separator != ';' || calls == 0 {
		t.Errorf("separator %q, %d progress calls", sum.Separator, calls)
	}

	ada := sink.byPhone["+14155550100"]
	if got, want := strings.Join(ada.Contact.Tags, ","), "2024,spring,vip"; got != want {
		t.Errorf("tags = %q, want %q", got, want)
	}
	if ada.Contact.Fields["City"] != "Austin" || ada.Consent == nil ||
		ada.Consent.At.Format("2006-01-02") != "2024-03-01" {
		t.Errorf("Ada = %+v, consent %+v", ada.Contact, ada.Consent)
	}
	if !sink.byPhone["+442079460001"].Contact.NotMobile {
		t.Error("the London landline is not flagged as not mobile")
	}

	rows, err := csv.NewReader(&rejects).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(rows), 5; got != want {
		t.Fatalf("rejects file has %d rows, want %d: %q", got, want, rows)
	}
	if got := rows[0][len(rows[0])-1]; got != "reason" {
		t.Errorf("last column = %q, want reason", got)
	}
	if got := rows[2][8-1]; !strings.Contains(got, "line 2") {
		t.Errorf("duplicate reason = %q, want it to name line 2", got)
	}

	// Each reason starts with the line of the row, in the file and in
	// the summary, so the user can find the row to fix.
	wantLines := []string{"line 4: ", "line 5: ", "line 6: ", "line 7: "}
	if got, want := len(sum.FirstRejects), len(wantLines); got != want {
		t.Fatalf("summary holds %d rejects, want %d: %q", got, want,
			sum.FirstRejects)
	}
	for i, want := range wantLines {
		if got := rows[i+1][len(rows[i+1])-1]; !strings.HasPrefix(got,
			want) {
			t.Errorf("rejects file row %d reason = %q, want %q first",
				i+1, got, want)
		}
		if got := sum.FirstRejects[i]; !strings.HasPrefix(got, want) {
			t.Errorf("summary reject %d = %q, want %q first", i, got, want)
		}
	}
	if got, want := sum.FirstRejects[3], "2 values but the header has 7 "+
		"columns"; !strings.Contains(got, want) {
		t.Errorf("short row reason = %q, want %q", got, want)
	}
}

// An unclosed quote takes the rest of the file into one row; the
// rejected row has no values left, so its line number is what tells
// the user where to look.
func TestImport_unclosedQuoteNamesLine(t *testing.T) {
	in := "phone,name\n+14155550100,Ann\n+14155550101,\"Bo\n" +
		"+14155550102,Cy\n"
	var rejects bytes.Buffer
	sum, err := Import(context.Background(), strings.NewReader(in),
		&memSink{}, Options{Country: "US", Rejects: &rejects})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sum.String(), "1 imported, 0 updated, 1 rejected"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	want := "line 3: a quote"
	if len(sum.FirstRejects) != 1 || !strings.HasPrefix(sum.FirstRejects[0],
		want) {
		t.Errorf("rejects = %q, want one starting %q", sum.FirstRejects, want)
	}
	if !strings.Contains(rejects.String(), want) {
		t.Errorf("rejects file = %q, want %q in it", rejects.String(), want)
	}
}

func TestImport_reimportUpdates(t *testing.T) {
	sink := &memSink{}
	o := Options{Country: "US"}
	ctx := context.Background()
	if _, err := Import(ctx, strings.NewReader(messy), sink, o); err != nil {
		t.Fatal(err)
	}
	sum, err := Import(ctx, strings.NewReader(messy), sink, o)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Imported != 0 || sum.Updated != 3 {
		t.Errorf("second import: %s, want 0 imported, 3 updated", sum)
	}
}

// bigFile builds n good rows of fictional numbers.
func bigFile(n int) string {
	var b strings.Builder
	b.WriteString("phone,name\n")
	for i := 0; i < n; i++ {
		b.WriteString("+44 7700 900")
		b.WriteString(strings.Repeat("0", 3-len(itoa(i%1000))) + itoa(i%1000))
		b.WriteString(",x\n")
	}
	return b.String()
}

func itoa(i int) string { return Thousands(i) }

func TestImport_stops(t *testing.T) {
	tests := []struct {
		name     string
		failAt   int
		cancelAt int // cancel while saving this batch
		want     string
		batch    int
	}{
		{"failed batch", 3, 0, "Rows up to line 21 are saved", 10},
		{"cancelled", 0, 3, "cancelled. Rows up to line 21 are saved", 10},
		{"long file", 2, 0, "Rows up to line 1,000 are saved", 999},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			sink := &memSink{failAt: tt.failAt, onBatch: func(n int) {
				if n == tt.cancelAt {
					cancel()
				}
			}}
			sum, err := Import(ctx, strings.NewReader(bigFile(10*tt.batch)),
				sink, Options{Country: "GB", Batch: tt.batch})
			var se *StoppedError
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want a *StoppedError", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to say %q", err, tt.want)
			}
			if got := len(sink.byPhone); got != sum.Imported {
				t.Errorf("sink holds %d, summary says %d imported", got,
					sum.Imported)
			}
		})
	}
}

// discardSink counts rows and stores nothing, to time the reading and
// normalising alone.
type discardSink struct{}

func (discardSink) ImportContacts(_ context.Context,
	b []campaign.ContactImport) (campaign.ImportCounts, error) {
	return campaign.ImportCounts{Inserted: len(b)}, nil
}

// BenchmarkImportParse reads and normalises 100,000 rows of numbers
// typed in various ways, without a database.
func BenchmarkImportParse(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("name,phone\n")
	formats := []string{"(%03d) 555-%04d", "+1 %03d 555 %04d",
		"%03d.555.%04d", "1-%03d-555-%04d"}
	for i := 0; i < 100000; i++ {
		sb.WriteString("Ada,")
		sb.WriteString(fmt.Sprintf(formats[i%4], 201+i%700, i%10000))
		sb.WriteString("\n")
	}
	in := sb.String()
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, err := Import(context.Background(), strings.NewReader(in),
			discardSink{}, Options{Country: "US"})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func TestImport_unknownCountry(t *testing.T) {
	tests := []struct {
		country string
		wantErr bool
	}{
		{"US", false},
		{"gb", false},
		{"XX", true},
		{"uk", false}, // read as GB
		{"ZZ", true},
	}
	for _, tt := range tests {
		sink := &memSink{}
		_, err := Import(context.Background(), strings.NewReader(messy),
			sink, Options{Country: tt.country})
		if got := err != nil; got != tt.wantErr {
			t.Errorf("%s: error %v, want error %v", tt.country, err,
				tt.wantErr)
		}
		if tt.wantErr && (len(sink.byPhone) > 0 || !strings.Contains(
			campaign.ErrorMessage(err), "two-letter code")) {
			t.Errorf("%s: %d saved, message %q", tt.country,
				len(sink.byPhone), campaign.ErrorMessage(err))
		}
	}
}
