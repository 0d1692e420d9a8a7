// Package data keeps Nurture's state in one SQLite file and implements
// the store interfaces that package campaign declares.
//
// Times are stored as TEXT in RFC 3339 form, UTC, with nanoseconds, so
// that they sort as strings. Custom fields and campaign graphs are JSON.
package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/nurturesms/nurture/campaign"
)

// FileName is the name of the database file inside the data folder.
const FileName = "nurture.db"

// Store is an open Nurture database.
type Store struct {
	db   *sql.DB
	path string
}

// Open opens the database at path, creating it (mode 0600) when it does
// not exist, and brings its schema up to date. A file that is not a
// Nurture database, or one made by a newer Nurture, is refused and left
// untouched.
func Open(path string) (*Store, error) {
	if err := checkFile(path); err != nil {
		return nil, err
	}

	dsn := "file:" + path + "?_foreign_keys=on&_busy_timeout=5000" +
		"&_txlock=immediate&_synchronous=NORMAL"
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}

	s := &Store{db: db, path: path}
	if err := s.setup(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// setup reads the schema version before anything writes to the file,
// then turns on WAL and applies the migrations this build knows.
func (s *Store) setup() error {
	ctx := context.Background()

	var version int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version)
	if err != nil {
		return unreadable(s.path, err)
	}
	if newest := latestVersion(); version > newest {
		return campaign.Errorf(campaign.EINVALID,
			"%s was made by a newer version of Nurture (schema %d; this "+
				"version knows up to %d). Install the newer Nurture to open "+
				"it. The file has not been changed.", s.path, version, newest)
	}

	var mode string
	err = s.db.QueryRowContext(ctx, "PRAGMA journal_mode=WAL").Scan(&mode)
	if err != nil {
		return unreadable(s.path, err)
	}

	return s.migrate(ctx, version)
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// DB returns the underlying handle, for tests and benchmarks in other
// packages that need to inspect rows directly.
func (s *Store) DB() *sql.DB { return s.db }

// sqliteHeader starts every SQLite 3 database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// checkFile makes sure path is either missing (and then creates it with
// mode 0600 in a 0700 folder) or starts like a SQLite database.
func checkFile(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return campaign.Errorf(campaign.EINVALID,
			"Nurture cannot create its data folder %s: %v. Choose another "+
				"folder with --data-dir.", filepath.Dir(path), err)
	}

	f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o600)
	if err != nil {
		return campaign.Errorf(campaign.EINVALID,
			"Nurture cannot open %s: %v. Check the file's permissions.",
			path, err)
	}
	defer f.Close()

	// People's phone numbers live here: keep the file private even if
	// something loosened it.
	if info, err := f.Stat(); err == nil && info.Mode().Perm()&0o077 != 0 {
		_ = os.Chmod(path, 0o600)
	}

	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && (err == io.EOF || err == nil):
		return nil // a new, empty file
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF):
		return unreadable(path, err)
	case !bytes.Equal(head[:n], sqliteHeader):
		return unreadable(path, errors.New("not a SQLite database"))
	}
	return nil
}

// unreadable explains a database file that SQLite cannot use.
func unreadable(path string, err error) error {
	var se sqlite3.Error
	detail := err.Error()
	if errors.As(err, &se) {
		detail = se.Code.Error()
	}
	return &campaign.Error{
		Code: campaign.EINVALID,
		Message: fmt.Sprintf("Nurture cannot read its database %s (%s). "+
			"The file has not been changed. Restore it from a backup, or "+
			"move it aside to start with an empty database.", path, detail),
	}
}

// now is the store's idea of the current time, in the stored form.
func formatTime(t time.Time) string {
	return t.UTC().Format(time.RFC3339Nano)
}

// parseTime reads a time written by formatTime.
func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}
