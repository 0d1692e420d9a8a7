package campaign

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// The format name and the newest version of the campaign document.
const (
	DocumentFormat  = "nurture.campaign"
	DocumentVersion = 1
)

// MaxDocumentBytes is the largest campaign document Decode reads.
const MaxDocumentBytes = 16 << 20

// Limits on a document, so a damaged or hostile file cannot make the
// app build a huge campaign.
const (
	maxDocumentNodes = 5000
	maxNameLen       = 100
)

// Document is a campaign exported as JSON, with the messages its Send
// SMS nodes use, so it can be imported into another Nurture.
type Document struct {
	Format   string            `json:"format"`
	Version  int               `json:"version"`
	Campaign DocumentCampaign  `json:"campaign"`
	Messages []DocumentMessage `json:"messages"`
}

// DocumentCampaign is the campaign part of a Document.
type DocumentCampaign struct {
	Name  string `json:"name"`
	Graph Graph  `json:"graph"`
}

// DocumentMessage is a message in a Document. ID is the message's ID
// in the exporting database; Send SMS nodes refer to it.
type DocumentMessage struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Body string `json:"body"`
}

// NewDocument returns the document for c, holding the messages of msgs
// that c's Send SMS nodes use. A Send SMS whose message is not in msgs
// loses its choice of message, as if it had been deleted.
func NewDocument(c Campaign, msgs []Message) Document {
	byID := make(map[int64]Message, len(msgs))
	for _, m := range msgs {
		byID[m.ID] = m
	}

	d := Document{Format: DocumentFormat, Version: DocumentVersion,
		Campaign: DocumentCampaign{Name: c.Name, Graph: c.Graph.Clone()},
		Messages: []DocumentMessage{}}
	used := map[int64]bool{}
	for i, n := range d.Campaign.Graph.Nodes {
		if n.Kind != KindSend || n.MessageID == 0 {
			continue
		}
		m, ok := byID[n.MessageID]
		if !ok {
			d.Campaign.Graph.Nodes[i].MessageID = 0
			continue
		}
		if !used[m.ID] {
			used[m.ID] = true
			d.Messages = append(d.Messages,
				DocumentMessage{ID: m.ID, Name: m.Name, Body: m.Body})
		}
	}
	sort.Slice(d.Messages, func(i, j int) bool {
		return d.Messages[i].ID < d.Messages[j].ID
	})
	return d
}

// Encode returns c as an indented JSON document with its messages.
func Encode(c Campaign, msgs []Message) ([]byte, error) {
	return NewDocument(c, msgs).Encode()
}

// Encode returns d as indented JSON ending in a newline.
func (d Document) Encode() ([]byte, error) {
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode campaign document: %w", err)
	}
	return append(b, '\n'), nil
}

// Decode reads a campaign document. A file that is not JSON, not a
// campaign document, from a newer Nurture, or whose campaign breaks the
// graph's basic rules fails with EINVALID and a message that says what
// is wrong. It never panics on bad input.
func Decode(data []byte) (Document, error) {
	if len(data) > MaxDocumentBytes {
		return Document{}, notImportable("it is larger than %d MB",
			MaxDocumentBytes>>20)
	}

	var head struct {
		Format  string          `json:"format"`
		Version json.RawMessage `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return Document{}, jsonProblem(data, err)
	}
	if head.Format != DocumentFormat {
		return Document{}, notImportable("it does not say it is a "+
			"Nurture campaign (its \"format\" should be %q)", DocumentFormat)
	}
	var version int
	if err := json.Unmarshal(head.Version, &version); err != nil ||
		version < 1 {
		return Document{}, notImportable("its \"version\" is not a " +
			"whole number from 1 up")
	}
	if version > DocumentVersion {
		return Document{}, Errorf(EINVALID, "This campaign was exported "+
			"by a newer version of Nurture (document version %d; this "+
			"version reads up to %d). Update Nurture, then import it "+
			"again.", version, DocumentVersion)
	}

	var d Document
	if err := json.Unmarshal(data, &d); err != nil {
		return Document{}, jsonProblem(data, err)
	}
	if err := d.check(); err != nil {
		return Document{}, err
	}
	return d, nil
}

// notImportable is the EINVALID error for a document Nurture refuses.
func notImportable(format string, a ...any) error {
	return Errorf(EINVALID, "This file is not a campaign Nurture can "+
		"import: %s. Export the campaign again, or choose another file.",
		fmt.Sprintf(format, a...))
}

// jsonProblem explains a JSON decoding error with its line number.
func jsonProblem(data []byte, err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return notImportable("it is not valid JSON (line %d: %s)",
			lineOf(data, syn.Offset), syn.Error())
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		field := typ.Field
		if field == "" {
			field = "the document"
		}
		return notImportable("%s should be %s, not %s (line %d)",
			field, jsonKind(typ.Type), article(typ.Value),
			lineOf(data, typ.Offset))
	}
	return notImportable("it could not be read (%v)", err)
}

// jsonKind names, in JSON's terms, what a Go type is written as.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list"
	}
	return "an object"
}

// article puts "a" or "an" before a JSON value's kind.
func article(kind string) string {
	if strings.HasPrefix(kind, "a") || strings.HasPrefix(kind, "o") {
		return "an " + kind
	}
	return "a " + kind
}

// lineOf returns the 1-based line holding byte offset off of data.
func lineOf(data []byte, off int64) int {
	off = min(max(off, 0), int64(len(data)))
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// check enforces the rules an imported campaign must meet before it is
// stored. Problems the user can fix in the editor, such as a loop or an
// empty setting, are left to Validate.
func (d *Document) check() error {
	d.Campaign.Name = strings.TrimSpace(d.Campaign.Name)
	if err := checkName(d.Campaign.Name, "the campaign"); err != nil {
		return err
	}

	msgs := map[int64]bool{}
	for i, m := range d.Messages {
		where := fmt.Sprintf("message %d", i+1)
		switch {
		case m.ID <= 0:
			return notImportable("%s has no ID", where)
		case msgs[m.ID]:
			return notImportable("two messages share the ID %d", m.ID)
		}
		if err := checkName(strings.TrimSpace(m.Name), where); err != nil {
			return err
		}
		msgs[m.ID] = true
	}
	return d.Campaign.Graph.checkShape(msgs)
}

// checkName refuses an empty or overlong name.
func checkName(name, what string) error {
	switch {
	case name == "":
		return notImportable("%s has no name", what)
	case len(name) > maxNameLen:
		return notImportable("the name of %s is longer than %d characters",
			what, maxNameLen)
	}
	return nil
}

// checkShape enforces what Connect and AddNode enforce, for a graph
// read from a file: known kinds, unique IDs, one Start, edges between
// existing nodes on ports they have, and Send SMS nodes that use only
// the messages in msgs.
func (g Graph) checkShape(msgs map[int64]bool) error {
	if len(g.Nodes) > maxDocumentNodes {
		return notImportable("it has more than %d steps", maxDocumentNodes)
	}

	kinds := make(map[string]NodeKind, len(g.Nodes))
	starts := 0
	for i, n := range g.Nodes {
		where := fmt.Sprintf("step %d", i+1)
		switch {
		case n.ID == "":
			return notImportable("%s has no ID", where)
		case len(n.ID) > maxNameLen:
			return notImportable("the ID of %s is too long", where)
		case kinds[n.ID] != "":
			return notImportable("two steps share the ID %q", n.ID)
		case !validKind(n.Kind):
			return notImportable("%s is of an unknown kind %q", where, n.Kind)
		case n.Kind == KindSend && n.MessageID != 0 && !msgs[n.MessageID]:
			return notImportable("%s uses message %d, which the file "+
				"does not include", where, n.MessageID)
		}
		if n.Kind == KindStart {
			starts++
		}
		kinds[n.ID] = n.Kind
	}
	if starts != 1 {
		return notImportable("it has %d Start steps instead of one", starts)
	}

	ports := map[Edge]bool{}
	for i, e := range g.Edges {
		where := fmt.Sprintf("connection %d", i+1)
		from, to := kinds[e.From], kinds[e.To]
		port := Edge{From: e.From, Port: e.Port}
		switch {
		case from == "" || to == "":
			return notImportable("%s joins a step that is not in the "+
				"file", where)
		case e.From == e.To:
			return notImportable("%s leads a step to itself", where)
		case to == KindStart:
			return notImportable("%s leads into Start", where)
		case !HasPort(from, e.Port):
			return notImportable("%s leaves %s by an output it does not "+
				"have (%q)", where, from.Label(), e.Port)
		case ports[port]:
			return notImportable("%s is a second connection on one output",
				where)
		}
		ports[port] = true
	}
	return nil
}
