package data

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/nurturesms/nurture/campaign"
)

// AudienceSize counts the contacts a Start node's audience takes in
// today, leaving out those who opted out. A nil audience is everyone.
func (s *Store) AudienceSize(ctx context.Context, a *campaign.Audience) (
	int, error) {

	if a == nil {
		a = &campaign.Audience{Mode: campaign.AudienceAll}
	}
	tags := lowerTags(a.Tags)

	var query string
	var args []any
	switch a.Mode {
	case campaign.AudienceAll:
		query = "SELECT COUNT(*) FROM contacts WHERE opted_out = 0"
	case campaign.AudienceAnyTag, campaign.AudienceAllTags:
		if len(tags) == 0 {
			return 0, nil
		}
		query, args = tagQuery(a.Mode, tags)
	case campaign.AudienceCondition:
		return s.countMatching(ctx, a)
	default:
		return 0, nil
	}

	var n int
	if err := s.db.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count audience: %w", err)
	}
	return n, nil
}

// lowerTags returns the distinct tags in lower case, blanks left out.
func lowerTags(tags []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range tags {
		t = strings.ToLower(strings.TrimSpace(t))
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// tagQuery counts contacts with any, or all, of the lower-case tags.
func tagQuery(mode campaign.AudienceMode, tags []string) (string, []any) {
	args := make([]any, len(tags))
	for i, t := range tags {
		args[i] = t
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(tags)), ",")
	inner := `SELECT t.contact_id FROM contact_tags t
		JOIN contacts c ON c.id = t.contact_id
		WHERE c.opted_out = 0 AND lower(t.tag) IN (` + marks + `)
		GROUP BY t.contact_id`
	if mode == campaign.AudienceAllTags {
		inner += " HAVING COUNT(DISTINCT lower(t.tag)) = ?"
		args = append(args, len(tags))
	}
	return "SELECT COUNT(*) FROM (" + inner + ")", args
}

// countMatching counts contacts that pass the audience's condition,
// testing each in Go so that the rules match the runner's exactly. It
// reads only what the test looks at: tags for a tag test, else the
// contact's own fields.
func (s *Store) countMatching(ctx context.Context, a *campaign.Audience) (
	int, error) {

	if a.Condition == nil {
		return 0, nil
	}
	if a.Condition.Op == campaign.OpHasTag {
		return s.countTagged(ctx, *a.Condition)
	}

	rows, err := s.db.QueryContext(ctx, `SELECT phone, first_name,
		last_name, email, fields FROM contacts WHERE opted_out = 0`)
	if err != nil {
		return 0, fmt.Errorf("count audience: %w", err)
	}
	defer rows.Close()

	n := 0
	for rows.Next() {
		var c campaign.Contact
		var fields string
		err := rows.Scan(&c.Phone, &c.FirstName, &c.LastName, &c.Email,
			&fields)
		if err != nil {
			return 0, fmt.Errorf("count audience: %w", err)
		}
		_ = json.Unmarshal([]byte(fields), &c.Fields) // checked by SQLite
		if a.Condition.Match(c) {
			n++
		}
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("count audience: %w", err)
	}
	return n, nil
}

// countTagged counts contacts, not opted out, that pass a tag test.
func (s *Store) countTagged(ctx context.Context, cond campaign.Condition) (
	int, error) {

	tags, err := s.tagsByContact(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, t := range tags {
		if cond.Match(campaign.Contact{Tags: t}) {
			n++
		}
	}
	return n, nil
}

// tagsByContact returns the tags of every contact who has not opted
// out.
func (s *Store) tagsByContact(ctx context.Context) (map[int64][]string,
	error) {

	rows, err := s.db.QueryContext(ctx, `SELECT t.contact_id, t.tag
		FROM contact_tags t JOIN contacts c ON c.id = t.contact_id
		WHERE c.opted_out = 0`)
	if err != nil {
		return nil, fmt.Errorf("read tags: %w", err)
	}
	defer rows.Close()

	tags := map[int64][]string{}
	for rows.Next() {
		var id int64
		var tag string
		if err := rows.Scan(&id, &tag); err != nil {
			return nil, fmt.Errorf("read tags: %w", err)
		}
		tags[id] = append(tags[id], tag)
	}
	return tags, rows.Err()
}
