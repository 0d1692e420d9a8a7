package campaign

import "testing"

// BenchmarkLoadAndLayout200 measures opening a 200-node campaign in the
// editor: decoding its document, laying it out and validating it.
func BenchmarkLoadAndLayout200(b *testing.B) {
	g := bigGraph(b, 200)
	msgs := []Message{{ID: 1, Name: "One", Body: "Hello"},
		{ID: 2, Name: "Two", Body: "Hi again"}}
	data, err := Encode(Campaign{Name: "Big", Graph: g}, msgs)
	if err != nil {
		b.Fatal(err)
	}
	info := LookupMessages(msgs, nil)

	b.ReportAllocs()
	for b.Loop() {
		d, err := Decode(data)
		if err != nil {
			b.Fatal(err)
		}
		Layout(&d.Campaign.Graph)
		if ps := Validate(d.Campaign.Graph, info); HasErrors(ps) {
			b.Fatalf("problems: %+v", ps)
		}
	}
}
