package data_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/nurturesms/nurture/campaign"
)

func TestStore_OptedOutRule(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c := addContact(t, s, campaign.Contact{Phone: "+447700900001"})

	steps := []struct {
		kind   campaign.ConsentKind
		source campaign.ConsentSource
		want   bool // may be messaged after this event
	}{
		{campaign.OptIn, campaign.SourceImport, true},
		{campaign.OptOut, campaign.SourceKeyword, false},
		{campaign.OptOut, campaign.SourceTwilio21610, false},
		{campaign.OptIn, campaign.SourceKeyword, true},
	}
	if err := s.CanMessage(ctx, c.ID); err != nil {
		t.Fatalf("new contact: %v", err)
	}
	for i, st := range steps {
		err := s.RecordConsent(ctx, campaign.ConsentEvent{ContactID: c.ID,
			Kind: st.kind, Source: st.source, Details: "step"})
		if err != nil {
			t.Fatal(err)
		}
		err = s.CanMessage(ctx, c.ID)
		if got := err == nil; got != st.want {
			t.Errorf("step %d (%s): may message = %v, want %v", i, st.kind,
				got, st.want)
		}
		if err != nil && !errors.Is(err, campaign.ErrOptedOut) {
			t.Errorf("step %d: error %v does not match ErrOptedOut", i, err)
		}
	}

	// Saving the contact, as the edit form does, changes nothing.
	got, _ := s.Contact(ctx, c.ID)
	got.OptedOut = true
	addContact(t, s, got)
	if err := s.CanMessage(ctx, c.ID); err != nil {
		t.Errorf("a saved form changed consent: %v", err)
	}
}

func TestStore_ConsentLogIsAppendOnly(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c := addContact(t, s, campaign.Contact{Phone: "+447700900002"})
	err := s.RecordConsent(ctx, campaign.ConsentEvent{ContactID: c.ID,
		Kind: campaign.OptOut, Source: campaign.SourceManual,
		Details: "asked by phone"})
	if err != nil {
		t.Fatal(err)
	}

	for _, stmt := range []string{
		"UPDATE consent_events SET kind = 'opt_in'",
		"DELETE FROM consent_events",
	} {
		if _, err := s.DB().Exec(stmt); err == nil {
			t.Errorf("%s succeeded on the consent log", stmt)
		}
	}

	if err := s.DeleteContact(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, err := s.ExportConsent(ctx, &buf)
	if err != nil || n != 1 {
		t.Fatalf("export = %d, %v; want the one event", n, err)
	}
	if !strings.Contains(buf.String(), "+447700900002,opt_out,manual") {
		t.Errorf("export lost the deleted contact's event:\n%s", buf.String())
	}
}

func TestStore_ConsentHistory(t *testing.T) {
	s := mustOpen(t)
	ctx := context.Background()
	c := addContact(t, s, campaign.Contact{Phone: "+447700900003"})
	for _, k := range []campaign.ConsentKind{campaign.OptIn, campaign.OptOut} {
		err := s.RecordConsent(ctx, campaign.ConsentEvent{ContactID: c.ID,
			Kind: k, Source: campaign.SourceManual})
		if err != nil {
			t.Fatal(err)
		}
	}
	h, err := s.ConsentHistory(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 || h[0].Kind != campaign.OptIn || h[1].RecordedAt.IsZero() {
		t.Errorf("history = %+v, want opt-in then opt-out", h)
	}
	err = s.RecordConsent(ctx, campaign.ConsentEvent{ContactID: c.ID,
		Kind: "maybe"})
	if campaign.ErrorCode(err) != campaign.EINVALID {
		t.Errorf("unknown kind: got %v, want EINVALID", err)
	}
}
