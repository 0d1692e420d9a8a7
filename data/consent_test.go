package data_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/campaign/contactcsv"
	"github.com/nurturesms/nurture/data"
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

// A number that opted out stays opted out when its contact is deleted
// and the number comes back, by hand or in a file; its past consent
// events show again in the new contact's history.
func TestStore_OptOutOutlivesDelete(t *testing.T) {
	const phone = "+14155550142"
	readd := []struct {
		name string
		add  func(t *testing.T, s *data.Store) int64
	}{
		{"added by hand", func(t *testing.T, s *data.Store) int64 {
			return addContact(t, s, campaign.Contact{Phone: phone}).ID
		}},
		{"imported with a consent date", func(t *testing.T,
			s *data.Store) int64 {
			sum := importString(t, s, "Phone,Opt-in date\n"+phone+
				",2024-03-01\n", contactcsv.Options{Country: "US"})
			if got, want := sum.StillOptedOut, 1; got != want {
				t.Errorf("summary %q: %d stay opted out, want %d", sum,
					got, want)
			}
			c, err := s.ContactByPhone(context.Background(), phone)
			if err != nil {
				t.Fatal(err)
			}
			return c.ID
		}},
	}
	for _, tc := range readd {
		t.Run(tc.name, func(t *testing.T) {
			s := mustOpen(t)
			ctx := context.Background()
			old := addContact(t, s, campaign.Contact{Phone: phone})
			err := s.RecordConsent(ctx, campaign.ConsentEvent{
				ContactID: old.ID, Kind: campaign.OptOut,
				Source: campaign.SourceKeyword, Details: "STOP"})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.DeleteContact(ctx, old.ID); err != nil {
				t.Fatal(err)
			}

			id := tc.add(t, s)
			if err := s.CanMessage(ctx, id); !errors.Is(err,
				campaign.ErrOptedOut) {
				t.Errorf("CanMessage = %v, want ErrOptedOut", err)
			}
			h, err := s.ConsentHistory(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(h), 1; got != want {
				t.Fatalf("history has %d events, want %d", got, want)
			}
			if got, want := h[0].Kind, campaign.OptOut; got != want {
				t.Errorf("history kind = %s, want %s", got, want)
			}
		})
	}
}
