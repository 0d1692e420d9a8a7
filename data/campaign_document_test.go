package data_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/data"
)

// addMessage inserts a message and returns its ID.
func addMessage(t *testing.T, s *data.Store, name, body string) int64 {
	t.Helper()
	res, err := s.DB().Exec(`INSERT INTO messages (name, body, created_at,
		updated_at) VALUES (?, ?, '2026-01-01T00:00:00Z',
		'2026-01-01T00:00:00Z')`, name, body)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := res.LastInsertId()
	return id
}

// count returns the number of rows in table.
func count(t *testing.T, s *data.Store, table string) int {
	t.Helper()
	var n int
	if err := s.DB().QueryRow("SELECT COUNT(*) FROM " + table).
		Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestStore_ExportImportCampaign(t *testing.T) {
	ctx := context.Background()
	src := mustOpen(t)
	addMessage(t, src, "Unused", "not exported")
	msg := addMessage(t, src, "Welcome", "Hi {{first_name}}!")
	g, send, _, _ := sampleGraph(t, msg)
	c := mustSaveCampaign(t, src, campaign.Campaign{Name: "Spring",
		State: campaign.Running, Graph: g})

	doc, err := src.ExportCampaign(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}

	// Into an empty database: the message is created under a new ID.
	dst := mustOpen(t)
	addMessage(t, dst, "Other", "x")
	got, err := dst.ImportCampaign(ctx, doc)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	if got.Name != "Spring" || got.State != campaign.Draft {
		t.Errorf("got %q %s, want Spring draft", got.Name, got.State)
	}
	newID := got.Graph.Nodes[got.Graph.Index(send)].MessageID
	m, err := dst.Message(ctx, newID)
	if err != nil || m.Name != "Welcome" || m.Body != "Hi {{first_name}}!" {
		t.Errorf("imported message %d: got %+v, %v", newID, m, err)
	}
	want := campaign.RemapMessages(g, map[int64]int64{msg: newID})
	if !reflect.DeepEqual(got.Graph, want) {
		t.Errorf("graph: got %+v, want %+v", got.Graph, want)
	}

	// Again into the same database: the message is reused and the
	// campaign's name is marked.
	again, err := dst.ImportCampaign(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	if again.Name != "Spring (imported)" {
		t.Errorf("second import: got %q, want \"Spring (imported)\"",
			again.Name)
	}
	if got := again.Graph.Nodes[again.Graph.Index(send)].MessageID; got !=
		newID {
		t.Errorf("second import uses message %d, want %d", got, newID)
	}
	if got := count(t, dst, "messages"); got != 2 {
		t.Errorf("messages: got %d, want 2", got)
	}
}

func TestStore_ImportRenamesClashingMessage(t *testing.T) {
	ctx := context.Background()
	src := mustOpen(t)
	msg := addMessage(t, src, "Welcome", "new text")
	g, send, _, _ := sampleGraph(t, msg)
	c := mustSaveCampaign(t, src, campaign.Campaign{Name: "C", Graph: g})
	doc, err := src.ExportCampaign(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}

	dst := mustOpen(t)
	addMessage(t, dst, "welcome", "old text")
	got, err := dst.ImportCampaign(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	m, err := dst.Message(ctx, got.Graph.Nodes[got.Graph.Index(send)].
		MessageID)
	if err != nil || m.Name != "Welcome (imported)" || m.Body != "new text" {
		t.Errorf("got %+v, %v, want \"Welcome (imported)\" with the new text",
			m, err)
	}
}

func TestStore_ImportRefusedSavesNothing(t *testing.T) {
	s := mustOpen(t)
	bad := []byte(`{"format":"nurture.campaign","version":1,
		"campaign":{"name":"X","graph":{"nodes":[{"id":"start",
		"kind":"start"},{"id":"s","kind":"send_sms","message_id":3}]}},
		"messages":[{"id":2,"name":"A","body":"b"}]}`)
	_, err := s.ImportCampaign(context.Background(), bad)
	if campaign.ErrorCode(err) != campaign.EINVALID {
		t.Errorf("got %v, want EINVALID", err)
	}
	if n := count(t, s, "messages") + count(t, s, "campaigns"); n != 0 {
		t.Errorf("rows saved: got %d, want 0", n)
	}
}
