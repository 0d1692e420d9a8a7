package campaign

import (
	"strings"
	"testing"
)

// mustAdd adds a node of kind k to g and returns its ID.
func mustAdd(t testing.TB, g *Graph, k NodeKind) string {
	t.Helper()
	n, err := g.AddNode(k, 0, 0)
	if err != nil {
		t.Fatalf("AddNode(%s): %v", k, err)
	}
	return n.ID
}

// mustConnect joins from's port to to, failing the test on error.
func mustConnect(t testing.TB, g *Graph, from, port, to string) {
	t.Helper()
	if err := g.Connect(from, port, to); err != nil {
		t.Fatalf("Connect(%s, %s, %s): %v", from, port, to, err)
	}
}

// node returns a pointer to node id of g, for changing its settings.
func node(t testing.TB, g *Graph, id string) *Node {
	t.Helper()
	i := g.Index(id)
	if i < 0 {
		t.Fatalf("no node %s", id)
	}
	return &g.Nodes[i]
}

// sample is a valid campaign: Start, Send "Welcome", Wait 2 days, Branch
// on the tag "customer"; Yes sends "Offer" and ends, No ends.
type sample struct {
	g                                    Graph
	send, wait, branch, offer, end, end2 string
}

func newSample(t testing.TB) sample {
	t.Helper()
	s := sample{g: NewGraph()}
	g := &s.g
	s.send = mustAdd(t, g, KindSend)
	s.wait = mustAdd(t, g, KindWait)
	s.branch = mustAdd(t, g, KindBranch)
	s.offer = mustAdd(t, g, KindSend)
	s.end = mustAdd(t, g, KindEnd)
	s.end2 = mustAdd(t, g, KindEnd)

	node(t, g, s.send).MessageID = 1
	node(t, g, s.offer).MessageID = 2
	node(t, g, s.wait).Wait = &Wait{Mode: WaitFor, Amount: 2, Unit: Days}
	node(t, g, s.branch).Condition = &Condition{Op: OpHasTag,
		Value: "customer"}

	mustConnect(t, g, StartID, PortNext, s.send)
	mustConnect(t, g, s.send, PortNext, s.wait)
	mustConnect(t, g, s.wait, PortNext, s.branch)
	mustConnect(t, g, s.branch, PortYes, s.offer)
	mustConnect(t, g, s.offer, PortNext, s.end)
	mustConnect(t, g, s.branch, PortNo, s.end2)
	return s
}

// testMessages is the message library the tests validate against.
func testMessages() MessageInfo {
	return LookupMessages([]Message{
		{ID: 1, Name: "Welcome", Body: "Hi {{first_name}}, welcome!"},
		{ID: 2, Name: "Offer", Body: "20% off this week."},
		{ID: 3, Name: "Blank"},
		{ID: 4, Name: "Essay", Body: strings.Repeat("x", MaxBodyChars+1)},
		{ID: 5, Name: "Chatty", Body: "many parts"},
	}, func(body string) int {
		if body == "many parts" {
			return MaxSegments + 1
		}
		return 1
	})
}

// withProblem is testMessages with message 2 unsendable.
func withProblem(id int64) (MessageFacts, bool) {
	f, ok := testMessages()(id)
	if id == 2 {
		f.Problem = `no contact has a field called "frist_name".`
	}
	return f, ok
}
