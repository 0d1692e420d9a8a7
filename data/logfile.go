package data

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
)

// Log file names and limits. A log file that grows past logMaxBytes is
// moved to nurture.log.1 (and the older ones along), keeping logKeep.
const (
	LogFileName = "nurture.log"
	logMaxBytes = 5 << 20
	logKeep     = 3
)

// LogFile is a log file in the data folder that rotates by size. It is
// safe for use from many goroutines.
type LogFile struct {
	mu   sync.Mutex
	path string
	f    *os.File
	size int64
}

// OpenLog opens (or creates, mode 0600) the log file in dir.
func OpenLog(dir string) (*LogFile, error) {
	l := &LogFile{path: filepath.Join(dir, LogFileName)}
	if err := l.open(); err != nil {
		return nil, err
	}
	return l, nil
}

func (l *LogFile) open() error {
	f, err := os.OpenFile(l.path,
		os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("open log: %w", err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return fmt.Errorf("open log: %w", err)
	}
	l.f, l.size = f, info.Size()
	return nil
}

// Path returns the current log file's path.
func (l *LogFile) Path() string { return l.path }

// Write appends p, rotating first when p would take the file past its
// limit.
func (l *LogFile) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()

	if l.size+int64(len(p)) > logMaxBytes && l.size > 0 {
		if err := l.rotate(); err != nil {
			return 0, err
		}
	}
	n, err := l.f.Write(p)
	l.size += int64(n)
	return n, err
}

// rotate shifts nurture.log.N to N+1, dropping the oldest.
func (l *LogFile) rotate() error {
	l.f.Close()
	for i := logKeep - 1; i >= 1; i-- {
		from := l.path + "." + strconv.Itoa(i)
		_ = os.Rename(from, l.path+"."+strconv.Itoa(i+1))
	}
	if err := os.Rename(l.path, l.path+".1"); err != nil {
		return fmt.Errorf("rotate log: %w", err)
	}
	return l.open()
}

// Close closes the file.
func (l *LogFile) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Close()
}
