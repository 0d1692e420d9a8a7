package campaign

import (
	"strings"
	"testing"
)

func TestValidate_SampleIsClean(t *testing.T) {
	s := newSample(t)
	if ps := Validate(s.g, testMessages()); len(ps) != 0 {
		t.Errorf("got %+v, want no problems", ps)
	}
	if err := s.g.CanStart(testMessages()); err != nil {
		t.Errorf("CanStart: got %v, want nil", err)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		// edit breaks the sample and returns the node to blame.
		edit func(t *testing.T, s *sample) string
		sev  Severity
		text string
	}{
		{"unreachable node", func(t *testing.T, s *sample) string {
			return mustAdd(t, &s.g, KindWait)
		}, SeverityError, "No path from Start"},
		{"start not connected", func(t *testing.T, s *sample) string {
			s.g.Disconnect(StartID, PortNext)
			return StartID
		}, SeverityError, "Connect Start"},
		{"send without message", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.send).MessageID = 0
			return s.send
		}, SeverityError, "Choose the message"},
		{"send with deleted message", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.send).MessageID = 42
			return s.send
		}, SeverityError, "was deleted"},
		{"empty message", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.send).MessageID = 3
			return s.send
		}, SeverityError, "is empty"},
		{"message over Twilio's limit", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.send).MessageID = 4
			return s.send
		}, SeverityError, "at most 1600"},
		{"message with many segments", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.send).MessageID = 5
			return s.send
		}, SeverityWarning, "11 Segments"},
		{"branch yes not connected", func(t *testing.T, s *sample) string {
			s.g.Disconnect(s.branch, PortYes)
			s.g.RemoveNodes(s.offer, s.end)
			return s.branch
		}, SeverityError, "Yes output"},
		{"branch no not connected", func(t *testing.T, s *sample) string {
			s.g.RemoveNodes(s.end2)
			return s.branch
		}, SeverityError, "No output"},
		{"cycle", func(t *testing.T, s *sample) string {
			s.g.RemoveNodes(s.end)
			mustConnect(t, &s.g, s.offer, PortNext, s.wait)
			return s.offer
		}, SeverityError, "loops back"},
		{"two sends without a wait", func(t *testing.T, s *sample) string {
			mustConnect(t, &s.g, s.send, PortNext, s.branch)
			s.g.RemoveNodes(s.wait)
			return s.offer
		}, SeverityWarning, `right after "Welcome"`},
		{"wait without duration", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.wait).Wait.Amount = 0
			return s.wait
		}, SeverityError, "how long"},
		{"wait without settings", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.wait).Wait = nil
			return s.wait
		}, SeverityError, "how long"},
		{"wait over a year", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.wait).Wait.Amount = 367
			return s.wait
		}, SeverityError, "at most a year"},
		{"wait with unknown unit", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.wait).Wait.Unit = "fortnights"
			return s.wait
		}, SeverityError, "minutes, hours or days"},
		{"wait until a bad weekday", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.wait).Wait = &Wait{Mode: WaitUntil, Weekday: 7}
			return s.wait
		}, SeverityError, "day of the week"},
		{"wait until a bad time", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.wait).Wait = &Wait{Mode: WaitUntil,
				Weekday: 1, TimeOfDay: 24 * 60}
			return s.wait
		}, SeverityError, "time of day"},
		{"branch with no operator", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.branch).Condition = &Condition{}
			return s.branch
		}, SeverityError, "Choose what this Branch tests"},
		{"branch with no field", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.branch).Condition = &Condition{Op: OpEquals,
				Value: "Austin"}
			return s.branch
		}, SeverityError, "contact field"},
		{"branch has_tag with no tag", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.branch).Condition.Value = ""
			return s.branch
		}, SeverityError, "Choose the tag"},
		{"branch number not a number", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.branch).Condition = &Condition{Field: "age",
				Op: OpGreater, Value: "old"}
			return s.branch
		}, SeverityError, "Enter a number"},
		{"branch date not a date", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.branch).Condition = &Condition{Field: "joined",
				Op: OpBefore, Value: "soon"}
			return s.branch
		}, SeverityError, "Enter a date"},
		{"branch unknown operator", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.branch).Condition = &Condition{Field: "city",
				Op: "sounds_like"}
			return s.branch
		}, SeverityError, "does not know the test"},
		{"audience tags missing", func(t *testing.T, s *sample) string {
			node(t, &s.g, StartID).Audience = &Audience{Mode: AudienceAnyTag}
			return StartID
		}, SeverityError, "at least one tag"},
		{"audience condition empty", func(t *testing.T, s *sample) string {
			node(t, &s.g, StartID).Audience = &Audience{
				Mode: AudienceCondition}
			return StartID
		}, SeverityError, "the audience tests"},
		{"unknown kind", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.end2).Kind = "fax"
			return s.end2
		}, SeverityError, "does not know"},
		{"edge to a missing node", func(t *testing.T, s *sample) string {
			s.g.Edges = append(s.g.Edges, Edge{From: s.end, To: "gone"})
			return ""
		}, SeverityError, "no longer exists"},
		{"two edges on one port", func(t *testing.T, s *sample) string {
			s.g.Edges = append(s.g.Edges,
				Edge{From: s.send, Port: PortNext, To: s.end})
			return s.send
		}, SeverityError, "two connections"},
		{"edge out of an End", func(t *testing.T, s *sample) string {
			s.g.Edges = append(s.g.Edges,
				Edge{From: s.end2, Port: PortNext, To: s.send})
			return s.end2
		}, SeverityError, "output it does not have"},
		{"edge into start", func(t *testing.T, s *sample) string {
			s.g.Disconnect(s.offer, PortNext)
			s.g.Edges = append(s.g.Edges,
				Edge{From: s.offer, Port: PortNext, To: StartID})
			return s.offer
		}, SeverityError, "leads into Start"},
		{"duplicate IDs", func(t *testing.T, s *sample) string {
			node(t, &s.g, s.end2).ID = s.end
			return s.end
		}, SeverityError, "share the ID"},
		{"no start", func(t *testing.T, s *sample) string {
			s.g.Nodes = s.g.Nodes[1:]
			return ""
		}, SeverityError, "no Start"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSample(t)
			id := tt.edit(t, &s)
			ps := Validate(s.g, testMessages())
			if !hasProblem(ps, id, tt.sev, tt.text) {
				t.Errorf("got %+v, want a %s on %q containing %q",
					ps, tt.sev, id, tt.text)
			}
			err := s.g.CanStart(testMessages())
			if blocks := tt.sev == SeverityError; (err != nil) != blocks {
				t.Errorf("CanStart: got %v, want blocked=%v", err, blocks)
			}
		})
	}
}

func hasProblem(ps []Problem, id string, sev Severity, text string) bool {
	for _, p := range ps {
		if p.NodeID == id && p.Severity == sev &&
			strings.Contains(p.Text, text) {
			return true
		}
	}
	return false
}

func TestValidate_MessageWithProblemBlocksStart(t *testing.T) {
	s := newSample(t)
	node(t, &s.g, s.send).MessageID = 2

	var found bool
	for _, p := range Validate(s.g, withProblem) {
		if p.NodeID == s.send && p.Severity == SeverityError &&
			strings.Contains(p.Text, "frist_name") {
			found = true
		}
	}
	if !found {
		t.Errorf("no error names the bad merge field: %+v",
			Validate(s.g, withProblem))
	}
	if err := s.g.CanStart(withProblem); err == nil {
		t.Error("CanStart allowed a message that cannot be sent")
	}
}

func TestValidate_NilMessagesKnowsNone(t *testing.T) {
	s := newSample(t)
	ps := Validate(s.g, nil)
	if !hasProblem(ps, s.send, SeverityError, "was deleted") {
		t.Errorf("got %+v, want the message reported missing", ps)
	}
}

func TestValidate_ProblemsFollowNodeOrder(t *testing.T) {
	s := newSample(t)
	node(t, &s.g, s.offer).MessageID = 0
	node(t, &s.g, s.send).MessageID = 0
	ps := Validate(s.g, testMessages())
	if len(ps) != 2 || ps[0].NodeID != s.send || ps[1].NodeID != s.offer {
		t.Errorf("got %+v, want send then offer", ps)
	}
}

func TestGraph_CanStartCountsErrors(t *testing.T) {
	s := newSample(t)
	node(t, &s.g, s.offer).MessageID = 0
	node(t, &s.g, s.send).MessageID = 0
	err := s.g.CanStart(testMessages())
	if ErrorCode(err) != EINVALID {
		t.Fatalf("got %v, want EINVALID", err)
	}
	if got := ErrorMessage(err); !strings.Contains(got, "2 problems") {
		t.Errorf("got %q, want it to count 2 problems", got)
	}
}

func TestSeverity_String(t *testing.T) {
	if got := SeverityWarning.String(); got != "warning" {
		t.Errorf("got %q, want warning", got)
	}
	if got := SeverityError.String(); got != "error" {
		t.Errorf("got %q, want error", got)
	}
}
