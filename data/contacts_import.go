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

var _ campaign.ContactImporter = (*Store)(nil)

// existing is what an import needs to know of a stored contact.
type existing struct {
	id        int64
	first     string
	last      string
	email     string
	fields    string
	notMobile bool
	optedOut  bool
	consented bool // has any consent event
}

// ImportContacts saves a batch of imported contacts in one transaction,
// matching stored contacts on the phone number: a match is updated,
// anything else inserted. Non-empty values in the batch replace stored
// ones; tags and custom fields are added. A consent event is recorded
// only for a contact without consent history, except that an opt-out
// is always recorded: an import never lifts an opt-out.
func (s *Store) ImportContacts(ctx context.Context,
	batch []campaign.ContactImport) (campaign.ImportCounts, error) {

	var n campaign.ImportCounts
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return n, fmt.Errorf("import contacts: %w", err)
	}
	defer tx.Rollback()

	found, err := lookupPhones(ctx, tx, batch)
	if err != nil {
		return n, err
	}
	w, err := newImportWriter(ctx, tx)
	if err != nil {
		return n, err
	}
	defer w.close()

	now := formatTime(time.Now())
	for _, ci := range batch {
		if err := ctx.Err(); err != nil {
			return campaign.ImportCounts{}, err
		}
		ex := found[ci.Contact.Phone]
		ok := ex.id != 0
		if err := w.save(ctx, ci, ex, ok, &n, now); err != nil {
			return campaign.ImportCounts{}, fmt.Errorf(
				"import contacts: line %d: %w", ci.Line, err)
		}
	}
	if err := w.flush(ctx, tx, now); err != nil {
		return campaign.ImportCounts{}, fmt.Errorf("import contacts: %w",
			err)
	}

	if err := tx.Commit(); err != nil {
		return campaign.ImportCounts{}, fmt.Errorf("import contacts: %w", err)
	}
	return n, nil
}

// lookupPhones loads the stored contacts whose numbers are in the
// batch, with one query.
func lookupPhones(ctx context.Context, tx *sql.Tx,
	batch []campaign.ContactImport) (map[string]existing, error) {

	phones := make([]string, len(batch))
	for i, ci := range batch {
		phones[i] = ci.Contact.Phone
	}
	list, _ := json.Marshal(phones)

	rows, err := tx.QueryContext(ctx, `SELECT c.phone, c.id, c.first_name,
		c.last_name, c.email, c.fields, c.not_mobile, c.opted_out,
		EXISTS (SELECT 1 FROM consent_events e WHERE e.contact_id = c.id)
		FROM contacts c WHERE c.phone IN (SELECT value FROM json_each(?))`,
		string(list))
	if err != nil {
		return nil, fmt.Errorf("import contacts: look up numbers: %w", err)
	}
	defer rows.Close()

	found := map[string]existing{}
	for rows.Next() {
		var p string
		var e existing
		err := rows.Scan(&p, &e.id, &e.first, &e.last, &e.email, &e.fields,
			&e.notMobile, &e.optedOut, &e.consented)
		if err != nil {
			return nil, fmt.Errorf("import contacts: look up numbers: %w", err)
		}
		found[p] = e
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("import contacts: look up numbers: %w", err)
	}

	// A number whose contact was deleted keeps its consent: it comes
	// back opted out if it left opted out.
	past, err := pastConsent(ctx, tx, string(list))
	if err != nil {
		return nil, fmt.Errorf("import contacts: %w", err)
	}
	for p, out := range past {
		if _, ok := found[p]; !ok {
			found[p] = existing{consented: true, optedOut: out}
		}
	}
	return found, nil
}

// importWriter gathers one batch's writes: new contacts, tags and
// consent events go in with one statement each, from JSON arrays, so a
// batch of thousands costs a handful of calls into SQLite.
type importWriter struct {
	update  *sql.Stmt
	queued  map[string]bool // numbers inserted by this batch
	inserts [][]any         // phone, first, last, email, fields, not mobile
	tags    [][2]string     // phone, tag
	events  [][]string      // phone, kind, source, details, at
}

func newImportWriter(ctx context.Context, tx *sql.Tx) (*importWriter,
	error) {

	update, err := tx.PrepareContext(ctx, `UPDATE contacts SET
		first_name = ?, last_name = ?, email = ?, fields = ?,
		not_mobile = ?, updated_at = ? WHERE id = ?`)
	if err != nil {
		return nil, fmt.Errorf("import contacts: prepare: %w", err)
	}
	return &importWriter{update: update, queued: map[string]bool{}}, nil
}

func (w *importWriter) close() { w.update.Close() }

// save queues one contact with its tags and consent, updating a stored
// contact at once.
func (w *importWriter) save(ctx context.Context, ci campaign.ContactImport,
	ex existing, found bool, n *campaign.ImportCounts, now string) error {

	c := ci.Contact
	if !isE164(c.Phone) {
		// The number stays out of the message: errors reach the log.
		return errors.New("the number is not in E.164 form")
	}
	switch {
	case w.queued[c.Phone]:
		// The number came earlier in this batch: the importer drops
		// such rows, other callers get the tags added and nothing else.
		n.Updated++
		w.addTags(c)
		return nil
	case found:
		if err := w.merge(ctx, c, ex, now); err != nil {
			return err
		}
		n.Updated++
	default:
		w.inserts = append(w.inserts, []any{c.Phone, c.FirstName,
			c.LastName, c.Email, encodeFields(c.Fields), c.NotMobile})
		w.queued[c.Phone] = true
		n.Inserted++
	}
	w.addTags(c)

	e := ci.Consent
	switch {
	case e == nil:
		return nil
	case e.Kind == campaign.OptIn && ex.optedOut:
		n.StillOptedOut++
		return nil
	case e.Kind == campaign.OptIn && ex.consented:
		return nil
	case e.Kind == campaign.OptOut && ex.optedOut:
		return nil
	}
	w.events = append(w.events, []string{c.Phone, string(e.Kind),
		string(e.Source), e.Details, formatTime(e.At)})
	return nil
}

// insertedPhones returns the numbers of the queued inserts as a JSON
// array.
func (w *importWriter) insertedPhones() string {
	phones := make([]string, len(w.inserts))
	for i, row := range w.inserts {
		phones[i], _ = row[0].(string)
	}
	list, _ := json.Marshal(phones)
	return string(list)
}

func (w *importWriter) addTags(c campaign.Contact) {
	for _, t := range c.Tags {
		w.tags = append(w.tags, [2]string{c.Phone, t})
	}
}

// flush writes the queued inserts, tags and consent events.
func (w *importWriter) flush(ctx context.Context, tx *sql.Tx,
	now string) error {

	steps := []struct {
		what string
		rows any
		n    int
		sql  string
	}{
		{"insert contacts", w.inserts, len(w.inserts), `INSERT INTO contacts
			(phone, first_name, last_name, email, fields, not_mobile,
			 created_at, updated_at)
			SELECT value->>0, value->>1, value->>2, value->>3, value->>4,
			       value->>5, ?2, ?2
			FROM json_each(?1) ORDER BY key`},
		{"keep past consent", nil, len(w.inserts), ""},
		{"add tags", w.tags, len(w.tags), `INSERT OR IGNORE INTO contact_tags
			(contact_id, tag)
			SELECT c.id, j.value->>1 FROM json_each(?1) j
			JOIN contacts c ON c.phone = j.value->>0`},
		{"record consent", w.events, len(w.events), `INSERT INTO
			consent_events (contact_id, phone, kind, source, details, at,
			 recorded_at)
			SELECT c.id, c.phone, j.value->>1, j.value->>2, j.value->>3,
			       j.value->>4, ?2
			FROM json_each(?1) j JOIN contacts c ON c.phone = j.value->>0
			ORDER BY j.key`},
	}
	for _, st := range steps {
		if st.n == 0 {
			continue
		}
		if st.sql == "" { // after the inserts, before any new event
			if err := adoptConsent(ctx, tx, w.insertedPhones()); err != nil {
				return err
			}
			continue
		}
		list, err := json.Marshal(st.rows)
		if err != nil {
			return fmt.Errorf("%s: %w", st.what, err)
		}
		args := []any{string(list)}
		if strings.Contains(st.sql, "?2") {
			args = append(args, now)
		}
		_, err = tx.ExecContext(ctx, st.sql, args...)
		if err != nil {
			return fmt.Errorf("%s: %w", st.what, err)
		}
	}
	return nil
}

// merge updates a stored contact with the non-empty values of c,
// writing only when something changed.
func (w *importWriter) merge(ctx context.Context, c campaign.Contact,
	ex existing, now string) error {

	first, last := pick(c.FirstName, ex.first), pick(c.LastName, ex.last)
	email := pick(c.Email, ex.email)
	fields := ex.fields
	if len(c.Fields) > 0 {
		m := decodeFields(ex.fields)
		for k, v := range c.Fields {
			m[k] = v
		}
		fields = encodeFields(m)
	}
	if first == ex.first && last == ex.last && email == ex.email &&
		fields == ex.fields && c.NotMobile == ex.notMobile {
		return nil
	}
	_, err := w.update.ExecContext(ctx, first, last, email, fields,
		c.NotMobile, now, ex.id)
	if err != nil {
		return fmt.Errorf("update: %w", err)
	}
	return nil
}

// pick returns v, or old when v is blank.
func pick(v, old string) string {
	if strings.TrimSpace(v) == "" {
		return old
	}
	return v
}

// CountPhones counts how many of the given E.164 numbers belong to
// stored contacts.
func (s *Store) CountPhones(ctx context.Context, phones []string) (int,
	error) {

	list, err := json.Marshal(phones)
	if err != nil {
		return 0, fmt.Errorf("count numbers: %w", err)
	}
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM contacts
		WHERE phone IN (SELECT value FROM json_each(?))`,
		string(list)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count numbers: %w", err)
	}
	return n, nil
}
