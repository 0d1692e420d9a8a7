package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/nurturesms/nurture/campaign"
)

var _ campaign.ContactStore = (*Store)(nil)

// contactCols are the columns scanContact reads, in order. Tags come
// joined by the unit separator, in no particular order.
const contactCols = `c.id, c.phone, c.first_name, c.last_name, c.email,
	c.fields, c.not_mobile, c.opted_out, c.created_at, c.updated_at,
	(SELECT group_concat(tag, char(31)) FROM contact_tags
	 WHERE contact_id = c.id)`

func scanContact(row interface{ Scan(...any) error }) (campaign.Contact,
	error) {

	var c campaign.Contact
	var fields, created, updated string
	var tags sql.NullString
	err := row.Scan(&c.ID, &c.Phone, &c.FirstName, &c.LastName, &c.Email,
		&fields, &c.NotMobile, &c.OptedOut, &created, &updated, &tags)
	if err != nil {
		return c, err
	}
	c.Fields = decodeFields(fields)
	c.CreatedAt, c.UpdatedAt = parseTime(created), parseTime(updated)
	if tags.String != "" {
		c.Tags = strings.Split(tags.String, "\x1f")
		sort.Strings(c.Tags)
	}
	return c, nil
}

// decodeFields reads the fields column; a damaged value reads as none.
func decodeFields(s string) map[string]string {
	m := map[string]string{}
	_ = json.Unmarshal([]byte(s), &m)
	return m
}

// encodeFields writes custom fields as a JSON object, leaving out
// empty values.
func encodeFields(m map[string]string) string {
	clean := make(map[string]string, len(m))
	for k, v := range m {
		if k = strings.TrimSpace(k); k != "" && v != "" {
			clean[k] = v
		}
	}
	b, _ := json.Marshal(clean) // a map of strings always encodes
	return string(b)
}

// Contact returns the contact with the given ID.
func (s *Store) Contact(ctx context.Context, id int64) (campaign.Contact,
	error) {

	row := s.db.QueryRowContext(ctx,
		"SELECT "+contactCols+" FROM contacts c WHERE c.id = ?", id)
	c, err := scanContact(row)
	if errors.Is(err, sql.ErrNoRows) {
		return c, campaign.Errorf(campaign.ENOTFOUND,
			"That contact no longer exists. It may have been deleted.")
	}
	if err != nil {
		return c, fmt.Errorf("load contact %d: %w", id, err)
	}
	return c, nil
}

// ContactByPhone returns the contact with the given E.164 number, for
// replies and Twilio errors that name a number rather than a contact.
func (s *Store) ContactByPhone(ctx context.Context, phone string) (
	campaign.Contact, error) {

	row := s.db.QueryRowContext(ctx,
		"SELECT "+contactCols+" FROM contacts c WHERE c.phone = ?", phone)
	c, err := scanContact(row)
	if errors.Is(err, sql.ErrNoRows) {
		return c, campaign.Errorf(campaign.ENOTFOUND,
			"No contact has that number.")
	}
	if err != nil {
		return c, fmt.Errorf("find contact by number: %w", err)
	}
	return c, nil
}

// SaveContact inserts c when c.ID is 0 and updates it otherwise. The
// tags stored become exactly c.Tags. Opt-out is not saved from c: it
// changes only through RecordConsent.
func (s *Store) SaveContact(ctx context.Context, c campaign.Contact) (
	campaign.Contact, error) {

	if !isE164(c.Phone) {
		return c, campaign.Errorf(campaign.EINVALID,
			"%q is not a phone number in international form, like "+
				"+14155550100.", c.Phone)
	}

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return c, fmt.Errorf("save contact: %w", err)
	}
	defer tx.Rollback()

	now := formatTime(time.Now())
	fields := encodeFields(c.Fields)
	if c.ID == 0 {
		var res sql.Result
		res, err = tx.ExecContext(ctx, `INSERT INTO contacts (phone,
			first_name, last_name, email, fields, not_mobile, created_at,
			updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.Phone,
			c.FirstName, c.LastName, c.Email, fields, c.NotMobile, now, now)
		if err == nil {
			c.ID, err = res.LastInsertId()
		}
	} else {
		err = updateContact(ctx, tx, c, fields, now)
	}
	if isUnique(err) {
		return c, campaign.Errorf(campaign.ECONFLICT,
			"Another contact already has the number %s. Search for it and "+
				"edit that contact instead.", c.Phone)
	}
	if err != nil {
		return c, err
	}

	if err := replaceTags(ctx, tx, c.ID, c.Tags); err != nil {
		return c, err
	}
	if err := adoptConsent(ctx, tx, `["`+c.Phone+`"]`); err != nil {
		return c, err
	}
	if err := tx.Commit(); err != nil {
		return c, fmt.Errorf("save contact: %w", err)
	}
	return s.Contact(ctx, c.ID)
}

func updateContact(ctx context.Context, tx *sql.Tx, c campaign.Contact,
	fields, now string) error {

	res, err := tx.ExecContext(ctx, `UPDATE contacts SET phone = ?,
		first_name = ?, last_name = ?, email = ?, fields = ?,
		not_mobile = ?, updated_at = ? WHERE id = ?`, c.Phone, c.FirstName,
		c.LastName, c.Email, fields, c.NotMobile, now, c.ID)
	if err != nil {
		return fmt.Errorf("save contact %d: %w", c.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return campaign.Errorf(campaign.ENOTFOUND,
			"That contact no longer exists. It may have been deleted.")
	}
	return nil
}

// replaceTags makes a contact's tags exactly tags.
func replaceTags(ctx context.Context, tx *sql.Tx, id int64,
	tags []string) error {

	_, err := tx.ExecContext(ctx,
		"DELETE FROM contact_tags WHERE contact_id = ?", id)
	if err != nil {
		return fmt.Errorf("save tags: %w", err)
	}
	for _, t := range tags {
		if t = strings.TrimSpace(t); t == "" {
			continue
		}
		_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO contact_tags
			(contact_id, tag) VALUES (?, ?)`, id, t)
		if err != nil {
			return fmt.Errorf("save tags: %w", err)
		}
	}
	return nil
}

// DeleteContact deletes a contact and its tags. Its consent events stay
// in the log, with the phone number, for audit.
func (s *Store) DeleteContact(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM contacts WHERE id = ?", id)
	if err != nil {
		return fmt.Errorf("delete contact %d: %w", id, err)
	}
	return nil
}

// DeleteContacts deletes many contacts in one transaction.
func (s *Store) DeleteContacts(ctx context.Context, sel Selection) (int,
	error) {

	where, args := sel.where()
	res, err := s.db.ExecContext(ctx,
		"DELETE FROM contacts WHERE id IN (SELECT c.id FROM contacts c "+
			where+")", args...)
	if err != nil {
		return 0, fmt.Errorf("delete contacts: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// isE164 reports whether p looks like an E.164 number: a plus and 8 to
// 15 digits, the first not zero.
func isE164(p string) bool {
	if len(p) < 8 || len(p) > 16 || p[0] != '+' || p[1] == '0' {
		return false
	}
	for _, r := range p[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
