package data_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/data"
)

// BenchmarkAudienceSize100k counts the audience of a campaign among
// 100,000 contacts, as the campaign list does for each row.
func BenchmarkAudienceSize100k(b *testing.B) {
	s, err := data.Open(filepath.Join(b.TempDir(), data.FileName))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	seedAudienceBench(b, s, 100_000)

	audiences := []*campaign.Audience{
		{Mode: campaign.AudienceAll},
		{Mode: campaign.AudienceAnyTag, Tags: []string{"t1", "t2"}},
		{Mode: campaign.AudienceCondition, Condition: &campaign.Condition{
			Field: "city", Op: campaign.OpEquals, Value: "City 3"}},
		{Mode: campaign.AudienceCondition, Condition: &campaign.Condition{
			Op: campaign.OpHasTag, Value: "t3"}},
	}
	for _, a := range audiences {
		name := string(a.Mode)
		if a.Condition != nil {
			name += "_" + string(a.Condition.Op)
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				_, err := s.AudienceSize(context.Background(), a)
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// seedAudienceBench adds n contacts with a city and one tag each.
func seedAudienceBench(b *testing.B, s *data.Store, n int) {
	b.Helper()
	tx, err := s.DB().Begin()
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	contact, err := tx.Prepare(`INSERT INTO contacts (id, phone,
		first_name, fields, created_at, updated_at)
		VALUES (?, ?, ?, ?, '', '')`)
	if err != nil {
		b.Fatal(err)
	}
	tag, err := tx.Prepare(`INSERT INTO contact_tags VALUES (?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	for i := 1; i <= n; i++ {
		_, err := contact.Exec(i, fmt.Sprintf("+1415%07d", i),
			fmt.Sprintf("Name%d", i%977),
			fmt.Sprintf(`{"city":"City %d"}`, i%31))
		if err == nil {
			_, err = tag.Exec(i, fmt.Sprintf("t%d", i%10))
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}
