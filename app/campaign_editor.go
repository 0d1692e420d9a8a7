package app

import (
	"errors"
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/app/flow"
	"github.com/nurturesms/nurture/campaign"
)

// autosaveDelay is how long the editor waits after the last change
// before it saves by itself.
const autosaveDelay = 3 * time.Second

// campaignEditor is the screen that edits one campaign on the canvas: a
// toolbar, the canvas with its palette, the selected Node's settings and
// the list of problems.
type campaignEditor struct {
	a       *App
	c       campaign.Campaign
	onClose func()

	canvas   *flow.Canvas
	book     messageBook
	problems []campaign.Problem

	dirty  bool
	closed bool
	// gen counts changes, so that an autosave timer can tell whether
	// another change came after the one that started it.
	gen   int
	delay time.Duration
	// editing is set while a settings field changes the graph, so that
	// the panel is not rebuilt under the user's cursor.
	editing bool
	keys    bool

	title, status, zoom *widget.Label
	undo, redo, save    *widget.Button
	arrangeBtn          *widget.Button
	stateBtn            *widget.Button
	lockNote            *fyne.Container
	panel               *fyne.Container
	probTitle           *widget.Label
	probList            *problemList
	obj                 fyne.CanvasObject
}

// newCampaignEditor returns the editor for c. onClose runs when the user
// goes back to the list, after any unsaved change is saved.
func newCampaignEditor(a *App, c campaign.Campaign,
	onClose func()) *campaignEditor {

	if len(c.Graph.Nodes) == 0 {
		c.Graph = campaign.NewGraph()
	}
	e := &campaignEditor{a: a, c: c, onClose: onClose, delay: autosaveDelay}
	e.canvas = flow.NewCanvas(c.Graph)
	e.canvas.OnChange = e.changed
	e.canvas.OnZoom = func() {
		if e.zoom != nil {
			e.zoom.SetText(e.canvas.Zoom())
		}
	}
	e.canvas.OnSelect = e.showSettings
	e.canvas.OnError = e.showError
	e.canvas.Model().ReadOnly = c.State == campaign.Running
	return e
}

// view builds the screen once and returns it.
func (e *campaignEditor) view() fyne.CanvasObject {
	if e.obj != nil {
		return e.obj
	}
	e.panel = container.NewVBox()
	e.lockNote = container.NewVBox()
	right := container.NewBorder(flow.NewPalette(e.canvas), nil, nil, nil,
		container.NewVScroll(e.panel))

	main := container.NewVSplit(e.canvas, e.problemsView())
	main.Offset = 0.78
	// A clear rectangle holds the right column at a readable width.
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(290, 0))
	body := container.NewBorder(nil, nil, nil,
		container.NewStack(width, right), main)

	e.obj = container.NewBorder(
		container.NewVBox(e.toolbar(), e.lockNote), nil, nil, nil, body)
	e.validate()
	e.updateState()
	e.showSettings()
	e.shown()
	return e.obj
}

// toolbar is the row of commands above the canvas.
func (e *campaignEditor) toolbar() fyne.CanvasObject {
	back := widget.NewButtonWithIcon("Campaigns", theme.NavigateBackIcon(),
		func() { e.confirmLeave(e.close) })
	e.title = widget.NewLabelWithStyle(e.c.Name, fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true})

	e.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(),
		func() { e.saveNow() })
	e.undo = widget.NewButtonWithIcon("", theme.ContentUndoIcon(), e.doUndo)
	e.redo = widget.NewButtonWithIcon("", theme.ContentRedoIcon(), e.doRedo)
	e.zoom = widget.NewLabelWithStyle("100%", fyne.TextAlignCenter,
		fyne.TextStyle{})
	// Hold the zoom label at the width of its widest text, so that the
	// buttons beside it stay put as the zoom changes.
	zoomWidth := canvas.NewRectangle(color.Transparent)
	zoomWidth.SetMinSize(fyne.NewSize(
		widget.NewLabel("250%").MinSize().Width, 0))
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(),
		e.canvas.ZoomOut)
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(),
		e.canvas.ZoomIn)
	fit := widget.NewButtonWithIcon("Fit", theme.ZoomFitIcon(),
		e.canvas.Fit)
	e.arrangeBtn = widget.NewButtonWithIcon("Arrange", theme.GridIcon(),
		e.arrange)
	band := widget.NewCheck("Box select", func(on bool) {
		e.canvas.BandSelect = on
	})
	e.stateBtn = widget.NewButton("", e.toggleState)

	// The name shortens with an ellipsis rather than widen the window
	// when space runs out.
	e.title.Truncation = fyne.TextTruncateEllipsis
	commands := container.NewHBox(e.undo, e.redo, e.save,
		widget.NewSeparator(), zoomOut, container.NewStack(zoomWidth, e.zoom),
		zoomIn, fit, e.arrangeBtn, band,
		widget.NewSeparator(), e.stateBtn)
	return container.NewBorder(nil, nil, back, commands, e.title)
}

// changed runs after every change to the graph: it validates, marks the
// campaign unsaved and starts the autosave timer.
func (e *campaignEditor) changed() {
	e.dirty = true
	e.gen++
	e.validate()
	e.updateButtons()
	e.status.SetText("Unsaved changes")
	if !e.editing {
		e.showSettings()
	}
	e.scheduleAutosave()
}

// validate checks the graph and shows its problems on the cards and in
// the list.
func (e *campaignEditor) validate() {
	e.problems = campaign.Validate(e.canvas.Model().Graph(), e.book.info)
	e.canvas.SetProblems(e.problems)
	e.refreshProblems()
}

func (e *campaignEditor) doUndo() {
	e.canvas.Model().Undo()
	e.updateButtons()
}

func (e *campaignEditor) doRedo() {
	e.canvas.Model().Redo()
	e.updateButtons()
}

// arrange lays the graph out top to bottom and fits it in view.
func (e *campaignEditor) arrange() {
	err := e.canvas.Model().Change("", func(g *campaign.Graph) error {
		campaign.Layout(g)
		return nil
	})
	if err != nil {
		e.showError(err)
		return
	}
	e.canvas.Fit()
}

func (e *campaignEditor) updateButtons() {
	if e.undo == nil {
		return
	}
	m := e.canvas.Model()
	enable(e.undo, m.CanUndo())
	enable(e.redo, m.CanRedo())
	enable(e.save, !m.ReadOnly)
	enable(e.arrangeBtn, !m.ReadOnly)
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// saveNow writes the campaign to the store and reports whether it did.
// Contacts whose step was deleted from a paused campaign move on, and
// the user is told where they went.
func (e *campaignEditor) saveNow() bool {
	if e.canvas.Model().ReadOnly {
		return true
	}
	c := e.c
	c.Graph = e.canvas.Model().Graph()
	saved, moves, err := e.a.store.SaveCampaignMoves(e.a.ctx, c)
	if err != nil {
		e.a.log.Error("campaign editor: save", "campaign", c.ID, "err", err)
		e.showError(fmt.Errorf("save campaign: %w", err))
		return false
	}
	e.c = saved
	e.dirty = false
	e.status.SetText("Saved at " + e.a.clock.Now().Format("15:04"))
	if len(moves) > 0 {
		dialog.ShowInformation("Contacts moved on", e.movesText(c.Graph, moves),
			e.a.win)
	}
	return true
}

// scheduleAutosave saves a while after the last change, unless another
// change or a save comes first.
func (e *campaignEditor) scheduleAutosave() {
	gen := e.gen
	after := e.a.clock.After(e.delay)
	e.a.goSafe("autosave", func() {
		select {
		case <-after:
		case <-e.a.ctx.Done():
			return
		}
		e.a.do(func() {
			if gen == e.gen && e.dirty && !e.closed {
				e.saveNow()
			}
		})
	})
}

// confirmLeave saves unsaved changes and then proceeds. If saving fails
// it asks whether to leave without them.
func (e *campaignEditor) confirmLeave(proceed func()) {
	if !e.dirty || e.saveNow() {
		proceed()
		return
	}
	dialog.ShowConfirm("Leave without saving?",
		"Your latest changes to this campaign could not be saved. "+
			"Leave anyway and lose them?", func(ok bool) {
			if ok {
				proceed()
			}
		}, e.a.win)
}

// close leaves the editor for the campaign list.
func (e *campaignEditor) close() {
	e.closed = true
	e.hidden()
	if e.onClose != nil {
		e.onClose()
	}
}

// showError shows err in plain language.
func (e *campaignEditor) showError(err error) {
	dialog.ShowError(errors.New(campaign.ErrorMessage(err)), e.a.win)
}
