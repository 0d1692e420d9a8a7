package campaign

import (
	"reflect"
	"strings"
	"testing"
)

// sampleCampaign is the sample graph as a campaign, with a library that
// holds its two messages and one it does not use.
func sampleCampaign(t testing.TB) (Campaign, []Message) {
	t.Helper()
	s := newSample(t)
	node(t, &s.g, StartID).Audience = &Audience{Mode: AudienceAnyTag,
		Tags: []string{"lead", "vip"}, IncludeNew: true}
	node(t, &s.g, s.wait).Wait = &Wait{Mode: WaitUntil, Weekday: 2,
		TimeOfDay: 9*60 + 30}
	Layout(&s.g)
	msgs := []Message{
		{ID: 2, Name: "Offer", Body: "20% off this week, {{first_name}}."},
		{ID: 1, Name: "Welcome", Body: "Hi! Reply STOP to opt out."},
		{ID: 9, Name: "Unused", Body: "Not in this campaign."},
	}
	return Campaign{ID: 7, Name: "Spring nurture", Graph: s.g}, msgs
}

func TestDocument_RoundTrip(t *testing.T) {
	c, msgs := sampleCampaign(t)
	b, err := Encode(c, msgs)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Decode(b)
	if err != nil {
		t.Fatalf("Decode: %v\n%s", err, b)
	}

	if d.Format != DocumentFormat || d.Version != DocumentVersion {
		t.Errorf("got %s v%d, want %s v%d", d.Format, d.Version,
			DocumentFormat, DocumentVersion)
	}
	if d.Campaign.Name != c.Name {
		t.Errorf("name: got %q, want %q", d.Campaign.Name, c.Name)
	}
	if !reflect.DeepEqual(d.Campaign.Graph, c.Graph) {
		t.Errorf("graph changed:\ngot  %+v\nwant %+v", d.Campaign.Graph,
			c.Graph)
	}
	want := []DocumentMessage{
		{ID: 1, Name: "Welcome", Body: msgs[1].Body},
		{ID: 2, Name: "Offer", Body: msgs[0].Body},
	}
	if !reflect.DeepEqual(d.Messages, want) {
		t.Errorf("messages: got %+v, want %+v", d.Messages, want)
	}

	again, err := d.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(b) {
		t.Errorf("encoding is not stable:\n%s\nthen\n%s", b, again)
	}
}

func TestEncode_DropsMissingMessage(t *testing.T) {
	c, msgs := sampleCampaign(t)
	b, err := Encode(c, msgs[1:]) // "Offer" was deleted
	if err != nil {
		t.Fatal(err)
	}
	d, err := Decode(b)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if got := len(d.Messages); got != 1 {
		t.Errorf("messages: got %d, want 1", got)
	}
	for _, n := range d.Campaign.Graph.Nodes {
		if n.MessageID == 2 {
			t.Errorf("node %s still uses the deleted message", n.ID)
		}
	}
}

func TestDecode_Refuses(t *testing.T) {
	const start = `{"id":"start","kind":"start"}`
	doc := func(version, graph, msgs string) string {
		return `{"format":"nurture.campaign","version":` + version +
			`,"campaign":{"name":"C","graph":` + graph + `},"messages":` +
			msgs + `}`
	}
	okGraph := `{"nodes":[` + start + `],"edges":[]}`
	tests := []struct {
		name, in, want string
	}{
		{"empty", ``, "not valid JSON"},
		{"not json", `hello`, "not valid JSON (line 1"},
		{"truncated", "{\n\"format\":", "not valid JSON"},
		{"array", `[1,2]`, "the document should be an object, not an array"},
		{"other format", `{"format":"other","version":1}`,
			"does not say it is a Nurture campaign"},
		{"newer", doc("2", okGraph, `[]`), "newer version of Nurture"},
		{"version zero", doc("0", okGraph, `[]`), "whole number"},
		{"version text", doc(`"1"`, okGraph, `[]`), "whole number"},
		{"no name", strings.Replace(doc("1", okGraph, `[]`),
			`"name":"C"`, `"name":"  "`, 1), "has no name"},
		{"wrong type", doc("1", `{"nodes":"many"}`, `[]`),
			"campaign.graph.nodes should be a list, not a string"},
		{"number for text", doc("1", `{"nodes":[{"id":4}]}`, `[]`),
			"campaign.graph.nodes.id should be text, not a number"},
		{"no start", doc("1", `{"nodes":[]}`, `[]`), "0 Start steps"},
		{"two starts", doc("1", `{"nodes":[`+start+`,`+
			`{"id":"b","kind":"start"}]}`, `[]`), "2 Start steps"},
		{"unknown kind", doc("1", `{"nodes":[`+start+`,`+
			`{"id":"b","kind":"fax"}]}`, `[]`), "unknown kind"},
		{"node without id", doc("1", `{"nodes":[`+start+`,`+
			`{"kind":"end"}]}`, `[]`), "step 2 has no ID"},
		{"duplicate ids", doc("1", `{"nodes":[`+start+`,`+
			`{"id":"start","kind":"end"}]}`, `[]`), "share the ID"},
		{"edge to nowhere", doc("1", `{"nodes":[`+start+
			`],"edges":[{"from":"start","port":"next","to":"x"}]}`, `[]`),
			"not in the file"},
		{"edge into start", doc("1", `{"nodes":[`+start+`,`+
			`{"id":"e","kind":"wait"}],"edges":[`+
			`{"from":"e","port":"next","to":"start"}]}`, `[]`),
			"leads into Start"},
		{"bad port", doc("1", `{"nodes":[`+start+`,`+
			`{"id":"e","kind":"end"}],"edges":[`+
			`{"from":"start","port":"yes","to":"e"}]}`, `[]`),
			`output it does not have ("yes")`},
		{"message not included", doc("1", `{"nodes":[`+start+`,`+
			`{"id":"s","kind":"send_sms","message_id":4}]}`, `[]`),
			"uses message 4"},
		{"message without id", doc("1", okGraph,
			`[{"name":"A","body":"b"}]`), "message 1 has no ID"},
		{"message without name", doc("1", okGraph,
			`[{"id":3,"body":"b"}]`), "message 1 has no name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode([]byte(tt.in))
			if ErrorCode(err) != EINVALID {
				t.Fatalf("got %v, want EINVALID", err)
			}
			if got := ErrorMessage(err); !strings.Contains(got, tt.want) {
				t.Errorf("got %q, want it to contain %q", got, tt.want)
			}
		})
	}
}

func TestDocument_PlanMessages(t *testing.T) {
	d := Document{Messages: []DocumentMessage{
		{ID: 1, Name: "Welcome", Body: "Hi"},
		{ID: 2, Name: "Offer", Body: "New text"},
		{ID: 3, Name: "Fresh", Body: "Brand new"},
		{ID: 4, Name: "Clash", Body: "Other"},
		{ID: 5, Name: "WELCOME", Body: "Hi"},
		{ID: 6, Name: "clash", Body: "x"},
	}}
	library := []Message{
		{ID: 10, Name: "Welcome", Body: "Hi"},
		{ID: 11, Name: "Offer", Body: "Old text"},
		{ID: 12, Name: "Clash", Body: "x"},
		{ID: 13, Name: "Clash (imported)", Body: "y"},
	}
	got := d.PlanMessages(library)
	want := []MessageImport{
		{DocID: 1, ExistingID: 10, Name: "Welcome", Body: "Hi"},
		{DocID: 2, Name: "Offer (imported)", Body: "New text"},
		{DocID: 3, Name: "Fresh", Body: "Brand new"},
		{DocID: 4, Name: "Clash (imported 2)", Body: "Other"},
		{DocID: 5, ExistingID: 10, Name: "WELCOME", Body: "Hi"},
		{DocID: 6, ExistingID: 12, Name: "clash", Body: "x"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestRemapMessages(t *testing.T) {
	s := newSample(t)
	g := RemapMessages(s.g, map[int64]int64{1: 101})
	if n, _ := g.Node(s.send); n.MessageID != 101 {
		t.Errorf("send: got message %d, want 101", n.MessageID)
	}
	if n, _ := g.Node(s.offer); n.MessageID != 0 {
		t.Errorf("offer: got message %d, want 0 (not in the map)",
			n.MessageID)
	}
	if n, _ := s.g.Node(s.send); n.MessageID != 1 {
		t.Error("RemapMessages changed its input")
	}
}

func FuzzDecode(f *testing.F) {
	c, msgs := sampleCampaign(f)
	b, err := Encode(c, msgs)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte(`{"format":"nurture.campaign","version":1}`))

	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Decode(data)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("got %v, want EINVALID", err)
			}
			return
		}

		// What was accepted survives a round trip unchanged, and the
		// checks the editor runs on it do not panic.
		b, err := d.Encode()
		if err != nil {
			t.Fatalf("Encode: %v", err)
		}
		d2, err := Decode(b)
		if err != nil {
			t.Fatalf("re-Decode: %v\n%s", err, b)
		}
		if !reflect.DeepEqual(d, d2) {
			t.Fatalf("round trip changed the document:\n%+v\n%+v", d, d2)
		}
		g := d.Campaign.Graph
		Validate(g, nil)
		Layout(&g)
		d.PlanMessages(nil)
	})
}
