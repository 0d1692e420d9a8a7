package data

import (
	"fmt"
	"os"
	"path/filepath"
)

// DirEnv names the environment variable that moves the data folder.
const DirEnv = "NURTURE_DATA_DIR"

// DefaultDir returns the data folder: $NURTURE_DATA_DIR when set, else
// "Nurture" in the user's configuration folder (~/.config/Nurture on
// Linux, %AppData%\Nurture on Windows, ~/Library/Application
// Support/Nurture on macOS).
func DefaultDir() (string, error) {
	if dir := os.Getenv(DirEnv); dir != "" {
		return dir, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the data folder: %w; "+
			"set %s or pass --data-dir", err, DirEnv)
	}
	return filepath.Join(base, "Nurture"), nil
}

// PrepareDir creates the data folder with mode 0700, or tightens an
// existing one to it: the folder holds people's phone numbers.
func PrepareDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create data folder: %w", err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		return fmt.Errorf("protect data folder: %w", err)
	}
	return nil
}
