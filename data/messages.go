package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nurturesms/nurture/campaign"
)

var _ campaign.MessageStore = (*Store)(nil)

// maxNameLen is the longest message name, in characters.
const maxNameLen = 100

// messageCols are the columns scanMessage reads, in order.
const messageCols = "id, name, body, created_at, updated_at"

func scanMessage(row interface{ Scan(...any) error }) (campaign.Message,
	error) {

	var m campaign.Message
	var created, updated string
	err := row.Scan(&m.ID, &m.Name, &m.Body, &created, &updated)
	m.CreatedAt, m.UpdatedAt = parseTime(created), parseTime(updated)
	return m, err
}

// Message returns the message with the given ID.
func (s *Store) Message(ctx context.Context, id int64) (campaign.Message,
	error) {

	m, err := scanMessage(s.db.QueryRowContext(ctx,
		"SELECT "+messageCols+" FROM messages WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, messageNotFound()
	}
	if err != nil {
		return m, fmt.Errorf("load message %d: %w", id, err)
	}
	return m, nil
}

// Messages returns the whole library, sorted by name.
func (s *Store) Messages(ctx context.Context) ([]campaign.Message, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+messageCols+
		" FROM messages ORDER BY name COLLATE NOCASE, id")
	if err != nil {
		return nil, fmt.Errorf("list messages: %w", err)
	}
	defer rows.Close()

	var list []campaign.Message
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, fmt.Errorf("list messages: %w", err)
		}
		list = append(list, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list messages: %w", err)
	}
	return list, nil
}

// SaveMessage inserts m when m.ID is 0 and updates it otherwise,
// returning the stored message. The name is trimmed and must be unique,
// whatever its case.
func (s *Store) SaveMessage(ctx context.Context, m campaign.Message) (
	campaign.Message, error) {

	name, err := cleanName(m.Name)
	if err != nil {
		return m, err
	}
	m.Name = name
	now := time.Now().UTC()

	if m.ID == 0 {
		res, err := s.db.ExecContext(ctx, `INSERT INTO messages
			(name, body, created_at, updated_at) VALUES (?, ?, ?, ?)`,
			m.Name, m.Body, formatTime(now), formatTime(now))
		if err != nil {
			return m, nameError(err, m.Name, "create message")
		}
		m.ID, _ = res.LastInsertId()
		m.CreatedAt, m.UpdatedAt = now, now
		return m, nil
	}

	res, err := s.db.ExecContext(ctx, `UPDATE messages
		SET name = ?, body = ?, updated_at = ? WHERE id = ?`,
		m.Name, m.Body, formatTime(now), m.ID)
	if err != nil {
		return m, nameError(err, m.Name, "save message")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return m, messageNotFound()
	}
	return s.Message(ctx, m.ID)
}

// RenameMessage gives a message a new name and leaves its body alone.
func (s *Store) RenameMessage(ctx context.Context, id int64,
	name string) (campaign.Message, error) {

	m, err := s.Message(ctx, id)
	if err != nil {
		return m, err
	}
	m.Name = name
	return s.SaveMessage(ctx, m)
}

// DuplicateMessage saves a copy of a message named "Copy of <name>",
// numbered when that name is taken, and returns the copy.
func (s *Store) DuplicateMessage(ctx context.Context, id int64) (
	campaign.Message, error) {

	m, err := s.Message(ctx, id)
	if err != nil {
		return m, err
	}
	base := truncate("Copy of "+m.Name, maxNameLen-5)
	for i := 1; i < 1000; i++ {
		name := base
		if i > 1 {
			name = fmt.Sprintf("%s (%d)", base, i)
		}
		copied, err := s.SaveMessage(ctx,
			campaign.Message{Name: name, Body: m.Body})
		if campaign.ErrorCode(err) != campaign.ECONFLICT {
			return copied, err
		}
	}
	return m, campaign.Errorf(campaign.ECONFLICT,
		"There are too many copies of %q. Rename some, then try again.",
		m.Name)
}

// DeleteMessage deletes a message that no campaign uses. A message in
// use is kept, and the error names the campaigns that use it.
func (s *Store) DeleteMessage(ctx context.Context, id int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("delete message %d: %w", id, err)
	}
	defer tx.Rollback()

	users, err := messageUsers(ctx, tx, id)
	if err != nil {
		return fmt.Errorf("delete message %d: %w", id, err)
	}
	if len(users) > 0 {
		return MessageInUse(users)
	}

	res, err := tx.ExecContext(ctx, "DELETE FROM messages WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("delete message %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return messageNotFound()
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("delete message %d: %w", id, err)
	}
	return nil
}

// MessageInUse is the error for a message that the named campaigns
// send, and so cannot be deleted.
func MessageInUse(campaigns []string) error {
	fix := "Open that campaign and pick another message in its Send " +
		"SMS steps first."
	if len(campaigns) > 1 {
		fix = "Open those campaigns and pick another message in their " +
			"Send SMS steps first."
	}
	return campaign.Errorf(campaign.ECONFLICT,
		"This message is used by %s, so it was not deleted. %s",
		quoteList(campaigns), fix)
}

// MessageUsers returns the names of the campaigns with a Send SMS step
// that sends the message, sorted.
func (s *Store) MessageUsers(ctx context.Context, id int64) ([]string,
	error) {

	users, err := messageUsers(ctx, s.db, id)
	if err != nil {
		return nil, fmt.Errorf("find campaigns using message %d: %w",
			id, err)
	}
	return users, nil
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows,
		error)
}

// messageUsers reads the campaigns whose graph has a send_sms node for
// the message.
func messageUsers(ctx context.Context, q querier, id int64) ([]string,
	error) {

	rows, err := q.QueryContext(ctx, `SELECT DISTINCT c.name
		FROM campaigns c, json_each(c.graph, '$.nodes') n
		WHERE json_extract(n.value, '$.kind') = ?
		  AND json_extract(n.value, '$.message_id') = ?
		ORDER BY c.name COLLATE NOCASE`, string(campaign.KindSend), id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()

	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// cleanName trims a message name and checks it.
func cleanName(name string) (string, error) {
	name = strings.Join(strings.Fields(name), " ")
	switch {
	case name == "":
		return "", campaign.Errorf(campaign.EINVALID,
			"The message needs a name. Type one, such as \"Welcome\".")
	case len([]rune(name)) > maxNameLen:
		return "", campaign.Errorf(campaign.EINVALID,
			"The name is over %d characters. Shorten it.", maxNameLen)
	}
	return name, nil
}

// nameError turns a clash on the unique name into a message for the
// user, and wraps anything else.
func nameError(err error, name, op string) error {
	if isUnique(err) {
		return campaign.Errorf(campaign.ECONFLICT,
			"A message called %q already exists. Choose another name.",
			name)
	}
	return fmt.Errorf("%s: %w", op, err)
}

// messageNotFound is the error for a message ID with no row.
func messageNotFound() error {
	return campaign.Errorf(campaign.ENOTFOUND,
		"The message was not found (it may have been deleted). "+
			"Reopen the Messages list.")
}

// truncate cuts s to at most n characters.
func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

// quoteList names campaigns: campaign "A", or campaigns "A", "B" and
// "C".
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) == 1 {
		return "the campaign " + q[0]
	}
	return "the campaigns " + strings.Join(q[:len(q)-1], ", ") +
		" and " + q[len(q)-1]
}
