package data

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/nurturesms/nurture/campaign"
)

// RecordConsent appends an event to a contact's consent log. The
// contact's opted-out state follows the newest event. A zero e.At
// means now.
func (s *Store) RecordConsent(ctx context.Context,
	e campaign.ConsentEvent) error {

	if e.Kind != campaign.OptIn && e.Kind != campaign.OptOut {
		return campaign.Errorf(campaign.EINVALID,
			"A consent event must be an opt-in or an opt-out, not %q.", e.Kind)
	}
	now := time.Now()
	if e.At.IsZero() {
		e.At = now
	}

	res, err := s.db.ExecContext(ctx, `INSERT INTO consent_events
		(contact_id, phone, kind, source, details, at, recorded_at)
		SELECT id, phone, ?, ?, ?, ?, ? FROM contacts WHERE id = ?`,
		e.Kind, e.Source, e.Details, formatTime(e.At), formatTime(now),
		e.ContactID)
	if err != nil {
		return fmt.Errorf("record consent: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return campaign.Errorf(campaign.ENOTFOUND,
			"That contact no longer exists, so its consent was not recorded.")
	}
	return nil
}

const consentCols = `id, coalesce(contact_id, 0), kind, source, details,
	at, recorded_at`

func scanConsent(row interface{ Scan(...any) error }) (
	campaign.ConsentEvent, error) {

	var e campaign.ConsentEvent
	var at, recorded string
	err := row.Scan(&e.ID, &e.ContactID, &e.Kind, &e.Source, &e.Details,
		&at, &recorded)
	e.At, e.RecordedAt = parseTime(at), parseTime(recorded)
	return e, err
}

// ConsentHistory returns a contact's consent events, oldest first.
func (s *Store) ConsentHistory(ctx context.Context, contactID int64) (
	[]campaign.ConsentEvent, error) {

	rows, err := s.db.QueryContext(ctx, "SELECT "+consentCols+
		" FROM consent_events WHERE contact_id = ? ORDER BY id", contactID)
	if err != nil {
		return nil, fmt.Errorf("load consent history: %w", err)
	}
	defer rows.Close()

	var list []campaign.ConsentEvent
	for rows.Next() {
		e, err := scanConsent(rows)
		if err != nil {
			return nil, fmt.Errorf("load consent history: %w", err)
		}
		list = append(list, e)
	}
	return list, rows.Err()
}

// CanMessage returns nil when the contact may be enrolled in a campaign
// or sent a message. For a contact who opted out it returns an error
// that matches campaign.ErrOptedOut and whose message says so; only a
// recorded opt-in lifts that. The runner calls it before enrolling and
// again right before each Send, since a STOP may arrive in between.
func (s *Store) CanMessage(ctx context.Context, contactID int64) error {
	var optedOut bool
	err := s.db.QueryRowContext(ctx,
		"SELECT opted_out FROM contacts WHERE id = ?", contactID).
		Scan(&optedOut)
	if errors.Is(err, sql.ErrNoRows) {
		return campaign.Errorf(campaign.ENOTFOUND,
			"That contact no longer exists.")
	}
	if err != nil {
		return fmt.Errorf("check consent of contact %d: %w", contactID, err)
	}
	if optedOut {
		return fmt.Errorf("contact %d: %w: %w", contactID,
			campaign.ErrOptedOut, campaign.Errorf(campaign.EINVALID,
				"This contact has opted out and cannot be messaged until "+
					"they opt in again."))
	}
	return nil
}

// ExportConsent writes the whole consent log as CSV, oldest first,
// including events of deleted contacts, and returns how many events it
// wrote.
func (s *Store) ExportConsent(ctx context.Context, w io.Writer) (int,
	error) {

	rows, err := s.db.QueryContext(ctx, `SELECT id,
		coalesce(contact_id, ''), phone, kind, source, details, at,
		recorded_at FROM consent_events ORDER BY id`)
	if err != nil {
		return 0, fmt.Errorf("export consent log: %w", err)
	}
	defer rows.Close()

	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"event_id", "contact_id", "phone", "kind",
		"source", "details", "at", "recorded_at"})
	n := 0
	for rows.Next() {
		rec := make([]string, 8)
		ptrs := make([]any, len(rec))
		for i := range rec {
			ptrs[i] = &rec[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return n, fmt.Errorf("export consent log: %w", err)
		}
		if err := cw.Write(rec); err != nil {
			return n, fmt.Errorf("export consent log: %w", err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, fmt.Errorf("export consent log: %w", err)
	}
	cw.Flush()
	return n, cw.Error()
}

// adoptConsent gives the contacts with the given numbers (a JSON array
// of E.164 strings) the consent events left behind by deleted contacts
// with the same numbers, and opts them out when the newest of those
// events is an opt-out: deleting a contact never lifts an opt-out.
func adoptConsent(ctx context.Context, tx *sql.Tx, phones string) error {
	res, err := tx.ExecContext(ctx, `UPDATE consent_events SET contact_id =
		(SELECT c.id FROM contacts c WHERE c.phone = consent_events.phone)
		WHERE contact_id IS NULL
		  AND phone IN (SELECT value FROM json_each(?1))`, phones)
	if err != nil {
		return fmt.Errorf("keep past consent: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE contacts SET opted_out = 1
		WHERE phone IN (SELECT value FROM json_each(?1)) AND opted_out = 0
		  AND (SELECT e.kind FROM consent_events e
		       WHERE e.contact_id = contacts.id
		       ORDER BY e.id DESC LIMIT 1) = 'opt_out'`, phones)
	if err != nil {
		return fmt.Errorf("keep past opt-out: %w", err)
	}
	return nil
}

// pastConsent returns, for each of the given numbers (a JSON array)
// that belonged to a deleted contact with consent events, whether the
// newest of those events is an opt-out.
func pastConsent(ctx context.Context, tx *sql.Tx,
	phones string) (map[string]bool, error) {

	rows, err := tx.QueryContext(ctx, `SELECT phone, kind = 'opt_out'
		FROM consent_events WHERE contact_id IS NULL
		  AND phone IN (SELECT value FROM json_each(?1)) ORDER BY id`,
		phones)
	if err != nil {
		return nil, fmt.Errorf("look up past consent: %w", err)
	}
	defer rows.Close()
	past := map[string]bool{}
	for rows.Next() {
		var p string
		var out bool
		if err := rows.Scan(&p, &out); err != nil {
			return nil, fmt.Errorf("look up past consent: %w", err)
		}
		past[p] = out
	}
	return past, rows.Err()
}
