package data

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nurturesms/nurture/campaign"
)

// OptOutFilter narrows the list by consent.
type OptOutFilter int

// The consent filters.
const (
	AnyConsent OptOutFilter = iota
	OnlyOptedOut
	NotOptedOut
)

// Missing-field filters that name built-in fields. Any other value of
// ContactFilter.Missing names a custom field.
const (
	MissingFirstName = "first_name"
	MissingLastName  = "last_name"
	MissingEmail     = "email"
)

// ContactFilter narrows the contact list. The zero value lists all.
type ContactFilter struct {
	// Search matches names, email and number. Each word must appear;
	// a query of digits and phone punctuation matches the number.
	Search string
	// Tag keeps contacts that carry it.
	Tag     string
	OptOut  OptOutFilter
	Missing string
}

// Selection is a set of contacts to act on: either the listed IDs, or
// every contact the filter matches when All is set.
type Selection struct {
	IDs    []int64
	All    bool
	Filter ContactFilter
}

// where returns a WHERE clause over "contacts c" and its arguments.
func (f ContactFilter) where() (string, []any) {
	var conds []string
	var args []any
	for _, w := range searchWords(f.Search) {
		var likes []string
		for _, v := range caseVariants(w) {
			likes = append(likes, `c.search_text LIKE ? ESCAPE '\'`)
			args = append(args, "%"+v+"%")
		}
		conds = append(conds, "("+strings.Join(likes, " OR ")+")")
	}
	if f.Tag != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM contact_tags t
			WHERE t.contact_id = c.id AND t.tag = ?)`)
		args = append(args, f.Tag)
	}
	switch f.OptOut {
	case OnlyOptedOut:
		conds = append(conds, "c.opted_out = 1")
	case NotOptedOut:
		conds = append(conds, "c.opted_out = 0")
	}
	switch f.Missing {
	case "":
	case MissingFirstName, MissingLastName, MissingEmail:
		conds = append(conds, "c."+f.Missing+" = ''")
	default:
		conds = append(conds,
			"coalesce(json_extract(c.fields, '$.\"' || ? || '\"'), '') = ''")
		args = append(args, f.Missing)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return "WHERE " + strings.Join(conds, " AND "), args
}

func (sel Selection) where() (string, []any) {
	if sel.All {
		return sel.Filter.where()
	}
	if len(sel.IDs) == 0 {
		return "WHERE 0", nil
	}
	ids := make([]string, len(sel.IDs))
	for i, id := range sel.IDs {
		ids[i] = fmt.Sprint(id)
	}
	return "WHERE c.id IN (SELECT value FROM json_each(?))",
		[]any{"[" + strings.Join(ids, ",") + "]"}
}

// searchWords splits a query into lower-case LIKE patterns with % and _
// escaped. A query that looks like a phone number becomes its digits.
func searchWords(q string) []string {
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" {
		return nil
	}
	if digits, ok := phoneDigits(q); ok {
		return []string{digits}
	}
	words := strings.Fields(q)
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	for i, w := range words {
		words[i] = r.Replace(w)
	}
	return words
}

// caseVariants returns the spellings of a lower-case search word that
// can be stored. SQLite folds the case of ASCII letters only, in both
// lower() and LIKE, so a stored "Ömer" or "JOSÉ" keeps its capital Ö
// or É: a word with other letters is also tried with its first letter
// a capital, and with every letter beyond ASCII a capital.
func caseVariants(w string) []string {
	ascii := true
	for _, r := range w {
		if r >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return []string{w}
	}
	first, n := utf8.DecodeRuneInString(w)
	title := string(unicode.ToUpper(first)) + w[n:]
	upper := strings.Map(func(r rune) rune {
		if r >= utf8.RuneSelf {
			return unicode.ToUpper(r)
		}
		return r
	}, w)
	out := []string{w}
	for _, v := range []string{title, upper} {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// phoneDigits returns the digits of q when q holds only digits and the
// punctuation people type in numbers.
func phoneDigits(q string) (string, bool) {
	var b strings.Builder
	for _, r := range q {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case strings.ContainsRune("+-(). ", r):
		default:
			return "", false
		}
	}
	return b.String(), b.Len() > 0
}

// ListContacts returns one page of the contacts the filter matches,
// sorted by name, then by number for contacts without a name.
func (s *Store) ListContacts(ctx context.Context, f ContactFilter,
	offset, limit int) ([]campaign.Contact, error) {

	where, args := f.where()
	return s.listContacts(ctx, where, append(args, limit, offset))
}

// listContacts runs a page query; args end with the limit and offset.
func (s *Store) listContacts(ctx context.Context, where string,
	args []any) ([]campaign.Contact, error) {

	rows, err := s.db.QueryContext(ctx, "SELECT "+contactCols+
		" FROM contacts c "+where+
		" ORDER BY c.sort_key, c.id LIMIT ? OFFSET ?", args...)
	if err != nil {
		return nil, fmt.Errorf("list contacts: %w", err)
	}
	defer rows.Close()

	var list []campaign.Contact
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return nil, fmt.Errorf("list contacts: %w", err)
		}
		list = append(list, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list contacts: %w", err)
	}
	return list, nil
}

// ListContactsAfter returns the page of matching contacts that follows
// the contact with ID after in list order. Unlike an offset, it costs
// the same deep in a long list as at the top.
func (s *Store) ListContactsAfter(ctx context.Context, f ContactFilter,
	after int64, limit int) ([]campaign.Contact, error) {

	where, args := f.where()
	cond := `(c.sort_key, c.id) > (SELECT sort_key, id FROM contacts
		WHERE id = ?)`
	if where == "" {
		where = "WHERE " + cond
	} else {
		where += " AND " + cond
	}
	return s.listContacts(ctx, where, append(args, after, limit, 0))
}

// CountContacts counts the contacts the filter matches.
func (s *Store) CountContacts(ctx context.Context, f ContactFilter) (int,
	error) {

	where, args := f.where()
	var n int
	err := s.db.QueryRowContext(ctx,
		"SELECT count(*) FROM contacts c "+where, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count contacts: %w", err)
	}
	return n, nil
}

// ContactTags returns every tag in use, sorted.
func (s *Store) ContactTags(ctx context.Context) ([]string, error) {
	return s.strings(ctx, "list tags",
		"SELECT DISTINCT tag FROM contact_tags ORDER BY tag")
}

// CustomFieldNames returns the names of the custom fields any contact
// has, sorted.
func (s *Store) CustomFieldNames(ctx context.Context) ([]string, error) {
	return s.strings(ctx, "list custom fields", `SELECT DISTINCT j.key
		FROM contacts c, json_each(c.fields) j ORDER BY j.key`)
}

// strings runs a query that returns one text column.
func (s *Store) strings(ctx context.Context, op, query string) ([]string,
	error) {

	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// AddTags adds tags to every selected contact and returns how many
// contacts were selected.
func (s *Store) AddTags(ctx context.Context, sel Selection,
	tags []string) (int, error) {

	return s.changeTags(ctx, sel, tags, func(where string) string {
		return `INSERT OR IGNORE INTO contact_tags (contact_id, tag)
			SELECT c.id, ? FROM contacts c ` + where
	})
}

// RemoveTags removes tags from every selected contact and returns how
// many contacts were selected.
func (s *Store) RemoveTags(ctx context.Context, sel Selection,
	tags []string) (int, error) {

	return s.changeTags(ctx, sel, tags, func(where string) string {
		return `DELETE FROM contact_tags WHERE tag = ? AND contact_id IN
			(SELECT c.id FROM contacts c ` + where + `)`
	})
}

// changeTags runs one statement per tag over the selection, all in one
// transaction. stmt builds the statement around the selection's WHERE
// clause; its first argument is the tag.
func (s *Store) changeTags(ctx context.Context, sel Selection,
	tags []string, stmt func(where string) string) (int, error) {

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("change tags: %w", err)
	}
	defer tx.Rollback()

	where, args := sel.where()
	query := stmt(where)
	for _, t := range tags {
		if t = strings.TrimSpace(t); t == "" {
			continue
		}
		all := append([]any{t}, args...)
		if _, err := tx.ExecContext(ctx, query, all...); err != nil {
			return 0, fmt.Errorf("change tags: %w", err)
		}
	}

	var n int
	err = tx.QueryRowContext(ctx, "SELECT count(*) FROM contacts c "+where,
		args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("change tags: %w", err)
	}
	return n, tx.Commit()
}
