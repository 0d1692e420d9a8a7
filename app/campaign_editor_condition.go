package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/nurturesms/nurture/app/flow"
	"github.com/nurturesms/nurture/campaign"
)

// conditionFields are the built-in contact fields a condition offers
// when the custom fields of contacts are not known; the user may type
// the name of any field instead.
var conditionFields = []string{campaign.FieldFirstName,
	campaign.FieldLastName, campaign.FieldEmail, campaign.FieldPhone}

// fieldChoices returns the contact fields a condition offers: the
// built-in ones, then every custom field some contact has.
func (e *campaignEditor) fieldChoices() []string {
	if len(e.book.fields) > 0 {
		return e.book.fields
	}
	return conditionFields
}

// conditionForm returns the fields that edit a condition of Node id:
// the contact field, the test and the value. put stores the condition
// on the Node.
func (e *campaignEditor) conditionForm(id string, cond campaign.Condition,
	put func(n *campaign.Node, c campaign.Condition)) []fyne.CanvasObject {

	set := func(key string, change func(c *campaign.Condition)) {
		change(&cond)
		c := cond
		e.edit(id, key, func(n *campaign.Node) { put(n, c) })
	}

	field := e.newSelectEntry(e.fieldChoices())
	field.SetPlaceHolder("city")
	field.SetText(cond.Field)
	field.OnChanged = func(s string) {
		set("field", func(c *campaign.Condition) { c.Field = s })
	}

	var labels []string
	for _, op := range campaign.Operators {
		labels = append(labels, flow.OperatorLabel(op))
	}
	op := widget.NewSelect(labels, nil)
	if i := slices.Index(campaign.Operators, cond.Op); i >= 0 {
		op.SetSelectedIndex(i)
	}
	op.OnChanged = func(string) {
		set("", func(c *campaign.Condition) {
			c.Op = campaign.Operators[op.SelectedIndex()]
		})
		e.showSettings()
	}

	value := e.newEntry()
	value.SetPlaceHolder(valueHint(cond.Op))
	value.SetText(cond.Value)
	value.OnChanged = func(s string) {
		set("value", func(c *campaign.Condition) { c.Value = s })
	}

	items := []fyne.CanvasObject{widget.NewLabel("Contact field"), field,
		widget.NewLabel("Test"), op}
	switch cond.Op {
	case campaign.OpEmpty:
		return items
	case campaign.OpHasTag:
		// A tag test needs no field: the value names the tag.
		items = []fyne.CanvasObject{widget.NewLabel("Test"), op}
	}
	return append(items, widget.NewLabel("Value"), value)
}

// valueHint shows the kind of value a test compares with.
func valueHint(op campaign.Operator) string {
	switch op {
	case campaign.OpGreater, campaign.OpLess:
		return "a number, such as 10"
	case campaign.OpBefore, campaign.OpAfter:
		return "a date, such as 2026-06-30"
	case campaign.OpHasTag:
		return "customer"
	}
	return "Austin"
}
