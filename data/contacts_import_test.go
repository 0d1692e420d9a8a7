package data_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/campaign/contactcsv"
	"github.com/nurturesms/nurture/data"
)

const leads = "First name,Last name,Phone,Email,Tags,Opt-in date,City\n" +
	"Ada,Lovelace,(415) 555-0100,ada@example.com,vip,2024-03-01,Austin\n" +
	"Alan,,+44 7700 900123,,,,\n" +
	"Grace,Hopper,555-0100,,,,\n" +
	"Ada,Again,415.555.0100,,,,\n"

func importString(t *testing.T, s *data.Store, in string,
	o contactcsv.Options) contactcsv.Summary {

	t.Helper()
	sum, err := contactcsv.Import(context.Background(),
		strings.NewReader(in), s, o)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return sum
}

func TestStore_ImportContacts_againUpdates(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	o := contactcsv.Options{Country: "US", Source: "leads.csv"}

	first := importString(t, s, leads, o)
	if got, want := first.String(), "2 imported, 0 updated, 1 rejected, "+
		"1 duplicate skipped"; got != want {
		t.Errorf("first import: %q, want %q", got, want)
	}

	// The user fixes a name and imports again with a new tag.
	o.Tags = []string{"spring"}
	second := importString(t, s, strings.Replace(leads, "Alan,,", "Alan,Turing,",
		1), o)
	if got, want := second.String(), "0 imported, 2 updated, 1 rejected, "+
		"1 duplicate skipped"; got != want {
		t.Errorf("second import: %q, want %q", got, want)
	}

	n, _ := s.CountContacts(ctx, data.ContactFilter{})
	if n != 2 {
		t.Errorf("%d contacts after two imports, want 2", n)
	}
	list, _ := s.ListContacts(ctx, data.ContactFilter{Search: "7700"}, 0, 1)
	if len(list) != 1 || list[0].Name() != "Alan Turing" {
		t.Fatalf("Alan = %+v", list)
	}
	ada, _ := s.ListContacts(ctx, data.ContactFilter{Search: "ada"}, 0, 1)
	if got, want := strings.Join(ada[0].Tags, ","), "spring,vip"; got != want {
		t.Errorf("Ada's tags = %q, want %q", got, want)
	}
	h, _ := s.ConsentHistory(ctx, ada[0].ID)
	if len(h) != 1 || h[0].At.Format("2006-01-02") != "2024-03-01" ||
		!strings.Contains(h[0].Details, "leads.csv, line 2") {
		t.Errorf("Ada's consent history = %+v, want one opt-in", h)
	}
}

func TestStore_ImportContacts_keepsOptOut(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	o := contactcsv.Options{Country: "US"}
	importString(t, s, leads, o)
	ada, _ := s.ListContacts(ctx, data.ContactFilter{Search: "ada"}, 0, 1)
	err := s.RecordConsent(ctx, campaign.ConsentEvent{ContactID: ada[0].ID,
		Kind: campaign.OptOut, Source: campaign.SourceKeyword,
		Details: "STOP"})
	if err != nil {
		t.Fatal(err)
	}

	sum := importString(t, s, leads, o)
	if sum.StillOptedOut != 1 {
		t.Errorf("summary %q, want one contact that stays opted out", sum)
	}
	if err := s.CanMessage(ctx, ada[0].ID); !errors.Is(err,
		campaign.ErrOptedOut) {
		t.Errorf("re-import lifted the opt-out: CanMessage = %v", err)
	}
}

func TestStore_ImportContacts_failedBatchRollsBack(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	batch := []campaign.ContactImport{
		{Contact: campaign.Contact{Phone: "+447700900010"}, Line: 2},
		{Contact: campaign.Contact{Phone: "not e164"}, Line: 3},
	}
	_, err := s.ImportContacts(ctx, batch)
	if err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Fatalf("got %v, want an error naming line 3", err)
	}
	if n, _ := s.CountContacts(ctx, data.ContactFilter{}); n != 0 {
		t.Errorf("%d contacts saved from a failed batch, want 0", n)
	}
}

func TestStore_ImportContacts_sameNumberTwiceInBatch(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	batch := []campaign.ContactImport{
		{Contact: campaign.Contact{Phone: "+447700900020", FirstName: "Ada",
			Tags: []string{"a"}}, Line: 2},
		{Contact: campaign.Contact{Phone: "+447700900020", FirstName: "Bo",
			Tags: []string{"b"}}, Line: 3},
	}
	n, err := s.ImportContacts(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	if n.Inserted != 1 || n.Updated != 1 {
		t.Errorf("counts = %+v, want 1 inserted and 1 updated", n)
	}
	list, _ := s.ListContacts(ctx, data.ContactFilter{}, 0, 5)
	if len(list) != 1 || list[0].FirstName != "Ada" ||
		strings.Join(list[0].Tags, ",") != "a,b" {
		t.Errorf("stored %+v, want Ada with tags a and b", list)
	}
}
