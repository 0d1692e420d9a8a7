package data_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/data"
)

// addContact saves a contact and fails the test on error.
func addContact(t *testing.T, s *data.Store, c campaign.Contact) campaign.Contact {
	t.Helper()
	got, err := s.SaveContact(context.Background(), c)
	if err != nil {
		t.Fatalf("save %s: %v", c.Phone, err)
	}
	return got
}

func TestStore_SaveContact(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()

	c := addContact(t, s, campaign.Contact{Phone: "+14155550100",
		FirstName: "Ada", Fields: map[string]string{"city": "Austin"},
		Tags: []string{"vip", "beta", "vip"}})
	if c.ID == 0 || strings.Join(c.Tags, ",") != "beta,vip" ||
		c.Fields["city"] != "Austin" {
		t.Fatalf("saved %+v", c)
	}

	c.LastName, c.Tags = "Lovelace", []string{"beta"}
	c = addContact(t, s, c)
	got, err := s.Contact(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name() != "Ada Lovelace" || strings.Join(got.Tags, ",") != "beta" {
		t.Errorf("after update got %q tags %v", got.Name(), got.Tags)
	}

	_, err = s.SaveContact(ctx, campaign.Contact{Phone: "+14155550100"})
	if code := campaign.ErrorCode(err); code != campaign.ECONFLICT {
		t.Errorf("same number again: code %q, want %q", code,
			campaign.ECONFLICT)
	}
	_, err = s.SaveContact(ctx, campaign.Contact{Phone: "415 555 0101"})
	if code := campaign.ErrorCode(err); code != campaign.EINVALID {
		t.Errorf("number not in E.164: code %q, want %q", code,
			campaign.EINVALID)
	}

	byPhone, err := s.ContactByPhone(ctx, "+14155550100")
	if err != nil || byPhone.ID != c.ID {
		t.Errorf("ContactByPhone = %d, %v; want contact %d", byPhone.ID, err,
			c.ID)
	}

	if err := s.DeleteContact(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.ContactByPhone(ctx, "+14155550100")
	if code := campaign.ErrorCode(err); code != campaign.ENOTFOUND {
		t.Errorf("deleted contact by number: code %q, want %q", code,
			campaign.ENOTFOUND)
	}
	_, err = s.Contact(ctx, c.ID)
	if code := campaign.ErrorCode(err); code != campaign.ENOTFOUND {
		t.Errorf("deleted contact: code %q, want %q", code, campaign.ENOTFOUND)
	}
}

// seedList adds n contacts named Person 000.. with fictional numbers;
// every third is tagged "even3" and every fifth has no email.
func seedList(t *testing.T, s *data.Store, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		c := campaign.Contact{Phone: fmt.Sprintf("+447700900%03d", i),
			FirstName: fmt.Sprintf("Person %03d", i),
			Email:     fmt.Sprintf("p%d@example.com", i)}
		if i%3 == 0 {
			c.Tags = []string{"even3"}
		}
		if i%5 == 0 {
			c.Email = ""
		}
		addContact(t, s, c)
	}
}

func TestStore_ListContacts(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	seedList(t, s, 30)

	tests := []struct {
		name  string
		f     data.ContactFilter
		count int
		first string
	}{
		{"all", data.ContactFilter{}, 30, "Person 000"},
		{"words", data.ContactFilter{Search: "PERSON P12@"}, 1,
			"Person 012"},
		{"typed number", data.ContactFilter{Search: "7700 900-025"}, 1,
			"Person 025"},
		{"tag", data.ContactFilter{Tag: "even3"}, 10, "Person 000"},
		{"missing email", data.ContactFilter{Missing: data.MissingEmail}, 6,
			"Person 000"},
		{"missing custom", data.ContactFilter{Missing: "city"}, 30,
			"Person 000"},
		{"percent is literal", data.ContactFilter{Search: "%"}, 0, ""},
	}
	for _, tt := range tests {
		n, err := s.CountContacts(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		page, err := s.ListContacts(ctx, tt.f, 0, 5)
		if err != nil {
			t.Fatal(err)
		}
		first := ""
		if len(page) > 0 {
			first = page[0].FirstName
		}
		if n != tt.count || first != tt.first {
			t.Errorf("%s: got %d, first %q; want %d, first %q", tt.name, n,
				first, tt.count, tt.first)
		}
	}

	page, _ := s.ListContacts(ctx, data.ContactFilter{}, 28, 5)
	if got, want := len(page), 2; got != want {
		t.Errorf("last page has %d contacts, want %d", got, want)
	}
}

// Names whose capitals are not ASCII are found however the search is
// typed: SQLite folds only ASCII letters.
func TestStore_SearchNonASCIICapitals(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	for i, name := range []string{"Ömer Lee", "ÉLODIE ROY", "Renée Müller",
		"JOSÉ ÑÚÑEZ"} {
		first, last, _ := strings.Cut(name, " ")
		addContact(t, s, campaign.Contact{FirstName: first, LastName: last,
			Phone: fmt.Sprintf("+1415555016%d", i)})
	}
	tests := []struct{ search, want string }{
		{"ömer", "Ömer"}, {"Ömer", "Ömer"}, {"ÖMER LEE", "Ömer"},
		{"élodie", "ÉLODIE"}, {"Élodie roy", "ÉLODIE"},
		{"müller", "Renée"}, {"MÜLLER", "Renée"}, {"renée", "Renée"},
		{"josé", "JOSÉ"}, {"ñúñez", "JOSÉ"}, {"Núñez", ""},
	}
	for _, tt := range tests {
		page, err := s.ListContacts(ctx, data.ContactFilter{
			Search: tt.search}, 0, 5)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(page) > 0 {
			got = page[0].FirstName
		}
		if len(page) > 1 || got != tt.want {
			t.Errorf("search %q: found %d, first %q; want %q", tt.search,
				len(page), got, tt.want)
		}
	}
}

func TestStore_BulkTags(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	seedList(t, s, 12)
	page, _ := s.ListContacts(ctx, data.ContactFilter{}, 0, 3)
	ids := []int64{page[0].ID, page[1].ID, page[2].ID}

	n, err := s.AddTags(ctx, data.Selection{IDs: ids}, []string{"spring"})
	if err != nil || n != 3 {
		t.Fatalf("AddTags = %d, %v; want 3", n, err)
	}
	all := data.Selection{All: true,
		Filter: data.ContactFilter{Tag: "even3"}}
	if _, err := s.AddTags(ctx, all, []string{"spring", "x"}); err != nil {
		t.Fatal(err)
	}
	count := func(tag string) int {
		t.Helper()
		n, err := s.CountContacts(ctx, data.ContactFilter{Tag: tag})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if got, want := count("spring"), 6; got != want {
		t.Errorf("spring on %d contacts, want %d", got, want)
	}

	if _, err := s.RemoveTags(ctx, all, []string{"spring"}); err != nil {
		t.Fatal(err)
	}
	if got, want := count("spring"), 2; got != want {
		t.Errorf("after removal spring on %d contacts, want %d", got, want)
	}
	tags, _ := s.ContactTags(ctx)
	if got, want := strings.Join(tags, ","), "even3,spring,x"; got != want {
		t.Errorf("tags in use = %q, want %q", got, want)
	}
}

func TestStore_ExportContacts(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	addContact(t, s, campaign.Contact{Phone: "+14155550100", FirstName: "Ada",
		Fields: map[string]string{"city": "Austin"}, Tags: []string{"a", "b"}})
	addContact(t, s, campaign.Contact{Phone: "+14155550101", FirstName: "Bo"})

	var buf bytes.Buffer
	n, err := s.ExportContacts(ctx, &buf, data.ContactFilter{Search: "ada"})
	if err != nil || n != 1 {
		t.Fatalf("export = %d, %v; want 1 contact", n, err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rows[0][len(rows[0])-1], "city"; got != want {
		t.Errorf("last column %q, want %q", got, want)
	}
	if got, want := strings.Join(rows[1], "|"), "+14155550100|Ada||"+
		"|a, b|no|no"; !strings.HasPrefix(got, want) {
		t.Errorf("row = %q, want it to start %q", got, want)
	}
}

func TestStore_ListContactsAfter(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	seedList(t, s, 25)
	f := data.ContactFilter{Tag: "even3"}

	byOffset, err := s.ListContacts(ctx, f, 3, 4)
	if err != nil {
		t.Fatal(err)
	}
	prev, _ := s.ListContacts(ctx, f, 2, 1)
	byKey, err := s.ListContactsAfter(ctx, f, prev[0].ID, 4)
	if err != nil {
		t.Fatal(err)
	}
	if len(byKey) != len(byOffset) {
		t.Fatalf("got %d contacts after, want %d", len(byKey), len(byOffset))
	}
	for i := range byKey {
		if byKey[i].ID != byOffset[i].ID {
			t.Errorf("row %d: got %s, want %s", i, byKey[i].FirstName,
				byOffset[i].FirstName)
		}
	}
}
