package data_test

import (
	"context"
	"testing"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/data"
)

// seedAudience adds five contacts: Austin customers (one opted out), a
// Dallas customer who is also a VIP, and two without tags.
func seedAudience(t *testing.T, s *data.Store) {
	t.Helper()
	ids := addContacts(t, s, 5)
	rows := []struct {
		fields   string
		tags     []string
		optedOut bool
	}{
		{`{"city":"Austin","score":"80"}`, []string{"customer"}, false},
		{`{"city":"austin","score":"40"}`, []string{"Customer"}, true},
		{`{"city":"Dallas","score":"95"}`, []string{"customer", "vip"}, false},
		{`{"city":"Austin"}`, nil, false},
		{`{}`, nil, false},
	}
	for i, r := range rows {
		_, err := s.DB().Exec(`UPDATE contacts SET fields = ?, opted_out = ?
			WHERE id = ?`, r.fields, r.optedOut, ids[i])
		if err != nil {
			t.Fatal(err)
		}
		for _, tag := range r.tags {
			_, err := s.DB().Exec(`INSERT INTO contact_tags (contact_id, tag)
				VALUES (?, ?)`, ids[i], tag)
			if err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestStore_AudienceSize(t *testing.T) {
	s := mustOpen(t)
	seedAudience(t, s)
	city := func(op campaign.Operator, v string) *campaign.Audience {
		return &campaign.Audience{Mode: campaign.AudienceCondition,
			Condition: &campaign.Condition{Field: "city", Op: op, Value: v}}
	}
	tests := []struct {
		name string
		a    *campaign.Audience
		want int
	}{
		{"nil is everyone who can be messaged", nil, 4},
		{"all", &campaign.Audience{Mode: campaign.AudienceAll}, 4},
		{"any tag", &campaign.Audience{Mode: campaign.AudienceAnyTag,
			Tags: []string{"CUSTOMER", "nosuch"}}, 2},
		{"all tags", &campaign.Audience{Mode: campaign.AudienceAllTags,
			Tags: []string{"customer", "vip", "VIP"}}, 1},
		{"all tags, none given", &campaign.Audience{
			Mode: campaign.AudienceAllTags}, 0},
		{"condition", city(campaign.OpEquals, "AUSTIN"), 2},
		{"number condition", &campaign.Audience{
			Mode: campaign.AudienceCondition,
			Condition: &campaign.Condition{Field: "score",
				Op: campaign.OpGreater, Value: "50"}}, 2},
		{"tag condition leaves out who opted out", &campaign.Audience{
			Mode: campaign.AudienceCondition,
			Condition: &campaign.Condition{Op: campaign.OpHasTag,
				Value: " CUSTOMER "}}, 2},
		{"empty field condition", city(campaign.OpEmpty, ""), 1},
		{"condition not chosen", &campaign.Audience{
			Mode: campaign.AudienceCondition}, 0},
		{"unknown mode", &campaign.Audience{Mode: "vibes"}, 0},
	}
	for _, tt := range tests {
		got, err := s.AudienceSize(context.Background(), tt.a)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got != tt.want {
			t.Errorf("%s: got %d, want %d", tt.name, got, tt.want)
		}
	}
}
