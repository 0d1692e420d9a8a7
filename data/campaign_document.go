package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/nurturesms/nurture/campaign"
)

// ExportCampaign returns the campaign as a JSON document that holds the
// messages its Send SMS steps use.
func (s *Store) ExportCampaign(ctx context.Context, id int64) ([]byte,
	error) {

	c, err := s.Campaign(ctx, id)
	if err != nil {
		return nil, err
	}
	msgs, err := libraryMessages(ctx, s.db)
	if err != nil {
		return nil, err
	}
	return campaign.Encode(c, msgs)
}

// ImportCampaign reads a campaign document and saves it as a new draft
// campaign, with the messages it brings that the library lacks, all in
// one transaction: a refused document saves nothing. A name already in
// use gets " (imported)" added.
func (s *Store) ImportCampaign(ctx context.Context, doc []byte) (
	campaign.Campaign, error) {

	d, err := campaign.Decode(doc)
	if err != nil {
		return campaign.Campaign{}, err
	}

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return campaign.Campaign{}, fmt.Errorf("import campaign: %w", err)
	}
	defer tx.Rollback()

	ids, err := importMessages(ctx, tx, d)
	if err != nil {
		return campaign.Campaign{}, err
	}
	names, err := readNames(ctx, tx, "SELECT name FROM campaigns")
	if err != nil {
		return campaign.Campaign{}, err
	}
	name, err := cleanCampaignName(d.Campaign.Name)
	if err != nil {
		return campaign.Campaign{}, err
	}

	c := campaign.Campaign{
		Name:  campaign.UniqueName(name, "imported", names.taken),
		State: campaign.Draft,
		Graph: campaign.RemapMessages(d.Campaign.Graph, ids),
	}
	graph, err := jsonGraph(c.Graph)
	if err != nil {
		return c, err
	}
	now := formatTime(time.Now())
	if c.ID, err = insertCampaign(ctx, tx, c, graph, now); err != nil {
		return c, err
	}
	saved, err := loadCampaign(ctx, tx, "id = ?", c.ID)
	if err != nil {
		return c, err
	}
	if err := tx.Commit(); err != nil {
		return c, fmt.Errorf("import campaign: %w", err)
	}
	return saved, nil
}

// importMessages saves the document's messages that the library lacks
// and returns the library ID of each document message ID.
func importMessages(ctx context.Context, tx *sql.Tx, d campaign.Document) (
	map[int64]int64, error) {

	library, err := libraryMessages(ctx, tx)
	if err != nil {
		return nil, err
	}

	ids := map[int64]int64{}
	now := formatTime(time.Now())
	for _, mi := range d.PlanMessages(library) {
		if mi.ExistingID != 0 {
			ids[mi.DocID] = mi.ExistingID
			continue
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO messages
			(name, body, created_at, updated_at) VALUES (?, ?, ?, ?)`,
			mi.Name, mi.Body, now, now)
		if err != nil {
			return nil, fmt.Errorf("import message %d: %w", mi.DocID, err)
		}
		ids[mi.DocID], _ = res.LastInsertId()
	}
	return ids, nil
}

// libraryMessages reads the whole message library.
func libraryMessages(ctx context.Context, q querier) ([]campaign.Message,
	error) {

	rows, err := q.QueryContext(ctx, "SELECT id, name, body FROM messages")
	if err != nil {
		return nil, fmt.Errorf("read messages: %w", err)
	}
	defer rows.Close()

	var msgs []campaign.Message
	for rows.Next() {
		var m campaign.Message
		if err := rows.Scan(&m.ID, &m.Name, &m.Body); err != nil {
			return nil, fmt.Errorf("read messages: %w", err)
		}
		msgs = append(msgs, m)
	}
	return msgs, rows.Err()
}
