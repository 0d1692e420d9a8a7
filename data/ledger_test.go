package data_test

import (
	"context"
	"testing"
	"time"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/data"
)

// seedLedger adds one campaign in the given state and two contacts
// with plain SQL, so the ledger is tested on its own.
func seedLedger(t *testing.T, s *data.Store, state string) (int64, [2]int64) {
	t.Helper()
	now := time.Now().UTC().Format(time.RFC3339Nano)
	db := s.DB()
	res, err := db.Exec(`INSERT INTO campaigns (name, state, created_at,
		updated_at) VALUES ('Welcome', ?, ?, ?)`, state, now, now)
	if err != nil {
		t.Fatal(err)
	}
	cid, _ := res.LastInsertId()

	var ids [2]int64
	for i, phone := range []string{"+15555550101", "+15555550102"} {
		res, err := db.Exec(`INSERT INTO contacts (phone, created_at,
			updated_at) VALUES (?, ?, ?)`, phone, now, now)
		if err != nil {
			t.Fatal(err)
		}
		ids[i], _ = res.LastInsertId()
	}
	return cid, ids
}

func TestLedger_SendRowIsUnique(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	cid, contacts := seedLedger(t, s, "running")

	first, err := s.BeginSend(ctx, campaign.Send{CampaignID: cid,
		NodeID: "n1", ContactID: contacts[0], Segments: 1})
	if err != nil {
		t.Fatalf("first send: %v", err)
	}
	if first.State != campaign.Sending {
		t.Errorf("state = %q, want %q", first.State, campaign.Sending)
	}

	_, err = s.BeginSend(ctx, campaign.Send{CampaignID: cid,
		NodeID: "n1", ContactID: contacts[0]})
	if got := campaign.ErrorCode(err); got != campaign.ECONFLICT {
		t.Fatalf("second send of the same step: code %q, want %q (err %v)",
			got, campaign.ECONFLICT, err)
	}

	// The same node to another contact, and another node to the
	// first contact, are different steps.
	for _, snd := range []campaign.Send{
		{CampaignID: cid, NodeID: "n1", ContactID: contacts[1]},
		{CampaignID: cid, NodeID: "n2", ContactID: contacts[0]},
	} {
		if _, err := s.BeginSend(ctx, snd); err != nil {
			t.Errorf("send %+v: %v", snd, err)
		}
	}

	first.State, first.TwilioSID = campaign.Accepted, "SM123"
	if err := s.FinishSend(ctx, first); err != nil {
		t.Fatal(err)
	}
	list, err := s.Sends(ctx, cid)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 {
		t.Fatalf("got %d sends, want 3", len(list))
	}
	if list[0].State != campaign.Accepted || list[0].TwilioSID != "SM123" {
		t.Errorf("first send = %+v, want accepted with SID SM123", list[0])
	}
}

func TestLedger_NextDueOrderAndEnrollOnce(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	cid, contacts := seedLedger(t, s, "running")
	base := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

	if _, err := s.Enroll(ctx, cid, contacts[0], "start",
		base.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Enroll(ctx, cid, contacts[1], "start", base); err != nil {
		t.Fatal(err)
	}
	_, err := s.Enroll(ctx, cid, contacts[1], "start", base)
	if got := campaign.ErrorCode(err); got != campaign.ECONFLICT {
		t.Errorf("second enrollment: code %q, want %q", got,
			campaign.ECONFLICT)
	}

	e, ok, err := s.NextDue(ctx)
	if err != nil || !ok {
		t.Fatalf("next due: %v %v", ok, err)
	}
	if e.ContactID != contacts[1] || !e.DueAt.Equal(base) {
		t.Errorf("next due = contact %d at %v, want contact %d at %v",
			e.ContactID, e.DueAt, contacts[1], base)
	}

	e.State = campaign.Finished
	if err := s.UpdateEnrollment(ctx, e); err != nil {
		t.Fatal(err)
	}
	e, ok, _ = s.NextDue(ctx)
	if !ok || e.ContactID != contacts[0] {
		t.Errorf("after finishing, next due = %+v, want contact %d",
			e, contacts[0])
	}
}

func TestLedger_PausedCampaignIsNotDue(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	cid, contacts := seedLedger(t, s, "paused")
	if _, err := s.Enroll(ctx, cid, contacts[0], "start",
		time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.NextDue(ctx); ok {
		t.Error("an enrollment of a paused campaign was due")
	}
}

func TestLedger_OptedOutContactIsNotEnrolled(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	cid, contacts := seedLedger(t, s, "running")
	_, err := s.DB().Exec(`INSERT INTO consent_events (contact_id, phone,
		kind, source, at) VALUES (?, '+15555550101', 'opt_out', 'keyword',
		'2026-01-01T00:00:00Z')`, contacts[0])
	if err != nil {
		t.Fatal(err)
	}

	_, err = s.Enroll(ctx, cid, contacts[0], "start", time.Now())
	if got := campaign.ErrorCode(err); got != campaign.EINVALID {
		t.Errorf("enroll opted out: code %q, want %q", got, campaign.EINVALID)
	}
}

func TestLedger_RecentSendsNamesCampaignAndContact(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	cid, contacts := seedLedger(t, s, "running")
	s.DB().Exec(`UPDATE contacts SET first_name = 'Ada' WHERE id = ?`,
		contacts[0])

	for i, id := range contacts {
		snd, err := s.BeginSend(ctx, campaign.Send{CampaignID: cid,
			NodeID: "n1", ContactID: id})
		if err != nil {
			t.Fatal(err)
		}
		snd.State, snd.Segments = campaign.Accepted, i+1
		if err := s.FinishSend(ctx, snd); err != nil {
			t.Fatal(err)
		}
	}

	list, err := s.RecentSends(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Fatalf("got %d rows, want 2", len(list))
	}
	got := list[1]
	if got.CampaignName != "Welcome" || got.ContactName != "Ada" ||
		got.Phone != "+15555550101" || got.Segments != 1 ||
		got.State != campaign.Accepted {
		t.Errorf("oldest row = %+v, want Welcome / Ada / +15555550101, "+
			"1 segment, accepted", got)
	}
}
