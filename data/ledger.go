package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/nurturesms/nurture/campaign"
)

var _ campaign.Ledger = (*Store)(nil)

// Enroll puts a contact at a campaign's start node. Opted-out contacts
// are refused: only a recorded opt-in lets them back in.
func (s *Store) Enroll(ctx context.Context, campaignID, contactID int64,
	startNode string, due time.Time) (campaign.Enrollment, error) {

	var optedOut bool
	err := s.db.QueryRowContext(ctx,
		"SELECT opted_out FROM contacts WHERE id = ?", contactID).
		Scan(&optedOut)
	if errors.Is(err, sql.ErrNoRows) {
		return campaign.Enrollment{}, campaign.Errorf(campaign.ENOTFOUND,
			"That contact no longer exists.")
	}
	if err != nil {
		return campaign.Enrollment{}, fmt.Errorf("enroll: %w", err)
	}
	if optedOut {
		return campaign.Enrollment{}, campaign.Errorf(campaign.EINVALID,
			"This contact has opted out and cannot be enrolled.")
	}

	now := formatTime(time.Now())
	res, err := s.db.ExecContext(ctx,
		`INSERT INTO enrollments
		   (campaign_id, contact_id, node_id, due_at, state, updated_at)
		 VALUES (?, ?, ?, ?, 'active', ?)`,
		campaignID, contactID, startNode, formatTime(due), now)
	if isUnique(err) {
		return campaign.Enrollment{}, campaign.Errorf(campaign.ECONFLICT,
			"This contact is already in the campaign.")
	}
	if err != nil {
		return campaign.Enrollment{}, fmt.Errorf("enroll: %w", err)
	}
	id, _ := res.LastInsertId()
	return campaign.Enrollment{ID: id, CampaignID: campaignID,
		ContactID: contactID, NodeID: startNode, DueAt: due.UTC(),
		State: campaign.Active, UpdatedAt: parseTime(now)}, nil
}

const enrollmentCols = `id, campaign_id, contact_id, node_id, due_at,
	state, note, updated_at`

func scanEnrollment(row interface{ Scan(...any) error }) (
	campaign.Enrollment, error) {

	var e campaign.Enrollment
	var due, updated string
	err := row.Scan(&e.ID, &e.CampaignID, &e.ContactID, &e.NodeID, &due,
		&e.State, &e.Note, &updated)
	e.DueAt, e.UpdatedAt = parseTime(due), parseTime(updated)
	return e, err
}

// NextDue returns the active enrollment of a running campaign that is
// due soonest.
func (s *Store) NextDue(ctx context.Context) (campaign.Enrollment, bool,
	error) {

	row := s.db.QueryRowContext(ctx, `SELECT `+enrollmentCols+`
		FROM enrollments WHERE state = 'active' AND campaign_id IN
		  (SELECT id FROM campaigns WHERE state = 'running')
		ORDER BY due_at, id LIMIT 1`)
	e, err := scanEnrollment(row)
	if errors.Is(err, sql.ErrNoRows) {
		return campaign.Enrollment{}, false, nil
	}
	if err != nil {
		return campaign.Enrollment{}, false, fmt.Errorf("next due: %w", err)
	}
	return e, true, nil
}

// UpdateEnrollment stores an enrollment's new node, due time and state.
func (s *Store) UpdateEnrollment(ctx context.Context,
	e campaign.Enrollment) error {

	_, err := s.db.ExecContext(ctx, `UPDATE enrollments
		SET node_id = ?, due_at = ?, state = ?, note = ?, updated_at = ?
		WHERE id = ?`, e.NodeID, formatTime(e.DueAt), e.State, e.Note,
		formatTime(time.Now()), e.ID)
	if err != nil {
		return fmt.Errorf("update enrollment %d: %w", e.ID, err)
	}
	return nil
}

// BeginSend writes the Sending row before Twilio is called. A second
// row for the same campaign, node and contact is refused with
// ECONFLICT: that step was already attempted.
func (s *Store) BeginSend(ctx context.Context, snd campaign.Send) (
	campaign.Send, error) {

	now := time.Now().UTC()
	var msgID any
	if snd.MessageID != 0 {
		msgID = snd.MessageID
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO sends
		(campaign_id, node_id, contact_id, message_id, state, segments,
		 created_at, updated_at)
		VALUES (?, ?, ?, ?, 'sending', ?, ?, ?)`,
		snd.CampaignID, snd.NodeID, snd.ContactID, msgID, snd.Segments,
		formatTime(now), formatTime(now))
	if isUnique(err) {
		return campaign.Send{}, campaign.Errorf(campaign.ECONFLICT,
			"This step was already sent to this contact.")
	}
	if err != nil {
		return campaign.Send{}, fmt.Errorf("begin send: %w", err)
	}
	snd.ID, _ = res.LastInsertId()
	snd.State = campaign.Sending
	snd.CreatedAt, snd.UpdatedAt = now, now
	return snd, nil
}

// FinishSend records Twilio's answer on a send row.
func (s *Store) FinishSend(ctx context.Context, snd campaign.Send) error {
	_, err := s.db.ExecContext(ctx, `UPDATE sends
		SET state = ?, segments = ?, twilio_sid = ?, status = ?,
		    error_code = ?, reason = ?, updated_at = ?
		WHERE id = ?`, snd.State, snd.Segments, snd.TwilioSID, snd.Status,
		snd.ErrorCode, snd.Reason, formatTime(time.Now()), snd.ID)
	if err != nil {
		return fmt.Errorf("finish send %d: %w", snd.ID, err)
	}
	return nil
}

// sendCols are a send row's columns, read by scanSend.
const sendCols = `s.id, s.campaign_id, s.node_id, s.contact_id,
	coalesce(s.message_id, 0), s.state, s.segments, s.twilio_sid,
	s.status, s.error_code, s.reason, s.created_at, s.updated_at`

// scanSend reads sendCols, then any extra columns into more.
func scanSend(rows *sql.Rows, more ...any) (campaign.Send, error) {
	var snd campaign.Send
	var created, updated string
	dest := []any{&snd.ID, &snd.CampaignID, &snd.NodeID, &snd.ContactID,
		&snd.MessageID, &snd.State, &snd.Segments, &snd.TwilioSID,
		&snd.Status, &snd.ErrorCode, &snd.Reason, &created, &updated}
	err := rows.Scan(append(dest, more...)...)
	snd.CreatedAt, snd.UpdatedAt = parseTime(created), parseTime(updated)
	return snd, err
}

// Sends returns a campaign's send rows, oldest first.
func (s *Store) Sends(ctx context.Context, campaignID int64) (
	[]campaign.Send, error) {

	rows, err := s.db.QueryContext(ctx, `SELECT `+sendCols+`
		FROM sends s WHERE s.campaign_id = ? ORDER BY s.id`, campaignID)
	if err != nil {
		return nil, fmt.Errorf("list sends: %w", err)
	}
	defer rows.Close()

	var list []campaign.Send
	for rows.Next() {
		snd, err := scanSend(rows)
		if err != nil {
			return nil, fmt.Errorf("list sends: %w", err)
		}
		list = append(list, snd)
	}
	return list, rows.Err()
}

// SendView is a send row with the names a person reads it by.
type SendView struct {
	campaign.Send
	CampaignName string
	ContactName  string
	Phone        string
}

// RecentSends returns the newest send rows across all campaigns.
func (s *Store) RecentSends(ctx context.Context, limit int) (
	[]SendView, error) {

	rows, err := s.db.QueryContext(ctx, `SELECT `+sendCols+`, c.name,
		trim(k.first_name || ' ' || k.last_name), k.phone
		FROM sends s
		JOIN campaigns c ON c.id = s.campaign_id
		JOIN contacts k ON k.id = s.contact_id
		ORDER BY s.updated_at DESC, s.id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("recent sends: %w", err)
	}
	defer rows.Close()

	var list []SendView
	for rows.Next() {
		var v SendView
		v.Send, err = scanSend(rows, &v.CampaignName, &v.ContactName,
			&v.Phone)
		if err != nil {
			return nil, fmt.Errorf("recent sends: %w", err)
		}
		list = append(list, v)
	}
	return list, rows.Err()
}

// isUnique reports whether err is a UNIQUE constraint violation.
func isUnique(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) &&
		se.ExtendedCode == sqlite3.ErrConstraintUnique
}
