package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/campaign/contactcsv"
)

// importRun is one pass over the file: the check before writing, or
// the import itself.
type importRun struct {
	cancel   context.CancelFunc
	progress *widget.ProgressBar
	status   *widget.Label
	// rejects is a temporary file of rejected rows, removed when the
	// dialog closes.
	rejects string
	sum     contactcsv.Summary
	err     error
}

// dryRun stores nothing: it says how many contacts of each batch are
// new and how many already exist, for the summary before writing.
type dryRun struct{ s *contactsScreen }

func (r dryRun) ImportContacts(ctx context.Context,
	batch []campaign.ContactImport) (campaign.ImportCounts, error) {

	phones := make([]string, len(batch))
	for i, ci := range batch {
		phones[i] = ci.Contact.Phone
	}
	n, err := r.s.a.store.CountPhones(ctx, phones)
	if err != nil {
		return campaign.ImportCounts{}, err
	}
	return campaign.ImportCounts{Inserted: len(batch) - n, Updated: n}, nil
}

// check reads the whole file without writing, then shows the summary.
func (d *importDialog) check() {
	if err := d.mapping().Check(); err != nil {
		dialog.ShowError(errors.New(campaign.ErrorMessage(err)),
			d.s.a.win)
		return
	}
	d.start("check", "Checking every row of the file…", dryRun{d.s},
		nil, d.showSummary)
}

// start runs the importer in the background with a progress bar and a
// Cancel button, then calls done on the UI goroutine.
func (d *importDialog) start(step, title string,
	sink campaign.ContactImporter, rejects *os.File, done func()) {

	ctx, cancel := context.WithCancel(d.s.a.ctx)
	r := &importRun{cancel: cancel, progress: widget.NewProgressBar(),
		status: widget.NewLabel("")}
	if rejects != nil {
		r.rejects = rejects.Name()
	}
	d.run = r
	stop := widget.NewButton("Cancel", cancel)
	d.setBody(step, container.NewVBox(boldLabel(title), r.progress,
		r.status, container.NewHBox(stop)))

	o := d.options()
	if rejects != nil {
		o.Rejects = rejects
	}
	o.Progress = func(p contactcsv.Progress) {
		d.s.do(func() { d.showProgress(r, p) })
	}
	d.s.background("importing contacts", func() {
		defer cancel()
		rc, err := d.open()
		if err == nil {
			r.sum, err = contactcsv.Import(ctx, rc, sink, o)
			rc.Close()
		}
		if rejects != nil {
			rejects.Close()
		}
		r.err = err
		d.s.do(done)
	})
}

func (d *importDialog) showProgress(r *importRun, p contactcsv.Progress) {
	if d.size > 0 {
		r.progress.SetValue(float64(p.BytesRead) / float64(d.size))
	}
	done := p.String()
	if d.step == "check" { // nothing is saved while checking
		done = fmt.Sprintf("%s new, %s already in Nurture, %s rejected",
			contactcsv.Thousands(p.Imported), contactcsv.Thousands(p.Updated),
			contactcsv.Thousands(p.Rejected+p.Duplicates))
	}
	r.status.SetText(fmt.Sprintf("%s rows read: %s", contactcsv.Thousands(
		p.Rows), done))
}

// showSummary says what the import will do, before anything is saved.
func (d *importDialog) showSummary() {
	r := d.run
	if errors.Is(r.err, context.Canceled) {
		d.showMapping()
		return
	}
	var se *contactcsv.StoppedError
	if errors.As(r.err, &se) {
		d.showFailure(se.Err) // nothing was saved in a check
		return
	}
	if r.err != nil {
		d.showFailure(r.err)
		return
	}
	p := r.sum.Progress
	text := fmt.Sprintf("The file has %s. Importing it will add %s and "+
		"update %s already in Nurture. %s will be rejected and %s "+
		"skipped; you can save them, with the reasons, afterwards. "+
		"Nothing has been saved yet.", countOf(p.Rows, "row"),
		countOf(p.Imported, "new contact"), countOf(p.Updated, "contact"),
		countOf(p.Rejected, "row"), countOf(p.Duplicates, "duplicate row"))
	switch {
	case p.NotMobile == 1:
		text += " 1 number is not a mobile: it is imported and flagged."
	case p.NotMobile > 1:
		text += fmt.Sprintf(" %s numbers are not mobiles: they are "+
			"imported and flagged.", contactcsv.Thousands(p.NotMobile))
	}
	summary := widget.NewLabel(text)
	summary.Wrapping = fyne.TextWrapWord

	back := widget.NewButton("Back", d.showMapping)
	cancel := widget.NewButton("Cancel", d.dlg.Hide)
	run := widget.NewButton("Import", d.runImport)
	run.Importance = widget.HighImportance
	d.setBody("summary", container.NewBorder(container.NewVBox(
		boldLabel("Ready to import"), summary),
		container.NewHBox(back, cancel, run), nil, nil,
		rejectList(r.sum, "These rows will not be imported:")))
}

// rejectList shows why rows were rejected, one line each, so the user
// sees what to fix without saving the file first.
func rejectList(sum contactcsv.Summary, title string) fyne.CanvasObject {
	reasons := sum.FirstRejects
	if len(reasons) == 0 {
		return container.NewVBox()
	}
	total := sum.Rejected + sum.Duplicates
	if total > len(reasons) {
		title = fmt.Sprintf("%s (the first %s of %s)",
			strings.TrimSuffix(title, ":"), contactcsv.Thousands(
				len(reasons)), contactcsv.Thousands(total))
	}
	list := widget.NewList(func() int { return len(reasons) },
		func() fyne.CanvasObject { return truncLabel("reason") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(reasons[i])
		})
	return container.NewBorder(boldLabel(title), nil, nil, nil, list)
}

// runImport saves the contacts, writing rejected rows aside.
func (d *importDialog) runImport() {
	f, err := os.CreateTemp("", "nurture-rejected-*.csv")
	if err != nil {
		d.s.showError(fmt.Errorf("import contacts: %w", err))
		return
	}
	d.start("run", "Importing contacts…", d.s.a.store, f, d.showResult)
}

// showResult says what the import did and offers the rejected rows.
func (d *importDialog) showResult() {
	r := d.run
	var se *contactcsv.StoppedError
	if r.err != nil && !errors.As(r.err, &se) {
		d.showFailure(r.err)
		return
	}
	d.s.a.log.Info("contacts: import finished", "imported",
		r.sum.Imported, "updated", r.sum.Updated, "rejected",
		r.sum.Rejected, "stopped", r.err != nil)

	items := []fyne.CanvasObject{boldLabel(r.sum.String())}
	if se != nil {
		if !errors.Is(se, context.Canceled) {
			d.s.a.log.Error("contacts: import stopped", "err", se.Err)
		}
		l := widget.NewLabel(se.Error())
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.WarningImportance
		items = append(items, l)
	}

	closeBtn := widget.NewButton("Close", d.close)
	buttons := container.NewHBox(closeBtn)
	if r.sum.Rejected+r.sum.Duplicates > 0 {
		buttons.Add(widget.NewButton("Save rejected rows…", d.saveRejects))
	}
	d.setBody("done", container.NewBorder(container.NewVBox(items...),
		buttons, nil, nil, rejectList(r.sum, "Rows not imported:")))
	d.s.reload()
}

// showFailure explains a file that could not be read at all.
func (d *importDialog) showFailure(err error) {
	d.s.a.log.Warn("contacts: import failed", "code",
		campaign.ErrorCode(err))
	l := widget.NewLabel(campaign.ErrorMessage(err))
	l.Wrapping = fyne.TextWrapWord
	back := widget.NewButton("Back", d.showMapping)
	d.setBody("failed", container.NewVBox(boldLabel("Nothing was imported"),
		l, container.NewHBox(back, widget.NewButton("Close", d.close))))
}

// saveRejects asks where to save the rejected rows.
func (d *importDialog) saveRejects() {
	d.s.saveAs("rejected-"+d.uri.Name(), d.copyRejects)
}

// copyRejects writes the rejected rows, with their reasons, to w.
func (d *importDialog) copyRejects(w io.Writer) (string, error) {
	f, err := os.Open(d.run.rejects)
	if err != nil {
		return "", fmt.Errorf("save rejected rows: %w", err)
	}
	defer f.Close()
	if _, err := io.Copy(w, f); err != nil {
		return "", fmt.Errorf("save rejected rows: %w", err)
	}
	return "Saved the rejected rows, each with the reason in the last " +
		"column. Fix them and import that file again.", nil
}

// close hides the dialog and removes the temporary file.
func (d *importDialog) close() {
	if d.run != nil && d.run.rejects != "" {
		os.Remove(d.run.rejects)
	}
	d.dlg.Hide()
}
