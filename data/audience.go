package data

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/nurturesms/nurture/campaign/sms"
)

// EachRecipient calls fn for every contact a message could go to: all
// contacts that have not opted out, or only those with the tag when tag
// is not "". Rows are streamed, not loaded at once. The Fields handed to
// fn are valid only during the call. An error from fn stops the walk.
func (s *Store) EachRecipient(ctx context.Context, tag string,
	fn func(id int64, f sms.Fields) error) error {

	f := recipientFilter{tag: tag}
	return s.eachRecipient(ctx, f, func(id int64, r *recipient) error {
		return fn(id, r.field)
	})
}

// recipientFilter narrows the recipients eachRecipient walks.
type recipientFilter struct {
	tag string
	// search keeps contacts whose name, email or number holds every
	// word, ignoring ASCII case.
	search string
	// id, when set, keeps that one contact.
	id int64
}

// where returns the conditions and arguments of the filter.
func (f recipientFilter) where() (string, []any) {
	q := " WHERE c.opted_out = 0"
	var args []any
	if f.tag != "" {
		q += ` AND EXISTS (SELECT 1 FROM contact_tags t
			WHERE t.contact_id = c.id AND t.tag = ?)`
		args = append(args, f.tag)
	}
	for _, w := range strings.Fields(strings.ToLower(f.search)) {
		q += ` AND instr(lower(c.first_name || ' ' || c.last_name || ' ' ||
			c.email || ' ' || c.phone), ?) > 0`
		args = append(args, w)
	}
	if f.id != 0 {
		q += " AND c.id = ?"
		args = append(args, f.id)
	}
	return q, args
}

// eachRecipient walks the rows of EachRecipient that pass the filter.
func (s *Store) eachRecipient(ctx context.Context, f recipientFilter,
	fn func(id int64, r *recipient) error) error {

	where, args := f.where()
	rows, err := s.db.QueryContext(ctx, `SELECT c.id, c.first_name,
		c.last_name, c.email, c.phone, c.fields FROM contacts c`+where+
		" ORDER BY c.id", args...)
	if err != nil {
		return fmt.Errorf("read audience: %w", err)
	}
	defer rows.Close()

	var r recipient
	for rows.Next() {
		var id int64
		err := rows.Scan(&id, &r.first, &r.last, &r.email, &r.phone,
			&r.raw)
		if err != nil {
			return fmt.Errorf("read audience: %w", err)
		}
		r.decoded = false
		if err := fn(id, &r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read audience: %w", err)
	}
	return nil
}

// recipient is one row of EachRecipient, reused from row to row. Custom
// fields are decoded only when a merge field asks for one.
type recipient struct {
	first, last, email, phone string
	raw                       []byte
	decoded                   bool
	custom                    map[string]string
	scratch                   map[string]string
}

// field returns the contact's value for a lower-case merge field name.
func (r *recipient) field(name string) string {
	switch name {
	case sms.FieldFirstName:
		return r.first
	case sms.FieldLastName:
		return r.last
	case sms.FieldEmail:
		return r.email
	case sms.FieldPhone:
		return r.phone
	}
	if !r.decoded {
		r.decode()
	}
	return r.custom[name]
}

// decode reads the custom fields, with their names in lower case. A
// damaged value reads as no fields.
func (r *recipient) decode() {
	if r.custom == nil {
		r.custom, r.scratch = map[string]string{}, map[string]string{}
	}
	clear(r.custom)
	clear(r.scratch)
	_ = json.Unmarshal(r.raw, &r.scratch)
	for k, v := range r.scratch {
		r.custom[strings.ToLower(strings.TrimSpace(k))] = v
	}
	r.decoded = true
}

// snapshot copies the row into a Recipient.
func (r *recipient) snapshot(id int64) Recipient {
	if !r.decoded {
		r.decode()
	}
	v := make(map[string]string, len(r.custom)+4)
	for k, val := range r.custom {
		v[k] = val
	}
	for _, name := range sms.BuiltinFields {
		if val := r.field(name); val != "" {
			v[name] = val
		}
	}
	name := strings.TrimSpace(r.first + " " + r.last)
	if name == "" {
		name = r.phone
	}
	return Recipient{ID: id, Name: name, Values: v}
}

// MessageAudience renders the template for every recipient (see
// EachRecipient) and sums up what the message costs across them.
func (s *Store) MessageAudience(ctx context.Context, t *sms.Template,
	opt sms.Options, tag string) (sms.Summary, error) {

	a := sms.NewAudience(t, opt)
	err := s.EachRecipient(ctx, tag, func(id int64, f sms.Fields) error {
		a.Add(id, f)
		return nil
	})
	if err != nil {
		return sms.Summary{}, err
	}
	return a.Summary(), nil
}

// MergeFieldNames returns every name a merge field may use, in lower
// case: the built-in fields, then the custom fields any contact has,
// sorted.
func (s *Store) MergeFieldNames(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT
		lower(trim(j.key)) AS k FROM contacts c, json_each(c.fields) j
		ORDER BY k`)
	if err != nil {
		return nil, fmt.Errorf("list merge fields: %w", err)
	}
	defer rows.Close()

	names := append([]string(nil), sms.BuiltinFields...)
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("list merge fields: %w", err)
		}
		if n != "" && !slices.Contains(sms.BuiltinFields, n) {
			names = append(names, n)
		}
	}
	return names, rows.Err()
}

// Recipient is one contact's merge field values, for a preview.
type Recipient struct {
	ID int64
	// Name is the contact's name, or the number when there is none.
	Name string
	// Values holds every merge field the contact has a value for, by
	// lower-case name.
	Values map[string]string
}

// SampleRecipients returns up to limit recipients (see EachRecipient)
// whose name, email or number holds every word of search, in the order
// they were added.
func (s *Store) SampleRecipients(ctx context.Context, search string,
	limit int) ([]Recipient, error) {

	return s.recipients(ctx, recipientFilter{search: search}, limit)
}

// RecipientByID returns one contact's merge field values, or false when
// there is no such contact or it has opted out.
func (s *Store) RecipientByID(ctx context.Context, id int64) (Recipient,
	bool, error) {

	list, err := s.recipients(ctx, recipientFilter{id: id}, 1)
	if err != nil || len(list) == 0 {
		return Recipient{}, false, err
	}
	return list[0], true, nil
}

// recipients returns up to limit recipients that pass the filter.
func (s *Store) recipients(ctx context.Context, f recipientFilter,
	limit int) ([]Recipient, error) {

	var list []Recipient
	errEnough := errors.New("enough")
	err := s.eachRecipient(ctx, f, func(id int64, r *recipient) error {
		if len(list) == limit {
			return errEnough
		}
		list = append(list, r.snapshot(id))
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return nil, err
	}
	return list, nil
}
