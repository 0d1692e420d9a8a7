package data_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/nurturesms/nurture/campaign/sms"
	"github.com/nurturesms/nurture/data"
)

// BenchmarkMessageAudience scans 100,000 contacts for a message's worst
// case, as the editor does in the background after typing pauses.
func BenchmarkMessageAudience(b *testing.B) {
	s, err := data.Open(filepath.Join(b.TempDir(), data.FileName))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	tx, err := s.DB().Begin()
	if err != nil {
		b.Fatal(err)
	}
	stmt, err := tx.Prepare(`INSERT INTO contacts (phone, first_name,
		fields, created_at, updated_at) VALUES (?, ?, ?, '', '')`)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 100_000; i++ {
		_, err := stmt.Exec(fmt.Sprintf("+1415%07d", i),
			fmt.Sprintf("Name%d", i%977),
			fmt.Sprintf(`{"city":"City %d"}`, i%31))
		if err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	tpl, err := sms.Parse("Hi {{first_name|there}}, our {{city}} store " +
		"opens Saturday at 9 with 20% off. Reply STOP to opt out.")
	if err != nil {
		b.Fatal(err)
	}

	b.ReportAllocs()
	for b.Loop() {
		sum, err := s.MessageAudience(context.Background(), tpl,
			sms.Options{SmartEncoding: true}, "")
		if err != nil || sum.Contacts != 100_000 {
			b.Fatalf("got %d contacts, %v", sum.Contacts, err)
		}
	}
}
