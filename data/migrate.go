package data

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// migrationFiles are the schema changes, applied in the order of the
// number that starts each file name. A released file is never edited:
// a change to the schema is a new file.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded migrations in order.
func migrations() []migration {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		panic(err) // embedded at build time: cannot fail
	}

	var list []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			panic("migration without a number: " + e.Name())
		}
		body, err := fs.ReadFile(migrationFiles, "migrations/"+e.Name())
		if err != nil {
			panic(err)
		}
		list = append(list, migration{v, e.Name(), string(body)})
	}
	sort.Slice(list, func(i, j int) bool {
		return list[i].version < list[j].version
	})
	return list
}

// latestVersion is the schema version this build brings a database to.
func latestVersion() int {
	list := migrations()
	return list[len(list)-1].version
}

// migrate applies every migration newer than version in one
// transaction, so a failure leaves the file as it was.
func (s *Store) migrate(ctx context.Context, version int) error {
	var pending []migration
	for _, m := range migrations() {
		if m.version > version {
			pending = append(pending, m)
		}
	}
	if len(pending) == 0 {
		return nil
	}

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()

	for _, m := range pending {
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migrate %s: %w", m.name, err)
		}
	}

	// user_version lives in the file header and commits with the rest.
	last := pending[len(pending)-1].version
	stmt := fmt.Sprintf("PRAGMA user_version = %d", last)
	if _, err := tx.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("migrate: record version: %w", err)
	}
	return tx.Commit()
}

// SchemaVersion returns the database's schema version.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}
