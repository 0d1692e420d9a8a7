package data_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/nurturesms/nurture/campaign/sms"
	"github.com/nurturesms/nurture/data"
)

// mustAddContact stores a contact straight into the tables and returns
// its ID.
func mustAddContact(t *testing.T, s *data.Store, phone, first,
	fields string, optedOut bool, tags ...string) int64 {

	t.Helper()
	res, err := s.DB().Exec(`INSERT INTO contacts (phone, first_name,
		fields, opted_out, created_at, updated_at)
		VALUES (?, ?, ?, ?, '', '')`, phone, first, fields, optedOut)
	if err != nil {
		t.Fatalf("add contact: %v", err)
	}
	id, _ := res.LastInsertId()
	for _, tag := range tags {
		_, err := s.DB().Exec(`INSERT INTO contact_tags (contact_id, tag)
			VALUES (?, ?)`, id, tag)
		if err != nil {
			t.Fatalf("tag contact: %v", err)
		}
	}
	return id
}

func TestStore_EachRecipient(t *testing.T) {
	s := mustOpen(t)
	ana := mustAddContact(t, s, "+14155550101", "Ana",
		`{"City":"Rome"}`, false, "vip")
	bo := mustAddContact(t, s, "+14155550102", "Bo", `{}`, false)
	mustAddContact(t, s, "+14155550103", "Out", `{}`, true, "vip")

	tests := []struct {
		tag  string
		want []string
	}{
		{"", []string{"Ana/Rome/+14155550101", "Bo//+14155550102"}},
		{"vip", []string{"Ana/Rome/+14155550101"}},
		{"nobody", nil},
	}
	for _, tt := range tests {
		var got []string
		var ids []int64
		err := s.EachRecipient(context.Background(), tt.tag,
			func(id int64, f sms.Fields) error {
				ids = append(ids, id)
				got = append(got, f(sms.FieldFirstName)+"/"+f("city")+
					"/"+f(sms.FieldPhone))
				return nil
			})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("tag %q: got %v, want %v", tt.tag, got, tt.want)
		}
		if tt.tag == "" && !slices.Equal(ids, []int64{ana, bo}) {
			t.Errorf("ids: got %v, want %v", ids, []int64{ana, bo})
		}
	}

	stop := errors.New("stop")
	calls := 0
	err := s.EachRecipient(context.Background(), "",
		func(int64, sms.Fields) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("stop: got %v after %d calls, want stop after 1", err,
			calls)
	}
}

func TestStore_MessageAudience(t *testing.T) {
	s := mustOpen(t)
	mustAddContact(t, s, "+14155550101", "Ana", `{"city":"Rome"}`, false)
	long := mustAddContact(t, s, "+14155550102", "Maximiliano",
		`{"city":"Llanfairpwllgwyngyll, Wales, United Kingdom"}`, false)
	mustAddContact(t, s, "+14155550103", "", `{}`, false)

	tpl, err := sms.Parse("Hi {{first_name|there}}! Our {{city}} shop " +
		"opens on Saturday at nine with twenty percent off everything " +
		"in store, and free coffee for the first fifty customers.")
	if err != nil {
		t.Fatal(err)
	}
	sum, err := s.MessageAudience(context.Background(), tpl,
		sms.Options{}, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sum.Contacts, 3; got != want {
		t.Errorf("contacts: got %d, want %d", got, want)
	}
	if got, want := sum.WorstID, long; got != want {
		t.Errorf("worst: got contact %d, want %d", got, want)
	}
	if got, want := sum.Spread, []int{0, 2, 1}; !slices.Equal(got, want) {
		t.Errorf("spread: got %v, want %v", got, want)
	}
	if got, want := sum.Missing["city"], 1; got != want {
		t.Errorf("missing city: got %d, want %d", got, want)
	}
}

func TestStore_MergeFieldNames(t *testing.T) {
	s := mustOpen(t)
	mustAddContact(t, s, "+14155550101", "", `{"City":"Rome",
		"Phone":"x","zip":"1"}`, false)
	mustAddContact(t, s, "+14155550102", "", `{"city":"Oslo"}`, false)

	got, err := s.MergeFieldNames(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"first_name", "last_name", "email", "phone", "city",
		"zip"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestStore_SampleRecipients(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	ana := mustAddContact(t, s, "+14155550101", "Ana", `{"City":"Rome"}`,
		false)
	mustAddContact(t, s, "+14155550102", "", `{}`, false)
	mustAddContact(t, s, "+14155550103", "Anaïs", `{}`, false)
	out := mustAddContact(t, s, "+14155550104", "Ana", `{}`, true)

	got, err := s.SampleRecipients(ctx, "", 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d recipients, want 2", len(got))
	}
	if got[0].Name != "Ana" || got[0].Values["city"] != "Rome" ||
		got[0].Values["phone"] != "+14155550101" {
		t.Errorf("first: got %+v, want Ana of Rome with her number", got[0])
	}
	if got[1].Name != "+14155550102" {
		t.Errorf("second: got name %q, want the number", got[1].Name)
	}

	tests := []struct {
		search string
		want   []string
	}{
		{"ANA", []string{"Ana", "Anaïs"}},
		{"ana 0103", []string{"Anaïs"}},
		{"5550102", []string{"+14155550102"}},
		{"zed", nil},
	}
	for _, tt := range tests {
		list, err := s.SampleRecipients(ctx, tt.search, 10)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, r := range list {
			names = append(names, r.Name)
		}
		if !slices.Equal(names, tt.want) {
			t.Errorf("search %q: got %v, want %v", tt.search, names, tt.want)
		}
	}

	r, ok, err := s.RecipientByID(ctx, ana)
	if err != nil || !ok || r.Values["city"] != "Rome" {
		t.Errorf("by ID: got %+v, %v, %v, want Ana of Rome", r, ok, err)
	}
	if _, ok, _ := s.RecipientByID(ctx, out); ok {
		t.Errorf("by ID: an opted-out contact was found")
	}
}
