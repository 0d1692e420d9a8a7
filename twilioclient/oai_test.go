package twilioclient

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/nurturesms/nurture/twilioclient/twiliotest"
)

// oaiFiles are Twilio's OpenAPI descriptions of the APIs Nurture uses.
var oaiFiles = []string{"twilio_api_v2010.json", "twilio_messaging_v1.json",
	"twilio_pricing_v1.json"}

// spec is one OpenAPI document, just the parts the checks read.
type spec struct {
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]json.RawMessage `json:"schemas"`
	} `json:"components"`
}

// operation is one documented path and method.
type operation struct {
	spec      *spec
	path      *regexp.Regexp
	template  string
	method    string
	params    map[string]bool
	responses map[string]json.RawMessage
}

// findOAI walks up from the working directory to shared/twilio-oai,
// which sits beside the checkout.
func findOAI(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "twilio-oai")
		if _, err := os.Stat(filepath.Join(p, oaiFiles[0])); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("shared/twilio-oai not found above the working " +
				"directory; it must sit beside the checkout")
		}
		dir = parent
	}
}

// loadOperations reads every operation of the three descriptions.
func loadOperations(t *testing.T) []operation {
	t.Helper()
	dir := findOAI(t)
	var ops []operation
	for _, f := range oaiFiles {
		raw, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		s := &spec{}
		if err := json.Unmarshal(raw, s); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for tmpl, methods := range s.Paths {
			re := regexp.MustCompile("^" + regexp.MustCompile(`\\\{[^}]+\\\}`).
				ReplaceAllString(regexp.QuoteMeta(tmpl), `[^/]+`) + "$")
			for m, body := range methods {
				op, ok := parseOperation(t, body)
				if !ok {
					continue
				}
				op.spec, op.path, op.template = s, re, tmpl
				op.method = strings.ToUpper(m)
				ops = append(ops, op)
			}
		}
	}
	return ops
}

func parseOperation(t *testing.T, raw json.RawMessage) (operation, bool) {
	t.Helper()
	var o struct {
		Parameters []struct {
			Name string `json:"name"`
		} `json:"parameters"`
		RequestBody struct {
			Content map[string]struct {
				Schema struct {
					Properties map[string]json.RawMessage `json:"properties"`
				} `json:"schema"`
			} `json:"content"`
		} `json:"requestBody"`
		Responses map[string]json.RawMessage `json:"responses"`
	}
	if err := json.Unmarshal(raw, &o); err != nil || o.Responses == nil {
		return operation{}, false // "servers" and such, not a method
	}
	op := operation{params: map[string]bool{}, responses: o.Responses}
	for _, p := range o.Parameters {
		op.params[p.Name] = true
	}
	for _, c := range o.RequestBody.Content {
		for name := range c.Schema.Properties {
			op.params[name] = true
		}
	}
	return op, true
}

// exercise makes every kind of call the Client has against sim.
func exercise(t *testing.T, b *bundle) {
	t.Helper()
	ctx := context.Background()
	b.sim.InjectInbound("+15551230009", "+15550100001", "STOP")
	m := b.send(t, "+15551230001", "Hello")
	b.clock.Advance(time.Minute)
	if _, err := b.client.Fetch(ctx, m.SID); err != nil {
		t.Fatal(err)
	}
	s, err := b.client.Schedule(ctx, "+15551230001", "Later",
		start.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.client.Cancel(ctx, s.SID); err != nil {
		t.Fatal(err)
	}
	if _, err := b.client.ListTo(ctx, "+15551230001", start, 10); err != nil {
		t.Fatal(err)
	}
	if _, err := b.client.ListInbound(ctx, start, 10); err != nil {
		t.Fatal(err)
	}
	if r := b.client.Check(ctx, "US", 0); !r.OK() {
		t.Fatalf("check: %v", r.AccountErr)
	}
	// And an error answer.
	if _, err := b.client.Send(ctx, "+15005550001", "Hi"); err == nil {
		t.Fatal("got no error for an invalid number")
	}
}

func TestOpenAPI_RequestsAndAnswersMatchTwilio(t *testing.T) {
	ops := loadOperations(t)
	b := setup(t, twiliotest.Options{Senders: []twiliotest.Sender{
		{Number: "+15550100001", Kind: twiliotest.LongCode},
		{Number: "12345", Kind: twiliotest.ShortCode},
	}})
	exercise(t, b)

	reqs := b.sim.Requests()
	if len(reqs) < 10 {
		t.Fatalf("got %d requests, want the whole exercise", len(reqs))
	}
	for _, r := range reqs {
		op := findOperation(ops, r.Method, r.Path)
		if op == nil {
			t.Errorf("%s %s: no such operation in Twilio's description",
				r.Method, r.Path)
			continue
		}
		for name := range r.Params {
			if !op.params[name] {
				t.Errorf("%s %s: parameter %q is not documented",
					r.Method, op.template, name)
			}
		}
		checkAnswer(t, op, r)
	}
}

func findOperation(ops []operation, method, path string) *operation {
	for i := range ops {
		if ops[i].method == method && ops[i].path.MatchString(path) {
			return &ops[i]
		}
	}
	return nil
}

// checkAnswer checks that a success has every documented field and an
// error has Twilio's error fields.
func checkAnswer(t *testing.T, op *operation, r twiliotest.Request) {
	t.Helper()
	var body any
	if err := json.Unmarshal(r.Body, &body); err != nil {
		t.Errorf("%s %s: answer is not JSON: %v", r.Method, op.template, err)
		return
	}
	if r.Status >= 400 {
		m, _ := body.(map[string]any)
		for _, k := range []string{"code", "message", "more_info", "status"} {
			if _, ok := m[k]; !ok {
				t.Errorf("%s %s: error answer lacks %q", r.Method,
					op.template, k)
			}
		}
		return
	}

	resp, ok := op.responses[itoa(r.Status)]
	if !ok {
		t.Errorf("%s %s: status %d is not documented", r.Method,
			op.template, r.Status)
		return
	}
	var doc struct {
		Content map[string]struct {
			Schema json.RawMessage `json:"schema"`
		} `json:"content"`
	}
	_ = json.Unmarshal(resp, &doc)
	schema := doc.Content["application/json"].Schema
	checkShape(t, op.spec, schema, body, r.Method+" "+op.template)
}

// checkShape reports documented properties missing from v, going into
// objects and arrays.
func checkShape(t *testing.T, s *spec, schema json.RawMessage, v any,
	where string) {
	t.Helper()
	var sc struct {
		Ref        string                     `json:"$ref"`
		Type       string                     `json:"type"`
		Enum       []any                      `json:"enum"`
		Properties map[string]json.RawMessage `json:"properties"`
		Items      json.RawMessage            `json:"items"`
		Twilio     struct {
			// OverrideType is the type Twilio really sends.
			OverrideType string `json:"overrideType"`
		} `json:"x-twilio"`
	}
	if json.Unmarshal(schema, &sc) != nil || v == nil {
		return
	}
	if sc.Ref != "" {
		name := sc.Ref[strings.LastIndex(sc.Ref, "/")+1:]
		checkShape(t, s, s.Components.Schemas[name], v, where)
		return
	}
	if sc.Twilio.OverrideType != "" {
		sc.Type = sc.Twilio.OverrideType
	}
	checkValue(t, sc.Type, sc.Enum, v, where)
	if len(sc.Properties) > 0 {
		m, ok := v.(map[string]any)
		if !ok {
			t.Errorf("%s: got %T, want an object", where, v)
			return
		}
		for name, sub := range sc.Properties {
			val, ok := m[name]
			if !ok {
				t.Errorf("%s: field %q is missing", where, name)
				continue
			}
			checkShape(t, s, sub, val, where+"."+name)
		}
	}
	if arr, ok := v.([]any); ok && len(sc.Items) > 0 {
		for _, item := range arr {
			checkShape(t, s, sc.Items, item, where+"[]")
		}
	}
}

// checkValue reports a value of the wrong JSON type, or one outside a
// documented enum, such as a Message status Twilio never gives.
func checkValue(t *testing.T, typ string, enum []any, v any, where string) {
	t.Helper()
	want := map[string]func(any) bool{
		"string":  func(v any) bool { _, ok := v.(string); return ok },
		"integer": func(v any) bool { _, ok := v.(float64); return ok },
		"number":  func(v any) bool { _, ok := v.(float64); return ok },
		"boolean": func(v any) bool { _, ok := v.(bool); return ok },
		"array":   func(v any) bool { _, ok := v.([]any); return ok },
		"object":  func(v any) bool { _, ok := v.(map[string]any); return ok },
	}[typ]
	if want != nil && !want(v) {
		t.Errorf("%s: got %T %v, want a %s", where, v, v, typ)
	}
	if len(enum) == 0 {
		return
	}
	for _, e := range enum {
		if e == v {
			return
		}
	}
	t.Errorf("%s: got %v, want one of %v", where, v, enum)
}
