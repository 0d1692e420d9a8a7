package data

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// exportCols are the fixed columns of a contacts export. The columns
// read back by the importer keep names it recognises.
var exportCols = []string{"phone", "first_name", "last_name", "email",
	"tags", "opted_out", "not_mobile", "created_at", "updated_at"}

// ExportContacts writes the contacts the filter matches as CSV, one row
// at a time, with a column for each custom field in use, and returns
// how many contacts it wrote.
func (s *Store) ExportContacts(ctx context.Context, w io.Writer,
	f ContactFilter) (int, error) {

	custom, err := s.CustomFieldNames(ctx)
	if err != nil {
		return 0, fmt.Errorf("export contacts: %w", err)
	}

	where, args := f.where()
	rows, err := s.db.QueryContext(ctx, "SELECT "+contactCols+
		" FROM contacts c "+where+" ORDER BY c.sort_key, c.id", args...)
	if err != nil {
		return 0, fmt.Errorf("export contacts: %w", err)
	}
	defer rows.Close()

	cw := csv.NewWriter(w)
	if err := cw.Write(append(append([]string{}, exportCols...),
		custom...)); err != nil {
		return 0, fmt.Errorf("export contacts: %w", err)
	}

	n := 0
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return n, fmt.Errorf("export contacts: %w", err)
		}
		rec := []string{c.Phone, c.FirstName, c.LastName, c.Email,
			strings.Join(c.Tags, ", "), yesNo(c.OptedOut), yesNo(c.NotMobile),
			formatTime(c.CreatedAt), formatTime(c.UpdatedAt)}
		for _, k := range custom {
			rec = append(rec, c.Fields[k])
		}
		if err := cw.Write(rec); err != nil {
			return n, fmt.Errorf("export contacts: %w", err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return n, fmt.Errorf("export contacts: %w", err)
	}
	cw.Flush()
	return n, cw.Error()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
