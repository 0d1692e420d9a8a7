package data_test

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/campaign/contactcsv"
	"github.com/nurturesms/nurture/data"
)

// Numbers in these benchmarks are in the 555 exchange of North American
// area codes, which is not given to subscribers (555 0100-0199 is the
// formally fictional part), plus the UK drama range +44 7700 900xxx.
var benchAreas = []int{201, 212, 213, 305, 312, 415, 503, 512, 617, 702,
	713, 808}

var firstNames = []string{"Ada", "Alan", "Grace", "Linus", "Zoë", "José",
	"Mei", "Olu", "Priya", "Sven", "Aroha", "Fatima"}
var lastNames = []string{"Lovelace", "Turing", "Hopper", "Müller", "Ng",
	"O'Brien", "Smith, Jr.", "García", "Okafor", "Kowalski"}

// formatNumber writes the i-th fictional number the way people type.
func formatNumber(i int, style int) string {
	area := benchAreas[(i/10000)%len(benchAreas)]
	line := i % 10000
	switch style % 6 {
	case 0:
		return fmt.Sprintf("(%d) 555-%04d", area, line)
	case 1:
		return fmt.Sprintf("%d.555.%04d", area, line)
	case 2:
		return fmt.Sprintf("+1 %d 555 %04d", area, line)
	case 3:
		return fmt.Sprintf("1-%d-555-%04d", area, line)
	case 4:
		return fmt.Sprintf("%d555%04d", area, line)
	}
	return fmt.Sprintf("+1 (%d) 555-%04d", area, line)
}

// writeBenchFile writes n rows: 5% bad numbers, 3% repeats of earlier
// numbers in another format, the rest distinct.
func writeBenchFile(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "contacts.csv")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "First name,Last name,Mobile,Email,Tags,Consent date,"+
		"City,Company")
	rng := rand.New(rand.NewSource(1))
	next := 0
	for i := 0; i < n; i++ {
		var phone string
		switch r := rng.Intn(100); {
		case r < 5:
			phone = []string{"555-01", "call me", "123", "(415) 555",
				"+999 1234"}[rng.Intn(5)]
		case r < 8 && next > 0:
			phone = formatNumber(rng.Intn(next), rng.Intn(6))
		case next < 1000 && i%50 == 0:
			phone = fmt.Sprintf("+44 7700 900%03d", next)
			next++
		default:
			phone = formatNumber(next, rng.Intn(6))
			next++
		}
		first := firstNames[rng.Intn(len(firstNames))]
		last := lastNames[rng.Intn(len(lastNames))]
		tags := ""
		if rng.Intn(3) == 0 {
			tags = "\"newsletter, spring\""
		}
		fmt.Fprintf(w, "%s,\"%s\",%s,%s.%d@example.com,%s,2024-0%d-1%d,"+
			"Austin,Acme %d\n", first, last, phone, first, i, tags,
			1+rng.Intn(9), rng.Intn(10), rng.Intn(500))
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// peakHeap samples the heap in use until stop is closed.
func peakHeap(stop <-chan struct{}, peak *atomic.Uint64) {
	var ms runtime.MemStats
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for {
		runtime.ReadMemStats(&ms)
		if ms.HeapInuse > peak.Load() {
			peak.Store(ms.HeapInuse)
		}
		select {
		case <-stop:
			return
		case <-t.C:
		}
	}
}

// BenchmarkImport100k imports 100,000 messy rows from a file into a new
// database, counting from opening the file to the last commit.
func BenchmarkImport100k(b *testing.B) {
	path := writeBenchFile(b, 100000)
	var peak atomic.Uint64
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := data.Open(filepath.Join(b.TempDir(), data.FileName))
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		stop := make(chan struct{})
		go peakHeap(stop, &peak)
		before := cpuTime(b)
		b.StartTimer()

		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		sum, err := contactcsv.Import(context.Background(), f, s,
			contactcsv.Options{Country: "US", Source: "bench.csv"})
		f.Close()
		if err != nil {
			b.Fatal(err)
		}

		b.StopTimer()
		cpu += cpuTime(b) - before
		close(stop)
		if i == 0 {
			b.Logf("%s", sum)
		}
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
	// CPU time says what the import costs when other programs share
	// the cores and wall time is noisy.
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// cpuTime is the CPU time the process has used so far, user and system.
func cpuTime(b *testing.B) time.Duration {
	b.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// seedBench fills a database with n contacts through the importer.
func seedBench(b *testing.B, n int) *data.Store {
	b.Helper()
	s, err := data.Open(filepath.Join(b.TempDir(), data.FileName))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	f, err := os.Open(writeBenchFile(b, n))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	_, err = contactcsv.Import(context.Background(), f, s,
		contactcsv.Options{Country: "US"})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkList100k measures what the contact list does on each page:
// the count and one page of 100, at the top and deep down.
func BenchmarkList100k(b *testing.B) {
	s := seedBench(b, 100000)
	ctx := context.Background()
	cases := []struct {
		name   string
		f      data.ContactFilter
		offset int
	}{
		{"first-page", data.ContactFilter{}, 0},
		{"page-at-90000", data.ContactFilter{}, 90000},
		{"search-name", data.ContactFilter{Search: "grace okafor"}, 0},
		{"search-number", data.ContactFilter{Search: "(617) 555-12"}, 0},
		{"search-rare", data.ContactFilter{Search: "nobody"}, 0},
		{"tag", data.ContactFilter{Tag: "spring"}, 0},
	}
	b.Run("page-after-90000", func(b *testing.B) {
		page, err := s.ListContacts(ctx, data.ContactFilter{}, 89999, 1)
		if err != nil || len(page) != 1 {
			b.Fatal(err)
		}
		for i := 0; i < b.N; i++ {
			_, err := s.ListContactsAfter(ctx, data.ContactFilter{},
				page[0].ID, 100)
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := s.CountContacts(ctx, c.f); err != nil {
					b.Fatal(err)
				}
				_, err := s.ListContacts(ctx, c.f, c.offset, 100)
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkImportContactsDB times the database side of an import
// alone: 100,000 new contacts in batches, with tags and consent.
func BenchmarkImportContactsDB(b *testing.B) {
	rows := make([]campaign.ContactImport, 100000)
	for i := range rows {
		rows[i] = campaign.ContactImport{Line: i + 2,
			Contact: campaign.Contact{
				Phone:     fmt.Sprintf("+1%d555%04d", benchAreas[i/10000], i%10000),
				FirstName: firstNames[i%len(firstNames)],
				Fields:    map[string]string{"City": "Austin"}},
			Consent: &campaign.ConsentEvent{Kind: campaign.OptIn,
				Source: campaign.SourceImport, At: time.Now()}}
		if i%3 == 0 {
			rows[i].Contact.Tags = []string{"newsletter", "spring"}
		}
	}
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := data.Open(filepath.Join(b.TempDir(), data.FileName))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for j := 0; j < len(rows); j += contactcsv.DefaultBatch {
			if _, err := s.ImportContacts(ctx,
				rows[j:j+contactcsv.DefaultBatch]); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}
