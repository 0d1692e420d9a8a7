package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nurturesms/nurture/campaign"
)

var _ campaign.CampaignStore = (*Store)(nil)

// maxCampaignName is the longest campaign name, in characters.
const maxCampaignName = 100

// campaignCols are the columns scanCampaign reads, in order.
const campaignCols = "id, name, state, graph, created_at, updated_at"

func scanCampaign(row interface{ Scan(...any) error }) (campaign.Campaign,
	error) {

	var c campaign.Campaign
	var graph, created, updated string
	err := row.Scan(&c.ID, &c.Name, &c.State, &graph, &created, &updated)
	if err != nil {
		return c, err
	}
	c.CreatedAt, c.UpdatedAt = parseTime(created), parseTime(updated)
	if err := json.Unmarshal([]byte(graph), &c.Graph); err != nil {
		return c, fmt.Errorf("campaign %d graph: %w", c.ID, err)
	}
	return c, nil
}

// Campaign returns the campaign with the given ID.
func (s *Store) Campaign(ctx context.Context, id int64) (campaign.Campaign,
	error) {

	return loadCampaign(ctx, s.db, "id = ?", id)
}

// CampaignByName returns the campaign with the given name, whatever its
// case.
func (s *Store) CampaignByName(ctx context.Context, name string) (
	campaign.Campaign, error) {

	c, err := loadCampaign(ctx, s.db, "name = ?", strings.TrimSpace(name))
	if campaign.ErrorCode(err) == campaign.ENOTFOUND {
		return c, campaign.Errorf(campaign.ENOTFOUND, "There is no "+
			"campaign called %q. Check the name in the campaign list.", name)
	}
	return c, err
}

// rowQuerier is what *sql.DB and *sql.Tx share for reading one row.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func loadCampaign(ctx context.Context, q rowQuerier, where string,
	arg any) (campaign.Campaign, error) {

	c, err := scanCampaign(q.QueryRowContext(ctx,
		"SELECT "+campaignCols+" FROM campaigns WHERE "+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return c, campaign.Errorf(campaign.ENOTFOUND, "The campaign was "+
			"not found (it may have been deleted). Reopen the campaign list.")
	}
	if err != nil {
		return c, fmt.Errorf("load campaign: %w", err)
	}
	return c, nil
}

// Campaigns returns every campaign, sorted by name.
func (s *Store) Campaigns(ctx context.Context) ([]campaign.Campaign, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+campaignCols+
		" FROM campaigns ORDER BY name COLLATE NOCASE, id")
	if err != nil {
		return nil, fmt.Errorf("list campaigns: %w", err)
	}
	defer rows.Close()

	var list []campaign.Campaign
	for rows.Next() {
		c, err := scanCampaign(rows)
		if err != nil {
			return nil, fmt.Errorf("list campaigns: %w", err)
		}
		list = append(list, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list campaigns: %w", err)
	}
	return list, nil
}

// SaveCampaign inserts c when c.ID is 0 and updates it otherwise,
// returning the stored campaign. See SaveCampaignMoves.
func (s *Store) SaveCampaign(ctx context.Context, c campaign.Campaign) (
	campaign.Campaign, error) {

	saved, _, err := s.SaveCampaignMoves(ctx, c)
	return saved, err
}

// SaveCampaignMoves saves c like SaveCampaign, and returns the
// enrollments that moved because the edit deleted the node they were
// at. A running campaign's steps are locked: changing them fails with
// ECONFLICT. Names are trimmed and unique whatever their case.
func (s *Store) SaveCampaignMoves(ctx context.Context, c campaign.Campaign) (
	campaign.Campaign, []campaign.Move, error) {

	name, err := cleanCampaignName(c.Name)
	if err != nil {
		return c, nil, err
	}
	c.Name = name
	if c.State == "" {
		c.State = campaign.Draft
	}
	graph, err := jsonGraph(c.Graph)
	if err != nil {
		return c, nil, err
	}

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return c, nil, fmt.Errorf("save campaign: %w", err)
	}
	defer tx.Rollback()

	now := formatTime(time.Now())
	var moves []campaign.Move
	if c.ID == 0 {
		c.ID, err = insertCampaign(ctx, tx, c, graph, now)
	} else {
		moves, err = updateCampaign(ctx, tx, c, graph, now)
	}
	if err != nil {
		return c, nil, err
	}

	saved, err := loadCampaign(ctx, tx, "id = ?", c.ID)
	if err != nil {
		return c, nil, err
	}
	if err := tx.Commit(); err != nil {
		return c, nil, fmt.Errorf("save campaign: %w", err)
	}
	return saved, moves, nil
}

func insertCampaign(ctx context.Context, tx *sql.Tx, c campaign.Campaign,
	graph []byte, now string) (int64, error) {

	res, err := tx.ExecContext(ctx, `INSERT INTO campaigns
		(name, state, graph, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
		c.Name, string(c.State), string(graph), now, now)
	if err != nil {
		return 0, campaignNameError(err, c.Name)
	}
	return res.LastInsertId()
}

// updateCampaign writes c over its row. When the steps of a paused
// campaign change, contacts at deleted nodes move on in the same
// transaction.
func updateCampaign(ctx context.Context, tx *sql.Tx, c campaign.Campaign,
	graph []byte, now string) ([]campaign.Move, error) {

	old, err := loadCampaign(ctx, tx, "id = ?", c.ID)
	if err != nil {
		return nil, err
	}
	changed := !sameSteps(old.Graph, c.Graph)
	if old.State == campaign.Running && changed {
		return nil, campaign.Errorf(campaign.ECONFLICT, "%q is running, so "+
			"its steps are locked. Pause it, then make your changes.",
			old.Name)
	}

	var moves []campaign.Move
	if changed {
		moves, err = moveEnrollments(ctx, tx, c.ID, old.Graph, c.Graph, now)
		if err != nil {
			return nil, err
		}
	}

	_, err = tx.ExecContext(ctx, `UPDATE campaigns SET name = ?, state = ?,
		graph = ?, updated_at = ? WHERE id = ?`,
		c.Name, string(c.State), string(graph), now, c.ID)
	if err != nil {
		return nil, campaignNameError(err, c.Name)
	}
	return moves, nil
}

// jsonGraph encodes a graph for the graph column.
func jsonGraph(g campaign.Graph) ([]byte, error) {
	if g.Nodes == nil {
		g.Nodes = []campaign.Node{}
	}
	if g.Edges == nil {
		g.Edges = []campaign.Edge{}
	}
	b, err := json.Marshal(g)
	if err != nil {
		return nil, fmt.Errorf("encode graph: %w", err)
	}
	return b, nil
}

// sameSteps reports whether two graphs differ only in where their
// nodes sit on the canvas.
func sameSteps(a, b campaign.Graph) bool {
	strip := func(g campaign.Graph) string {
		g = g.Clone()
		for i := range g.Nodes {
			g.Nodes[i].X, g.Nodes[i].Y = 0, 0
		}
		js, _ := json.Marshal(g)
		return string(js)
	}
	return strip(a) == strip(b)
}

// moveEnrollments applies campaign.ReconcileEnrollments to the
// campaign's enrollments and writes the moves.
func moveEnrollments(ctx context.Context, tx *sql.Tx, id int64,
	old, new campaign.Graph, now string) ([]campaign.Move, error) {

	rows, err := tx.QueryContext(ctx, `SELECT `+enrollmentCols+`
		FROM enrollments WHERE campaign_id = ? AND state <> 'finished'
		ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("move enrollments: %w", err)
	}
	var es []campaign.Enrollment
	for rows.Next() {
		e, err := scanEnrollment(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("move enrollments: %w", err)
		}
		es = append(es, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("move enrollments: %w", err)
	}

	moves := campaign.ReconcileEnrollments(old, new, es)
	for _, m := range moves {
		e := m.Enrollment
		_, err := tx.ExecContext(ctx, `UPDATE enrollments SET node_id = ?,
			state = ?, note = ?, updated_at = ? WHERE id = ?`,
			e.NodeID, string(e.State), e.Note, now, e.ID)
		if err != nil {
			return nil, fmt.Errorf("move enrollment %d: %w", e.ID, err)
		}
	}
	return moves, nil
}

// RenameCampaign gives a campaign a new name and leaves the rest alone.
func (s *Store) RenameCampaign(ctx context.Context, id int64, name string) (
	campaign.Campaign, error) {

	c, err := s.Campaign(ctx, id)
	if err != nil {
		return c, err
	}
	c.Name = name
	return s.SaveCampaign(ctx, c)
}

// DuplicateCampaign saves a draft copy of a campaign's steps, named
// "<name> (copy)", numbered when that name is taken.
func (s *Store) DuplicateCampaign(ctx context.Context, id int64) (
	campaign.Campaign, error) {

	c, err := s.Campaign(ctx, id)
	if err != nil {
		return c, err
	}
	names, err := s.campaignNames(ctx)
	if err != nil {
		return c, err
	}
	base := truncate(c.Name, maxCampaignName-12)
	copied := campaign.Campaign{State: campaign.Draft, Graph: c.Graph,
		Name: campaign.UniqueName(base, "copy", names.taken)}
	return s.SaveCampaign(ctx, copied)
}

// DeleteCampaign deletes a campaign with its enrollments and send
// history. A running campaign must be paused first.
func (s *Store) DeleteCampaign(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM campaigns
		WHERE id = ? AND state <> 'running'`, id)
	if err != nil {
		return fmt.Errorf("delete campaign %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return nil
	}

	c, err := s.Campaign(ctx, id)
	if err != nil {
		return err
	}
	return campaign.Errorf(campaign.ECONFLICT, "%q is running. Pause it "+
		"before deleting it.", c.Name)
}
