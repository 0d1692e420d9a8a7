package campaign

import "fmt"

// maxWaitMinutes is the longest fixed Wait: a year, leap day included.
const maxWaitMinutes = 366 * 24 * 60

// checkCycles reports each connection that leads back to a step on the
// path that reached it, found by a depth-first walk from every node.
func (v *validator) checkCycles() {
	const (
		unseen = iota
		open
		done
	)
	out := v.edges
	state := make(map[string]int, len(v.g.Nodes))
	reported := map[string]bool{}

	type frame struct {
		id   string
		next int
	}
	for _, root := range v.g.Nodes {
		if state[root.ID] != unseen {
			continue
		}
		state[root.ID] = open
		stack := []frame{{id: root.ID}}
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			es := out[top.id]
			if top.next == len(es) {
				state[top.id] = done
				stack = stack[:len(stack)-1]
				continue
			}
			e := es[top.next]
			top.next++

			switch state[e.To] {
			case unseen:
				state[e.To] = open
				stack = append(stack, frame{id: e.To})
			case open:
				if !reported[e.From] && e.From != e.To {
					reported[e.From] = true
					v.add(e.From, SeverityError, "This step loops back to "+
						"an earlier one, and campaigns can't loop. "+
						"Connect it to a later step or an End.")
				}
			}
		}
	}
}

// checkNode reports a node's own settings that can't work.
func (v *validator) checkNode(n Node) {
	switch n.Kind {
	case KindStart:
		if msg := audienceProblem(n.Audience); msg != "" {
			v.add(n.ID, SeverityError, "%s", msg)
		}
	case KindSend:
		v.checkSend(n)
	case KindWait:
		if msg := waitProblem(n.Wait); msg != "" {
			v.add(n.ID, SeverityError, "%s", msg)
		}
	case KindBranch:
		if msg := conditionProblem(n.Condition, "this Branch"); msg != "" {
			v.add(n.ID, SeverityError, "%s", msg)
		}
		for _, port := range Ports(KindBranch) {
			if _, ok := v.g.Next(n.ID, port); !ok {
				v.add(n.ID, SeverityError, "Connect this Branch's %s "+
					"output to the next step.", portLabel(port))
			}
		}
	case KindEnd:
	default:
		v.add(n.ID, SeverityError, "This step is of a kind Nurture "+
			"does not know (%q). Delete it.", n.Kind)
	}
}

// portLabel names an output port the way the canvas labels it.
func portLabel(port string) string {
	switch port {
	case PortYes:
		return "Yes"
	case PortNo:
		return "No"
	}
	return "Next"
}

// checkSend reports a Send SMS without a usable message.
func (v *validator) checkSend(n Node) {
	if n.MessageID == 0 {
		v.add(n.ID, SeverityError, "Choose the message this step sends.")
		return
	}
	m, ok := v.msgs(n.MessageID)
	switch {
	case !ok:
		v.add(n.ID, SeverityError, "The message this step sent was "+
			"deleted. Choose another one.")
	case m.Chars == 0:
		v.add(n.ID, SeverityError, "The message %q is empty. Write its "+
			"text in Messages.", m.Name)
	case m.Problem != "":
		v.add(n.ID, SeverityError, "The message %q cannot be sent: %s",
			m.Name, m.Problem)
	case m.Chars > MaxBodyChars:
		v.add(n.ID, SeverityError, "The message %q is %d characters "+
			"long, and Twilio takes at most %d. Shorten it.",
			m.Name, m.Chars, MaxBodyChars)
	case m.Segments > MaxSegments:
		v.add(n.ID, SeverityWarning, "The message %q takes %d Segments. "+
			"Twilio advises at most %d: long texts cost more and may "+
			"arrive in pieces.", m.Name, m.Segments, MaxSegments)
	}
}

// waitProblem explains what is wrong with a Wait's settings, or "".
func waitProblem(w *Wait) string {
	if w == nil {
		return "Set how long this Wait lasts."
	}
	switch w.Mode {
	case WaitFor:
		per := map[WaitUnit]int{Minutes: 1, Hours: 60, Days: 24 * 60}[w.Unit]
		switch {
		case per == 0:
			return "Choose minutes, hours or days for this Wait."
		case w.Amount <= 0:
			return "Set how long this Wait lasts: at least 1."
		case w.Amount > maxWaitMinutes/per:
			return "A Wait can last at most a year. Shorten this one."
		}
	case WaitUntil:
		switch {
		case w.Weekday < -1 || w.Weekday > 6:
			return "Choose the day of the week this Wait waits for."
		case w.TimeOfDay < 0 || w.TimeOfDay >= 24*60:
			return "Choose the time of day this Wait waits for."
		}
	default:
		return "Choose whether this Wait lasts a while or waits for a day."
	}
	return ""
}

// conditionProblem explains what is wrong with a condition, or "".
// what names its owner in the text, e.g. "this Branch".
func conditionProblem(c *Condition, what string) string {
	if c == nil || c.Op == "" {
		return fmt.Sprintf("Choose what %s tests.", what)
	}
	known := false
	for _, op := range Operators {
		known = known || op == c.Op
	}
	switch {
	case !known:
		return fmt.Sprintf("Nurture does not know the test %q in %s. "+
			"Choose another.", c.Op, what)
	case c.Op == OpHasTag:
		if c.Value == "" {
			return fmt.Sprintf("Choose the tag %s looks for.", what)
		}
		return ""
	case c.Field == "":
		return fmt.Sprintf("Choose the contact field %s tests.", what)
	}

	switch c.Op {
	case OpContains:
		if c.Value == "" {
			return fmt.Sprintf("Enter the text %s looks for.", what)
		}
	case OpGreater, OpLess:
		if _, ok := ParseNumber(c.Value); !ok {
			return fmt.Sprintf("Enter a number for %s to compare "+
				"with, such as 10 or 2.5.", what)
		}
	case OpBefore, OpAfter:
		if _, ok := ParseDate(c.Value); !ok {
			return fmt.Sprintf("Enter a date for %s to compare with, "+
				"such as 2026-03-31.", what)
		}
	}
	return ""
}

// audienceProblem explains what is wrong with a Start's audience, or "".
// A nil audience means all contacts.
func audienceProblem(a *Audience) string {
	if a == nil {
		return ""
	}
	switch a.Mode {
	case AudienceAll:
	case AudienceAnyTag, AudienceAllTags:
		if len(a.Tags) == 0 {
			return "Choose at least one tag for the campaign's audience."
		}
	case AudienceCondition:
		return conditionProblem(a.Condition, "the audience")
	default:
		return "Choose who enters this campaign."
	}
	return ""
}

// checkBackToBack warns about a Send SMS that a path reaches straight
// from another Send SMS, passing only Branches on the way.
func (v *validator) checkBackToBack() {
	warned := map[string]bool{}
	for _, n := range v.g.Nodes {
		if n.Kind != KindSend {
			continue
		}
		walkEdges(v.edges, n.ID, func(to string) (descend, stop bool) {
			next, ok := v.byID[to]
			switch {
			case !ok:
			case next.Kind == KindSend:
				v.warnBackToBack(n, next, warned)
			case next.Kind == KindBranch:
				return true, false
			}
			return false, false
		})
	}
}

func (v *validator) warnBackToBack(first, second Node, warned map[string]bool) {
	if warned[second.ID] {
		return
	}
	warned[second.ID] = true
	name := "the message before it"
	if m, ok := v.msgs(first.MessageID); ok {
		name = fmt.Sprintf("%q", m.Name)
	}
	v.add(second.ID, SeverityWarning, "Contacts get this message right "+
		"after %s, with no Wait between them. Add a Wait to space them "+
		"out.", name)
}
