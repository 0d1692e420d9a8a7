package data_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/data"
)

// mustSaveMessage saves a new message or fails the test.
func mustSaveMessage(t *testing.T, s *data.Store, name,
	body string) campaign.Message {

	t.Helper()
	m, err := s.SaveMessage(context.Background(),
		campaign.Message{Name: name, Body: body})
	if err != nil {
		t.Fatalf("save message %q: %v", name, err)
	}
	return m
}

// mustAddCampaign stores a campaign whose Send SMS steps send the
// messages, straight into the table.
func mustAddCampaign(t *testing.T, s *data.Store, name string,
	messageIDs ...int64) {

	t.Helper()
	var nodes []string
	for i, id := range messageIDs {
		nodes = append(nodes, fmt.Sprintf(
			`{"id":"n%d","kind":"send_sms","message_id":%d}`, i, id))
	}
	nodes = append(nodes, `{"id":"w","kind":"wait"}`)
	graph := `{"nodes":[` + strings.Join(nodes, ",") + `],"edges":[]}`
	_, err := s.DB().Exec(`INSERT INTO campaigns
		(name, graph, created_at, updated_at) VALUES (?, ?, '', '')`,
		name, graph)
	if err != nil {
		t.Fatalf("add campaign: %v", err)
	}
}

func TestStore_SaveMessage(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)

	m := mustSaveMessage(t, s, "  Welcome  ", "Hi {{first_name}}")
	if got, want := m.Name, "Welcome"; got != want {
		t.Errorf("name: got %q, want %q", got, want)
	}
	m.Body = "Hello again"
	if _, err := s.SaveMessage(ctx, m); err != nil {
		t.Fatal(err)
	}
	got, err := s.Message(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != "Hello again" || got.CreatedAt.IsZero() {
		t.Errorf("stored: got %+v, want the new body and times", got)
	}

	tests := []struct {
		name string
		msg  campaign.Message
		code string
	}{
		{"empty name", campaign.Message{Name: "  "}, campaign.EINVALID},
		{"long name", campaign.Message{Name: strings.Repeat("x", 101)},
			campaign.EINVALID},
		{"same name", campaign.Message{Name: "Welcome"},
			campaign.ECONFLICT},
		{"same name, other case", campaign.Message{Name: "WELCOME"},
			campaign.ECONFLICT},
		{"missing", campaign.Message{ID: 999, Name: "Gone"},
			campaign.ENOTFOUND},
	}
	for _, tt := range tests {
		_, err := s.SaveMessage(ctx, tt.msg)
		if got := campaign.ErrorCode(err); got != tt.code {
			t.Errorf("%s: got code %q (%v), want %q",
				tt.name, got, err, tt.code)
		}
	}
}

func TestStore_Messages(t *testing.T) {
	s := mustOpen(t)
	for _, n := range []string{"banana", "Apple", "cherry"} {
		mustSaveMessage(t, s, n, "")
	}
	list, err := s.Messages(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range list {
		names = append(names, m.Name)
	}
	if want := []string{"Apple", "banana", "cherry"}; !slices.Equal(names,
		want) {
		t.Errorf("got %v, want %v", names, want)
	}
}

func TestStore_RenameMessage(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	a := mustSaveMessage(t, s, "A", "body a")
	mustSaveMessage(t, s, "B", "")

	got, err := s.RenameMessage(ctx, a.ID, "Renamed")
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Renamed" || got.Body != "body a" {
		t.Errorf("got %+v, want name Renamed and the old body", got)
	}
	_, err = s.RenameMessage(ctx, a.ID, "b")
	if code := campaign.ErrorCode(err); code != campaign.ECONFLICT {
		t.Errorf("rename onto another name: got %q, want %q",
			code, campaign.ECONFLICT)
	}
}

func TestStore_DuplicateMessage(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	m := mustSaveMessage(t, s, "Promo", "20% off")

	wants := []string{"Copy of Promo", "Copy of Promo (2)",
		"Copy of Promo (3)"}
	for _, want := range wants {
		c, err := s.DuplicateMessage(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if c.Name != want || c.Body != m.Body || c.ID == m.ID {
			t.Errorf("got %+v, want a new message %q with the body",
				c, want)
		}
	}
}

func TestStore_DeleteMessage(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	used := mustSaveMessage(t, s, "Used", "")
	free := mustSaveMessage(t, s, "Free", "")
	mustAddCampaign(t, s, "Spring sale", used.ID)
	mustAddCampaign(t, s, "Onboarding", 999, used.ID)

	err := s.DeleteMessage(ctx, used.ID)
	if code := campaign.ErrorCode(err); code != campaign.ECONFLICT {
		t.Fatalf("delete used: got %q (%v), want %q",
			code, err, campaign.ECONFLICT)
	}
	for _, name := range []string{`"Spring sale"`, `"Onboarding"`} {
		if !strings.Contains(campaign.ErrorMessage(err), name) {
			t.Errorf("message %q does not name %s", err, name)
		}
	}
	if _, err := s.Message(ctx, used.ID); err != nil {
		t.Errorf("used message is gone: %v", err)
	}

	if err := s.DeleteMessage(ctx, free.ID); err != nil {
		t.Fatalf("delete free: %v", err)
	}
	_, err = s.Message(ctx, free.ID)
	if code := campaign.ErrorCode(err); code != campaign.ENOTFOUND {
		t.Errorf("after delete: got %q, want %q", code, campaign.ENOTFOUND)
	}
	err = s.DeleteMessage(ctx, free.ID)
	if code := campaign.ErrorCode(err); code != campaign.ENOTFOUND {
		t.Errorf("delete twice: got %q, want %q", code, campaign.ENOTFOUND)
	}
}

func TestMessageInUse(t *testing.T) {
	tests := []struct {
		campaigns []string
		want      string
	}{
		{[]string{"A"}, `This message is used by the campaign "A", so ` +
			"it was not deleted. Open that campaign and pick another " +
			"message in its Send SMS steps first."},
		{[]string{"A", "B", "C"}, `This message is used by the ` +
			`campaigns "A", "B" and "C", so it was not deleted. Open ` +
			"those campaigns and pick another message in their Send " +
			"SMS steps first."},
	}
	for _, tt := range tests {
		got := campaign.ErrorMessage(data.MessageInUse(tt.campaigns))
		if got != tt.want {
			t.Errorf("%v: got %q, want %q", tt.campaigns, got, tt.want)
		}
	}
}

func TestStore_MessageUsers(t *testing.T) {
	s := mustOpen(t)
	m := mustSaveMessage(t, s, "M", "")
	mustAddCampaign(t, s, "Zeta", m.ID, m.ID)
	mustAddCampaign(t, s, "alpha", m.ID)
	mustAddCampaign(t, s, "Other", m.ID+1)

	got, err := s.MessageUsers(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"alpha", "Zeta"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
