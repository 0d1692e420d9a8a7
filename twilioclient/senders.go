package twilioclient

// SenderKind is the type of a Sender, which sets how fast it may send.
type SenderKind string

// The kinds of Sender a Messaging Service can hold.
const (
	LongCode  SenderKind = "long code"
	TollFree  SenderKind = "toll-free"
	ShortCode SenderKind = "short code"
)

// Sender is one number in the Messaging Service's sender pool.
type Sender struct {
	Number  string // E.164, or the digits of a short code
	Kind    SenderKind
	Country string // ISO code, e.g. "US"
}

// SegmentsPerSecond is the Sender kind's default throughput.
func (k SenderKind) SegmentsPerSecond() float64 {
	switch k {
	case TollFree:
		return 3
	case ShortCode:
		return 100
	default:
		return 1
	}
}

// Throughput returns how many Segments per second the Senders may send
// together. A registered 10DLC campaign's throughput belongs to the
// campaign, not the number: when tenDLC is above zero it replaces the
// long codes' share.
func Throughput(senders []Sender, tenDLC float64) float64 {
	var total, longCodes float64
	for _, s := range senders {
		if s.Kind == LongCode {
			longCodes += s.Kind.SegmentsPerSecond()
			continue
		}
		total += s.Kind.SegmentsPerSecond()
	}
	if tenDLC > 0 && longCodes > 0 {
		return total + tenDLC
	}
	return total + longCodes
}
