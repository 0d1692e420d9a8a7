package flow

import (
	"fmt"
	"strings"
	"time"

	"github.com/nurturesms/nurture/campaign"
)

var titles = map[campaign.NodeKind]string{
	campaign.KindStart:  "Start",
	campaign.KindSend:   "Send SMS",
	campaign.KindWait:   "Wait",
	campaign.KindBranch: "Branch",
	campaign.KindEnd:    "End",
}

// Title returns the name of a Node's kind as the canvas shows it.
func Title(k campaign.NodeKind) string { return label(titles, k) }

var operatorLabels = map[campaign.Operator]string{
	campaign.OpEquals:   "equals",
	campaign.OpContains: "contains",
	campaign.OpEmpty:    "is empty",
	campaign.OpHasTag:   "has tag",
	campaign.OpGreater:  "is greater than",
	campaign.OpLess:     "is less than",
	campaign.OpBefore:   "is a date before",
	campaign.OpAfter:    "is a date after",
}

// OperatorLabel returns how an operator reads in a sentence.
func OperatorLabel(op campaign.Operator) string {
	return label(operatorLabels, op)
}

// label returns the text for k, or k itself when it has none.
func label[K ~string](texts map[K]string, k K) string {
	if t, ok := texts[k]; ok {
		return t
	}
	return string(k)
}

// Summary returns up to two short lines that say what a Node does. A
// Send SMS Node is summed up by its message, which the canvas shows
// itself, and an End by its title, so they get none.
func Summary(n campaign.Node) []string {
	switch n.Kind {
	case campaign.KindStart:
		return startSummary(n.Audience)
	case campaign.KindWait:
		return []string{WaitSummary(n.Wait)}
	case campaign.KindBranch:
		if n.Condition == nil || n.Condition.Op == "" {
			return []string{"Choose a condition"}
		}
		return []string{ConditionSummary(*n.Condition)}
	}
	return nil
}

func startSummary(a *campaign.Audience) []string {
	if a == nil {
		return []string{"All contacts"}
	}
	var who string
	switch a.Mode {
	case campaign.AudienceAnyTag:
		who = "Tagged any of: " + strings.Join(a.Tags, ", ")
	case campaign.AudienceAllTags:
		who = "Tagged all of: " + strings.Join(a.Tags, ", ")
	case campaign.AudienceCondition:
		who = "Where " + ConditionSummary(deref(a.Condition))
	default:
		who = "All contacts"
	}
	later := "New contacts stay out"
	if a.IncludeNew {
		later = "New contacts enter too"
	}
	return []string{who, later}
}

func deref(c *campaign.Condition) campaign.Condition {
	if c == nil {
		return campaign.Condition{}
	}
	return *c
}

// ConditionSummary returns a condition as a short phrase, such as
// `city equals "Austin"`.
func ConditionSummary(c campaign.Condition) string {
	field := c.Field
	if field == "" {
		field = "(no field)"
	}
	switch c.Op {
	case campaign.OpEmpty:
		return field + " is empty"
	case campaign.OpHasTag:
		return fmt.Sprintf("has tag %q", c.Value)
	case "":
		return field
	}
	return fmt.Sprintf("%s %s %q", field, OperatorLabel(c.Op), c.Value)
}

// WaitSummary returns a Wait's pause as a short phrase.
func WaitSummary(w *campaign.Wait) string {
	if w == nil {
		return "No pause set"
	}
	if w.Mode == campaign.WaitUntil {
		at := ClockTime(w.TimeOfDay)
		if w.Weekday < 0 || w.Weekday > 6 {
			return "Until the next " + at
		}
		// Short enough to fit on the card's one line of detail.
		return fmt.Sprintf("Until %s, %s", time.Weekday(w.Weekday), at)
	}
	unit := strings.TrimSuffix(string(w.Unit), "s")
	if w.Amount != 1 {
		unit += "s"
	}
	return fmt.Sprintf("For %d %s", w.Amount, unit)
}

// ClockTime returns minutes after midnight as a 24-hour time, "09:30".
func ClockTime(minutes int) string {
	minutes = ((minutes % 1440) + 1440) % 1440
	return fmt.Sprintf("%02d:%02d", minutes/60, minutes%60)
}
