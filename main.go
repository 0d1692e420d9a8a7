// Command nurture is a desktop app that sends SMS nurture campaigns
// through the user's own Twilio account.
//
// Plain "nurture" opens the window; "nurture help" lists the commands
// that run without one.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"

	fyneapp "fyne.io/fyne/v2/app"

	"github.com/nurturesms/nurture/app"
	"github.com/nurturesms/nurture/assets"
	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/campaign/contactcsv"
	"github.com/nurturesms/nurture/data"
	"github.com/nurturesms/nurture/twilioclient/twiliotest"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// appID identifies Nurture to the desktop and to Fyne's preferences.
const appID = "com.nurturesms.nurture"

// crashFileName holds the output of a crash, in the data folder.
const crashFileName = "crash.log"

const usage = `Nurture sends SMS nurture campaigns through your Twilio account.

Usage:
  nurture [--data-dir DIR]                 open the Nurture window
  nurture version                          print the version
  nurture help                             show this help
  nurture simulator [--addr HOST:PORT]     run the Twilio simulator
  nurture contacts import FILE [--country CC] [--tag TAG] [--rejects OUT]
                                           import contacts from a CSV file
  nurture campaign export NAME             write a campaign as JSON to stdout
  nurture campaign import FILE             read a campaign from a JSON file

Global options:
  --data-dir DIR   the data folder (default: $NURTURE_DATA_DIR, else
                   the per-user configuration folder's "Nurture")

Environment:
  NURTURE_DEBUG=1      also log to stderr
  NURTURE_TWILIO_URL   send every Twilio request to this base URL
  TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_MESSAGING_SERVICE_SID
                       Twilio credentials that override the keychain
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run parses the command line and does what it asks, returning the
// process's exit code.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nurture", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	dataDir := fs.String("data-dir", "", "the data folder")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}

	rest := fs.Args()
	cmd := ""
	if len(rest) > 0 {
		cmd, rest = rest[0], rest[1:]
	}

	var err error
	switch cmd {
	case "", "run":
		err = cmdWindow(*dataDir)
	case "version":
		fmt.Fprintln(stdout, "nurture", version)
	case "help":
		fmt.Fprint(stdout, usage)
	case "simulator":
		ctx, stop := signal.NotifyContext(context.Background(),
			os.Interrupt, syscall.SIGTERM)
		err = twiliotest.Command(ctx, rest, stdout)
		stop()
	case "campaign":
		err = cmdCampaign(*dataDir, rest, stdout)
	case "contacts":
		err = cmdContactsImport(*dataDir, rest, stdout, stderr)
	default:
		fmt.Fprintf(stderr, "nurture: unknown command %q\n\n%s", cmd, usage)
		return 2
	}

	if err != nil {
		fmt.Fprintln(stderr, "nurture:", campaign.ErrorMessage(err))
		return 1
	}
	return 0
}

// env is what every command shares: the data folder, its log and,
// once opened, its store.
type env struct {
	dir   string
	log   *slog.Logger
	close func()
}

// setup prepares the data folder and the logger.
func setup(dataDir string) (*env, error) {
	dir := dataDir
	if dir == "" {
		d, err := data.DefaultDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	if err := data.PrepareDir(dir); err != nil {
		return nil, campaign.Errorf(campaign.EINVALID,
			"Nurture cannot use the data folder %s: %v. "+
				"Choose another with --data-dir.", dir, err)
	}

	logFile, err := data.OpenLog(dir)
	if err != nil {
		return nil, campaign.Errorf(campaign.EINVALID,
			"Nurture cannot write its log in %s: %v.", dir, err)
	}
	var w io.Writer = logFile
	if os.Getenv("NURTURE_DEBUG") == "1" {
		w = io.MultiWriter(logFile, os.Stderr)
	}
	logger := slog.New(slog.NewTextHandler(w,
		&slog.HandlerOptions{Level: slog.LevelInfo}))

	return &env{dir: dir, log: logger, close: func() { logFile.Close() }}, nil
}

// openStore opens the database in the data folder.
func (e *env) openStore() (*data.Store, error) {
	store, err := data.Open(filepath.Join(e.dir, data.FileName))
	if err != nil {
		e.log.Error("open store", "err", err)
		return nil, err
	}
	return store, nil
}

// cmdWindow opens the main window and runs until the user quits.
func cmdWindow(dataDir string) error {
	e, err := setup(dataDir)
	if err != nil {
		return err
	}
	defer e.close()

	notice := watchCrashes(e)
	e.log.Info("start", "version", version)

	fa := fyneapp.NewWithID(appID)
	fa.SetIcon(assets.Icon)

	store, err := e.openStore()
	if err != nil {
		app.ShowFatal(fa, campaign.ErrorMessage(err))
		return err
	}
	defer store.Close()

	ui := app.New(app.Options{
		FyneApp: fa,
		Store:   store,
		Log:     e.log,
		Version: version,
		Notice:  notice,
	})
	ui.ShowAndRun()
	e.log.Info("quit")
	return nil
}

// watchCrashes sends the output of any crash from now on to crash.log
// in the data folder, and returns a notice for the user when the last
// run crashed. Crash output holds stack traces, never secrets: no code
// path panics with a credential in hand.
func watchCrashes(e *env) string {
	path := filepath.Join(e.dir, crashFileName)

	notice := ""
	if last, err := os.ReadFile(path); err == nil && len(last) > 0 {
		e.log.Error("previous run crashed", "report", path)
		_ = os.Rename(path, path+".old")
		notice = "Nurture stopped unexpectedly last time. Nothing you " +
			"saved was lost. The technical report is in " + path +
			".old, in case it happens again and someone asks for it."
	}

	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		e.log.Warn("crash log", "err", err)
		return notice
	}
	if err := debug.SetCrashOutput(f, debug.CrashOptions{}); err != nil {
		e.log.Warn("crash log", "err", err)
	}
	f.Close()
	return notice
}

// cmdContactsImport runs "contacts import FILE [--country CC] [--tag
// TAG] [--rejects OUT]": it imports a CSV file as the import dialog
// does, prints the summary, and fails when the file cannot be read or
// the import stops. Ctrl+C cancels; the batches saved so far stay.
func cmdContactsImport(dataDir string, args []string,
	stdout, stderr io.Writer) error {

	fs := flag.NewFlagSet("contacts import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	country := fs.String("country", "", "ISO code for numbers without "+
		"a country code (default: the setting, else US)")
	tag := fs.String("tag", "", "tags to add to every contact, "+
		"comma-separated")
	rejects := fs.String("rejects", "", "write rejected rows with "+
		"their reasons to this CSV file")
	const use = "Usage: nurture contacts import FILE [--country CC] " +
		"[--tag TAG] [--rejects OUT]"
	if len(args) == 0 || args[0] != "import" {
		return campaign.Errorf(campaign.EINVALID, "%s", use)
	}
	var files []string
	for rest := args[1:]; len(rest) > 0; rest = fs.Args()[1:] {
		if err := fs.Parse(rest); err != nil {
			return campaign.Errorf(campaign.EINVALID, "%s", use)
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
	}
	if len(files) != 1 {
		return campaign.Errorf(campaign.EINVALID, "%s", use)
	}

	in, err := os.Open(files[0])
	if err != nil {
		return campaign.Errorf(campaign.EINVALID,
			"Cannot open %s: %v.", files[0], errors.Unwrap(err))
	}
	defer in.Close()
	if info, err := in.Stat(); err == nil && info.IsDir() {
		return campaign.Errorf(campaign.EINVALID, "%s is a folder. Give "+
			"the path of the CSV file to import.", files[0])
	}

	o := contactcsv.Options{Country: strings.ToUpper(*country),
		Tags: contactcsv.SplitTags(*tag), Source: filepath.Base(files[0])}
	if *rejects != "" {
		out, err := os.Create(*rejects)
		if err != nil {
			return campaign.Errorf(campaign.EINVALID,
				"Cannot write %s: %v.", *rejects, errors.Unwrap(err))
		}
		defer out.Close()
		o.Rejects = out
	}

	return withStore(dataDir, func(e *env, store *data.Store) error {
		return importContacts(e, store, in, o, stdout)
	})
}

// importContacts reads in into the store and prints the summary. The
// country defaults to the one in Settings. Ctrl+C cancels; the batches
// saved so far stay.
func importContacts(e *env, store *data.Store, in io.Reader,
	o contactcsv.Options, stdout io.Writer) error {

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if o.Country == "" {
		o.Country, _ = store.Setting(ctx, "default_country")
	}
	if o.Country == "" {
		o.Country = "US"
	}

	sum, err := contactcsv.Import(ctx, in, store, o)
	if errors.Is(err, contactcsv.ErrNoPhone) {
		// The window lets the user pick the column; here the header
		// has to name it.
		return campaign.Errorf(campaign.EINVALID, "No column of the "+
			"file is headed as phone numbers. Head that column Phone "+
			"(or Mobile, Cell), or import the file in the Nurture "+
			"window, where you can choose the column.")
	}
	e.log.Info("contacts imported", "imported", sum.Imported,
		"updated", sum.Updated, "rejected", sum.Rejected, "err", err != nil)
	var se *contactcsv.StoppedError
	if errors.As(err, &se) {
		fmt.Fprintln(stdout, sum)
		return campaign.Errorf(campaign.EINVALID, "%s", se.Error())
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, sum)
	return nil
}

// campaignUsage explains the campaign subcommands.
const campaignUsage = "Use \"nurture campaign export NAME > file.json\" or " +
	"\"nurture campaign import FILE\"."

// cmdCampaign runs "nurture campaign export|import ...".
func cmdCampaign(dataDir string, args []string, stdout io.Writer) error {
	if len(args) != 2 {
		return campaign.Errorf(campaign.EINVALID, "%s", campaignUsage)
	}
	switch args[0] {
	case "export":
		return cmdCampaignExport(dataDir, args[1], stdout)
	case "import":
		return cmdCampaignImport(dataDir, args[1], stdout)
	}
	return campaign.Errorf(campaign.EINVALID, "Unknown campaign command %q. %s",
		args[0], campaignUsage)
}

// cmdCampaignExport writes the named campaign's JSON document to stdout.
func cmdCampaignExport(dataDir, name string, stdout io.Writer) error {
	return withStore(dataDir, func(e *env, store *data.Store) error {
		ctx := context.Background()
		c, err := store.CampaignByName(ctx, name)
		if err != nil {
			return err
		}
		doc, err := store.ExportCampaign(ctx, c.ID)
		if err != nil {
			return err
		}
		if _, err := stdout.Write(doc); err != nil {
			return fmt.Errorf("write campaign: %w", err)
		}
		e.log.Info("campaign exported", "campaign", c.ID)
		return nil
	})
}

// withStore opens the data folder and its store, runs fn, and closes
// them again.
func withStore(dataDir string, fn func(e *env, store *data.Store) error) error {
	e, err := setup(dataDir)
	if err != nil {
		return err
	}
	defer e.close()
	store, err := e.openStore()
	if err != nil {
		return err
	}
	defer store.Close()
	return fn(e, store)
}

// cmdCampaignImport reads a campaign document from a file and saves it
// as a new draft campaign.
func cmdCampaignImport(dataDir, path string, stdout io.Writer) error {
	doc, err := readCampaignFile(path)
	if err != nil {
		return err
	}

	return withStore(dataDir, func(e *env, store *data.Store) error {
		c, err := store.ImportCampaign(context.Background(), doc)
		if err != nil {
			return err
		}
		e.log.Info("campaign imported", "campaign", c.ID)
		fmt.Fprintf(stdout, "Imported %q as a draft campaign.\n", c.Name)
		return nil
	})
}

// readCampaignFile reads a campaign document, refusing huge files.
func readCampaignFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, campaign.Errorf(campaign.EINVALID,
			"Nurture cannot open %s: %v. Check the file's name.", path, err)
	}
	defer f.Close()

	doc, err := io.ReadAll(io.LimitReader(f, campaign.MaxDocumentBytes+1))
	if err != nil {
		return nil, campaign.Errorf(campaign.EINVALID,
			"Nurture cannot read %s: %v.", path, err)
	}
	return doc, nil
}
