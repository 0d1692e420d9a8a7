package campaign

// NodeKind names what a node does.
type NodeKind string

// The kinds of node.
const (
	KindStart  NodeKind = "start"
	KindSend   NodeKind = "send_sms"
	KindWait   NodeKind = "wait"
	KindBranch NodeKind = "branch"
	KindEnd    NodeKind = "end"
)

// Ports name a node's outputs. Most nodes have one output, PortNext;
// a Branch has PortYes and PortNo.
const (
	PortNext = "next"
	PortYes  = "yes"
	PortNo   = "no"
)

// Graph is a campaign's nodes and the edges between them.
type Graph struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
}

// Node is one step of a campaign. Only the settings that belong to its
// Kind are used; the others stay nil.
type Node struct {
	ID   string   `json:"id"`
	Kind NodeKind `json:"kind"`
	// X and Y place the node on the canvas, in canvas units.
	X float32 `json:"x"`
	Y float32 `json:"y"`

	Audience  *Audience  `json:"audience,omitempty"`   // Start
	MessageID int64      `json:"message_id,omitempty"` // Send SMS
	Wait      *Wait      `json:"wait,omitempty"`       // Wait
	Condition *Condition `json:"condition,omitempty"`  // Branch
}

// Edge joins a node's output port to another node.
type Edge struct {
	From string `json:"from"`
	Port string `json:"port"`
	To   string `json:"to"`
}

// AudienceMode says which contacts a campaign's Start node takes in.
type AudienceMode string

// The audience modes.
const (
	AudienceAll       AudienceMode = "all"
	AudienceAnyTag    AudienceMode = "any_tag"
	AudienceAllTags   AudienceMode = "all_tags"
	AudienceCondition AudienceMode = "condition"
)

// Audience is the Start node's choice of contacts.
type Audience struct {
	Mode      AudienceMode `json:"mode"`
	Tags      []string     `json:"tags,omitempty"`
	Condition *Condition   `json:"condition,omitempty"`
	// IncludeNew lets contacts that match later enter the campaign too.
	IncludeNew bool `json:"include_new"`
}

// WaitMode says how a Wait node measures its pause.
type WaitMode string

// The wait modes.
const (
	WaitFor   WaitMode = "for"   // a fixed duration
	WaitUntil WaitMode = "until" // the next given weekday and time of day
)

// WaitUnit is the unit of a fixed wait.
type WaitUnit string

// The units of a fixed wait.
const (
	Minutes WaitUnit = "minutes"
	Hours   WaitUnit = "hours"
	Days    WaitUnit = "days"
)

// Wait is a Wait node's settings.
type Wait struct {
	Mode   WaitMode `json:"mode"`
	Amount int      `json:"amount,omitempty"`
	Unit   WaitUnit `json:"unit,omitempty"`
	// Weekday is 0 (Sunday) to 6, or -1 for the next day at all.
	Weekday int `json:"weekday,omitempty"`
	// TimeOfDay is minutes after local midnight.
	TimeOfDay int `json:"time_of_day,omitempty"`
}

// Operator is a Branch condition's test.
type Operator string

// The condition operators.
const (
	OpEquals   Operator = "equals"
	OpContains Operator = "contains"
	OpEmpty    Operator = "is_empty"
	OpHasTag   Operator = "has_tag"
	OpGreater  Operator = "greater_than"
	OpLess     Operator = "less_than"
	OpBefore   Operator = "date_before"
	OpAfter    Operator = "date_after"
)

// Condition tests one contact field or tag. Field names the built-in
// fields (first_name, last_name, email, phone) or a custom field.
type Condition struct {
	Field string   `json:"field,omitempty"`
	Op    Operator `json:"op"`
	Value string   `json:"value,omitempty"`
}

// StartID is the ID of the Start node that NewGraph makes.
const StartID = "start"

// NewGraph returns a graph holding only its Start node, whose audience
// is all contacts.
func NewGraph() Graph {
	return Graph{Nodes: []Node{{
		ID:       StartID,
		Kind:     KindStart,
		X:        10 * GridSize,
		Y:        2 * GridSize,
		Audience: &Audience{Mode: AudienceAll},
	}}}
}
