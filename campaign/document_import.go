package campaign

import (
	"fmt"
	"strings"
)

// MessageImport says what happens to one message of an imported
// Document: either an existing message is used, or a new one is made.
type MessageImport struct {
	// DocID is the message's ID in the document.
	DocID int64
	// ExistingID is the library message with the same name and body,
	// or 0 when a new message must be made.
	ExistingID int64
	// Name and Body are what the new message gets. Name has
	// " (imported)" added when the library already uses the name for
	// another text.
	Name string
	Body string
}

// PlanMessages matches the document's messages against the library.
// A message with the same name (in any case) and body is reused; any
// other becomes a new message, under a name no library message (or
// earlier new one) has, whatever its case.
func (d Document) PlanMessages(library []Message) []MessageImport {
	byName := make(map[string]Message, len(library))
	for _, m := range library {
		byName[strings.ToLower(m.Name)] = m
	}
	taken := func(name string) bool {
		_, ok := byName[strings.ToLower(name)]
		return ok
	}

	plan := make([]MessageImport, 0, len(d.Messages))
	for _, dm := range d.Messages {
		name := strings.TrimSpace(dm.Name)
		mi := MessageImport{DocID: dm.ID, Name: name, Body: dm.Body}
		m, ok := byName[strings.ToLower(name)]
		if ok && m.Body == dm.Body {
			mi.ExistingID = m.ID
		} else {
			mi.Name = UniqueName(name, "imported", taken)
			byName[strings.ToLower(mi.Name)] = Message{Name: mi.Name,
				Body: mi.Body}
		}
		plan = append(plan, mi)
	}
	return plan
}

// UniqueName returns name when taken says it is free, and otherwise
// "name (label)", "name (label 2)" and so on, the first that is free.
func UniqueName(name, label string, taken func(string) bool) string {
	if !taken(name) {
		return name
	}
	try := fmt.Sprintf("%s (%s)", name, label)
	for i := 2; taken(try); i++ {
		try = fmt.Sprintf("%s (%s %d)", name, label, i)
	}
	return try
}

// RemapMessages returns a copy of g whose Send SMS nodes use the
// message IDs that ids maps their old IDs to. An ID missing from ids
// becomes 0: no message chosen.
func RemapMessages(g Graph, ids map[int64]int64) Graph {
	c := g.Clone()
	for i, n := range c.Nodes {
		if n.Kind == KindSend && n.MessageID != 0 {
			c.Nodes[i].MessageID = ids[n.MessageID]
		}
	}
	return c
}
