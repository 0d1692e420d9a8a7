package flow

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestViewport_RoundTrip(t *testing.T) {
	tests := []struct {
		name string
		vp   Viewport
		p    fyne.Position
		want fyne.Position
	}{
		{"identity", NewViewport(), fyne.NewPos(30, 40), fyne.NewPos(30, 40)},
		{"panned", Viewport{Pan: fyne.NewPos(100, -50), Zoom: 1},
			fyne.NewPos(30, 40), fyne.NewPos(130, -10)},
		{"zoomed", Viewport{Zoom: 2}, fyne.NewPos(30, 40),
			fyne.NewPos(60, 80)},
		{"both", Viewport{Pan: fyne.NewPos(10, 20), Zoom: 0.5},
			fyne.NewPos(100, 200), fyne.NewPos(60, 120)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.vp.ToScreen(tt.p)
			if got != tt.want {
				t.Errorf("ToScreen(%v) = %v, want %v", tt.p, got, tt.want)
			}
			if back := tt.vp.ToCanvas(got); back != tt.p {
				t.Errorf("ToCanvas(%v) = %v, want %v", got, back, tt.p)
			}
		})
	}
}

func TestViewport_ZoomAtKeepsPointStill(t *testing.T) {
	vp := Viewport{Pan: fyne.NewPos(40, 30), Zoom: 1}
	at := fyne.NewPos(300, 200)
	under := vp.ToCanvas(at)

	for _, f := range []float32{1.2, 1 / 1.2, 3, 0.1} {
		got := vp.ZoomAt(at, f)
		if p := got.ToCanvas(at); !close(p, under) {
			t.Errorf("factor %v: point under pointer = %v, want %v",
				f, p, under)
		}
	}
}

func TestClampZoom(t *testing.T) {
	tests := []struct{ in, want float32 }{
		{0.1, MinZoom}, {0.25, 0.25}, {1, 1}, {2.5, 2.5}, {9, MaxZoom},
	}
	for _, tt := range tests {
		if got := ClampZoom(tt.in); got != tt.want {
			t.Errorf("ClampZoom(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFit(t *testing.T) {
	tests := []struct {
		name     string
		min, max fyne.Position
		size     fyne.Size
		wantZoom float32
	}{
		{"small graph stays at 100%", fyne.NewPos(0, 0),
			fyne.NewPos(200, 100), fyne.NewSize(800, 600), 1},
		{"tall graph shrinks", fyne.NewPos(0, 0), fyne.NewPos(200, 1000),
			fyne.NewSize(800, 540), 0.5},
		{"huge graph stops at the minimum", fyne.NewPos(0, 0),
			fyne.NewPos(200, 100000), fyne.NewSize(800, 600), MinZoom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vp := Fit(tt.min, tt.max, tt.size, 20)
			if vp.Zoom != tt.wantZoom {
				t.Errorf("zoom = %v, want %v", vp.Zoom, tt.wantZoom)
			}
			mid := fyne.NewPos((tt.min.X+tt.max.X)/2, (tt.min.Y+tt.max.Y)/2)
			want := fyne.NewPos(tt.size.Width/2, tt.size.Height/2)
			if got := vp.ToScreen(mid); !close(got, want) {
				t.Errorf("middle of graph drawn at %v, want %v", got, want)
			}
		})
	}
}

func close(a, b fyne.Position) bool {
	d := func(x, y float32) bool { return x-y < 0.01 && y-x < 0.01 }
	return d(a.X, b.X) && d(a.Y, b.Y)
}
