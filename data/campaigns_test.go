package data_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/data"
)

// sampleGraph is Start -> Send(msg) -> Wait -> End, with its node IDs.
func sampleGraph(t *testing.T, msg int64) (g campaign.Graph, send, wait,
	end string) {

	t.Helper()
	g = campaign.NewGraph()
	add := func(k campaign.NodeKind) string {
		n, err := g.AddNode(k, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		return n.ID
	}
	send, wait, end = add(campaign.KindSend), add(campaign.KindWait),
		add(campaign.KindEnd)
	g.Nodes[g.Index(send)].MessageID = msg
	for _, e := range [][2]string{{campaign.StartID, send}, {send, wait},
		{wait, end}} {
		if err := g.Connect(e[0], campaign.PortNext, e[1]); err != nil {
			t.Fatal(err)
		}
	}
	campaign.Layout(&g)
	return g, send, wait, end
}

// mustSaveCampaign saves c and fails the test on error.
func mustSaveCampaign(t *testing.T, s *data.Store,
	c campaign.Campaign) campaign.Campaign {

	t.Helper()
	saved, err := s.SaveCampaign(context.Background(), c)
	if err != nil {
		t.Fatalf("save campaign %q: %v", c.Name, err)
	}
	return saved
}

func TestStore_SaveCampaign(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	g, _, _, _ := sampleGraph(t, 0)

	c := mustSaveCampaign(t, s, campaign.Campaign{Name: "  Spring  welcome ",
		Graph: g})
	if c.ID == 0 || c.Name != "Spring welcome" || c.State != campaign.Draft {
		t.Errorf("got %d %q %q, want an ID, the trimmed name and draft",
			c.ID, c.Name, c.State)
	}
	if c.UpdatedAt.IsZero() || c.CreatedAt.IsZero() {
		t.Error("times not set")
	}

	got, err := s.Campaign(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Graph, g) {
		t.Errorf("graph: got %+v, want %+v", got.Graph, g)
	}

	got.Name = "Renamed"
	got.State = campaign.Paused
	updated := mustSaveCampaign(t, s, got)
	if updated.Name != "Renamed" || updated.State != campaign.Paused {
		t.Errorf("got %q %q, want Renamed paused", updated.Name,
			updated.State)
	}

	byName, err := s.CampaignByName(ctx, "renamed")
	if err != nil || byName.ID != c.ID {
		t.Errorf("CampaignByName: got %d, %v, want %d", byName.ID, err, c.ID)
	}
	_, err = s.CampaignByName(ctx, "nope")
	wantCode(t, "CampaignByName(nope)", err, campaign.ENOTFOUND)
}

func TestStore_SaveCampaignNames(t *testing.T) {
	s := mustOpen(t)
	mustSaveCampaign(t, s, campaign.Campaign{Name: "Welcome",
		Graph: campaign.NewGraph()})

	tests := []struct {
		name, code string
	}{
		{"", campaign.EINVALID},
		{"   ", campaign.EINVALID},
		{string(make([]byte, 101)), campaign.EINVALID},
		{"welcome", campaign.ECONFLICT},
		{"WELCOME ", campaign.ECONFLICT},
	}
	for _, tt := range tests {
		_, err := s.SaveCampaign(context.Background(),
			campaign.Campaign{Name: tt.name})
		if got := campaign.ErrorCode(err); got != tt.code {
			t.Errorf("name %q: got %q (%v), want %q", tt.name, got, err,
				tt.code)
		}
	}
}

func TestStore_Campaigns(t *testing.T) {
	s := mustOpen(t)
	for _, n := range []string{"beta", "Alpha", "gamma"} {
		mustSaveCampaign(t, s, campaign.Campaign{Name: n})
	}
	list, err := s.Campaigns(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range list {
		got = append(got, c.Name)
	}
	if want := []string{"Alpha", "beta", "gamma"}; !reflect.DeepEqual(got,
		want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestStore_RenameCampaign(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	g, _, _, _ := sampleGraph(t, 0)
	c := mustSaveCampaign(t, s, campaign.Campaign{Name: "Old", Graph: g})
	mustSaveCampaign(t, s, campaign.Campaign{Name: "Taken"})

	got, err := s.RenameCampaign(ctx, c.ID, "New")
	if err != nil || got.Name != "New" || !reflect.DeepEqual(got.Graph, g) {
		t.Errorf("got %q, %v, want New with the graph kept", got.Name, err)
	}
	_, err = s.RenameCampaign(ctx, c.ID, "taken")
	wantCode(t, "rename to a used name", err, campaign.ECONFLICT)
	_, err = s.RenameCampaign(ctx, 999, "X")
	wantCode(t, "rename a missing campaign", err, campaign.ENOTFOUND)
}

func TestStore_DuplicateCampaign(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	g, _, _, _ := sampleGraph(t, 0)
	c := mustSaveCampaign(t, s, campaign.Campaign{Name: "Welcome",
		State: campaign.Paused, Graph: g})

	for _, want := range []string{"Welcome (copy)", "Welcome (copy 2)"} {
		d, err := s.DuplicateCampaign(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Name != want || d.ID == c.ID || d.State != campaign.Draft {
			t.Errorf("got %q id %d %s, want %q, a new ID, draft",
				d.Name, d.ID, d.State, want)
		}
		if !reflect.DeepEqual(d.Graph, g) {
			t.Error("the copy's graph differs")
		}
	}
}

func TestStore_DeleteCampaign(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	draft := mustSaveCampaign(t, s, campaign.Campaign{Name: "Draft"})
	running := mustSaveCampaign(t, s, campaign.Campaign{Name: "Live",
		State: campaign.Running})

	if err := s.DeleteCampaign(ctx, draft.ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.Campaign(ctx, draft.ID)
	wantCode(t, "load after delete", err, campaign.ENOTFOUND)
	wantCode(t, "delete running", s.DeleteCampaign(ctx, running.ID),
		campaign.ECONFLICT)
	wantCode(t, "delete missing", s.DeleteCampaign(ctx, 999),
		campaign.ENOTFOUND)
}

func TestStore_RunningCampaignIsLocked(t *testing.T) {
	s := mustOpen(t)
	g, _, wait, _ := sampleGraph(t, 0)
	c := mustSaveCampaign(t, s, campaign.Campaign{Name: "Live",
		State: campaign.Running, Graph: g})

	// Moving a node is fine: the steps are the same.
	c.Graph.Move(wait, 500, 500)
	c = mustSaveCampaign(t, s, c)

	c.Graph.RemoveNodes(wait)
	_, err := s.SaveCampaign(context.Background(), c)
	wantCode(t, "save changed steps", err, campaign.ECONFLICT)
}

func TestStore_SaveCampaignMovesEnrollments(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	g, send, wait, end := sampleGraph(t, 0)
	c := mustSaveCampaign(t, s, campaign.Campaign{Name: "Paused",
		State: campaign.Paused, Graph: g})
	contacts := addContacts(t, s, 3)

	enroll := func(contact int64, node string) campaign.Enrollment {
		t.Helper()
		e, err := s.Enroll(ctx, c.ID, contact, node, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	atSend := enroll(contacts[0], send)
	atWait := enroll(contacts[1], wait)
	atEnd := enroll(contacts[2], end)

	c.Graph.RemoveNodes(send)
	saved, moves, err := s.SaveCampaignMoves(ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Graph.Index(send) >= 0 {
		t.Error("the deleted node was saved")
	}
	if len(moves) != 1 || moves[0].Enrollment.ID != atSend.ID ||
		moves[0].From != send || moves[0].Enrollment.NodeID != wait {
		t.Fatalf("got moves %+v, want the contact at %s moved to %s",
			moves, send, wait)
	}

	want := map[int64]string{atSend.ID: wait, atWait.ID: wait, atEnd.ID: end}
	for id, node := range want {
		var got string
		err := s.DB().QueryRow("SELECT node_id FROM enrollments WHERE id = ?",
			id).Scan(&got)
		if err != nil || got != node {
			t.Errorf("enrollment %d: got %q, %v, want %q", id, got, err, node)
		}
	}
}

// addContacts inserts n contacts with plain SQL and returns their IDs.
func addContacts(t *testing.T, s *data.Store, n int) []int64 {
	t.Helper()
	now := time.Now().UTC().Format(time.RFC3339Nano)
	var ids []int64
	for i := range n {
		res, err := s.DB().Exec(`INSERT INTO contacts (phone, created_at,
			updated_at) VALUES (?, ?, ?)`,
			"+1555555"+string(rune('0'+i/10))+string(rune('0'+i%10))+"00",
			now, now)
		if err != nil {
			t.Fatal(err)
		}
		id, _ := res.LastInsertId()
		ids = append(ids, id)
	}
	return ids
}

// wantCode fails t when err does not carry the error code want.
func wantCode(t *testing.T, what string, err error, want string) {
	t.Helper()
	if got := campaign.ErrorCode(err); got != want {
		t.Errorf("%s: got %q (%v), want %q", what, got, err, want)
	}
}
