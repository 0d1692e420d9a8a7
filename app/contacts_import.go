package app

import (
	"fmt"
	"image/color"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/campaign"
	"github.com/nurturesms/nurture/campaign/contactcsv"
)

// previewRows is how many rows of the file the import dialog shows.
const previewRows = 5

// importDialog walks the user through one import: the file's first
// rows and column mapping, a check of the whole file, the import with
// progress, and the result.
type importDialog struct {
	s       *contactsScreen
	uri     fyne.URI
	size    int64 // bytes, or 0 when unknown
	preview contactcsv.Preview

	country string
	fields  []*widget.Select
	tag     *widget.Entry

	dlg  *dialog.CustomDialog
	body *fyne.Container
	// step names the step shown, for tests: "map", "check", "run",
	// "done".
	step string

	run *importRun
}

// chooseImportFile asks for a CSV file and opens the import dialog.
func (s *contactsScreen) chooseImportFile() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			s.showError(fmt.Errorf("choose file: %w", err))
			return
		}
		if rc == nil {
			return // cancelled
		}
		uri := rc.URI()
		rc.Close()
		s.startImport(uri)
	}, s.a.win)
	d.SetFilter(storage.NewExtensionFileFilter(
		[]string{".csv", ".txt", ".tsv"}))
	d.Show()
}

// startImport reads the start of the file and shows the mapping step,
// or says plainly why the file cannot be imported.
func (s *contactsScreen) startImport(uri fyne.URI) *importDialog {
	rc, err := storage.Reader(uri)
	if err != nil {
		s.showError(fmt.Errorf("open %s: %w", uri.Name(), err))
		return nil
	}
	p, err := contactcsv.ReadPreview(rc, previewRows)
	rc.Close()
	if err != nil {
		s.a.log.Warn("contacts: file refused", "code",
			campaign.ErrorCode(err))
		dialog.ShowError(fmt.Errorf("The file %s cannot be imported. %s",
			uri.Name(), campaign.ErrorMessage(err)), s.a.win)
		return nil
	}

	d := &importDialog{s: s, uri: uri, preview: p,
		country: s.a.defaultCountry()}
	if info, err := os.Stat(uri.Path()); err == nil {
		d.size = info.Size()
	}
	d.body = container.NewStack()
	d.dlg = dialog.NewCustomWithoutButtons("Import contacts from "+
		uri.Name(), d.body, s.a.win)
	d.showMapping()
	d.dlg.Resize(importDialogSize(s.a.win.Canvas().Size()))
	d.dlg.Show()
	return d
}

// importDialogSize is the import dialog's size in a window of the
// given size: most of the window, so that the column mapping has room,
// but never smaller than 760 by 560.
func importDialogSize(win fyne.Size) fyne.Size {
	return fyne.NewSize(max(760, min(win.Width-80, 1100)),
		max(560, win.Height-40))
}

// open opens the file again from the start.
func (d *importDialog) open() (io.ReadCloser, error) {
	return storage.Reader(d.uri)
}

func (d *importDialog) setBody(step string, o fyne.CanvasObject) {
	d.step = step
	d.body.Objects = []fyne.CanvasObject{o}
	d.body.Refresh()
}

// showMapping is the first step: what was detected, the first rows,
// and a field for each column.
func (d *importDialog) showMapping() {
	p := d.preview
	about := widget.NewLabel(fmt.Sprintf("%s-separated, %s, %d columns. "+
		"Nothing is saved until you press Import.",
		capitalize(contactcsv.SeparatorName(p.Separator)), p.Encoding,
		len(p.Header)))
	about.Wrapping = fyne.TextWrapWord

	if d.fields == nil {
		d.fields = make([]*widget.Select, len(p.Header))
		for i, f := range p.Mapping {
			d.fields[i] = widget.NewSelect(fieldNames(), nil)
			d.fields[i].Selected = f.String()
		}
		d.tag = widget.NewEntry()
		d.tag.SetPlaceHolder("optional, e.g. spring-fair")
	}
	grid := container.NewGridWithColumns(3,
		boldLabel("Column"), boldLabel("First row"), boldLabel("Import as"))
	for i, h := range p.Header {
		sample := ""
		if len(p.Rows) > 0 && i < len(p.Rows[0]) {
			sample = p.Rows[0][i]
		}
		grid.Add(truncLabel(h))
		grid.Add(truncLabel(sample))
		grid.Add(d.fields[i])
	}

	country := newCountrySelect(d.country,
		func(c string) { d.country = c })
	options := widget.NewForm(
		widget.NewFormItem("Numbers without a country code are from",
			country),
		widget.NewFormItem("Add this tag to every contact", d.tag))

	next := widget.NewButton("Check the file", d.check)
	next.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", d.dlg.Hide)

	// The preview is at least 150 high and as wide as the dialog.
	height := canvas.NewRectangle(color.Transparent)
	height.SetMinSize(fyne.NewSize(0, 150))
	top := container.NewVBox(about, boldLabel("First rows"),
		container.NewStack(height, d.previewTable()))
	bottom := container.NewVBox(options, container.NewHBox(cancel, next))
	d.setBody("map", container.NewBorder(top, bottom, nil, nil,
		container.NewVScroll(grid)))
}

// previewTable shows the header and first rows of the file.
func (d *importDialog) previewTable() *widget.Table {
	p := d.preview
	cols := len(p.Header)
	t := widget.NewTable(
		func() (int, int) { return len(p.Rows) + 1, cols },
		func() fyne.CanvasObject { return truncLabel("template value") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Row == 0
			if id.Row == 0 {
				l.SetText(p.Header[id.Col])
				return
			}
			row := p.Rows[id.Row-1]
			if id.Col < len(row) {
				l.SetText(row[id.Col])
			} else {
				l.SetText("")
			}
		})
	for c := 0; c < cols; c++ {
		t.SetColumnWidth(c, 140)
	}
	return t
}

// mapping reads the column choices.
func (d *importDialog) mapping() contactcsv.Mapping {
	m := make(contactcsv.Mapping, len(d.fields))
	for i, sel := range d.fields {
		m[i], _ = contactcsv.ParseField(sel.Selected)
	}
	return m
}

// options are the import options chosen in the dialog.
func (d *importDialog) options() contactcsv.Options {
	return contactcsv.Options{Country: d.country, Mapping: d.mapping(),
		Tags: contactcsv.SplitTags(d.tag.Text), Source: d.uri.Name(),
		Now: d.s.a.clock.Now()}
}

func fieldNames() []string {
	out := make([]string, len(contactcsv.Fields))
	for i, f := range contactcsv.Fields {
		out[i] = f.String()
	}
	return out
}

func boldLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true})
}

func truncLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
