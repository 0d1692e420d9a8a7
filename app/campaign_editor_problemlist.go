package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// problemList lists problems one to a row, each row as tall as its text
// wrapped at the list's width, so that no problem is cut off however
// long the names it quotes.
type problemList struct {
	widget.List
	// text returns the words of row id.
	text  func(id widget.ListItemID) string
	width float32
}

// newProblemList returns a list of length rows whose words come from
// text. update sets a row's icon and words.
func newProblemList(length func() int,
	text func(id widget.ListItemID) string,
	update func(id widget.ListItemID, icon *widget.Icon,
		label *widget.Label)) *problemList {

	l := &problemList{text: text}
	l.Length = length
	l.CreateItem = func() fyne.CanvasObject {
		label := widget.NewLabel("problem")
		label.Wrapping = fyne.TextWrapWord
		return container.NewBorder(nil, nil,
			widget.NewIcon(theme.ErrorIcon()), nil, label)
	}
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		row := o.(*fyne.Container)
		update(id, row.Objects[1].(*widget.Icon),
			row.Objects[0].(*widget.Label))
	}
	l.ExtendBaseWidget(l)
	return l
}

// Resize fits the rows to the new width.
func (l *problemList) Resize(s fyne.Size) {
	l.List.Resize(s)
	if s.Width != l.width {
		l.width = s.Width
		l.fitRows()
	}
}

// fitRows sets each row's height to that of its wrapped text.
func (l *problemList) fitRows() {
	if l.width <= 0 {
		return
	}
	// The text is as wide as the row, less the icon and the padding
	// around and between them.
	pad := theme.Padding()
	w := l.width - theme.IconInlineSize() - 4*pad
	probe := widget.NewLabel("")
	probe.Wrapping = fyne.TextWrapWord
	for id := 0; id < l.Length(); id++ {
		probe.SetText(l.text(id))
		probe.Resize(fyne.NewSize(w, probe.MinSize().Height))
		l.SetItemHeight(id, probe.MinSize().Height)
	}
}
