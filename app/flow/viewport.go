package flow

import "fyne.io/fyne/v2"

// The limits of the zoom: below MinZoom a card is too small to find, and
// above MaxZoom a single card fills a laptop screen.
const (
	MinZoom float32 = 0.25
	MaxZoom float32 = 2.5
)

// Viewport maps the campaign's own coordinates (canvas units, where a
// Node's X and Y live) to the widget's pixels and back. A point p in
// canvas units is drawn at p*Zoom + Pan.
type Viewport struct {
	Pan  fyne.Position
	Zoom float32
}

// NewViewport returns a viewport at 100% with the origin top left.
func NewViewport() Viewport { return Viewport{Zoom: 1} }

// ToScreen converts a point in canvas units to widget pixels.
func (v Viewport) ToScreen(p fyne.Position) fyne.Position {
	return fyne.NewPos(p.X*v.Zoom+v.Pan.X, p.Y*v.Zoom+v.Pan.Y)
}

// ToCanvas converts a point in widget pixels to canvas units.
func (v Viewport) ToCanvas(p fyne.Position) fyne.Position {
	z := v.zoom()
	return fyne.NewPos((p.X-v.Pan.X)/z, (p.Y-v.Pan.Y)/z)
}

// zoom is Zoom, or 1 for a zero Viewport.
func (v Viewport) zoom() float32 {
	if v.Zoom <= 0 {
		return 1
	}
	return v.Zoom
}

// ZoomAt changes the zoom by factor while keeping the canvas point under
// the widget pixel at fixed: the pointer stays over the same Node.
func (v Viewport) ZoomAt(at fyne.Position, factor float32) Viewport {
	old := v.zoom()
	z := ClampZoom(old * factor)
	anchor := v.ToCanvas(at)
	return Viewport{
		Zoom: z,
		Pan:  fyne.NewPos(at.X-anchor.X*z, at.Y-anchor.Y*z),
	}
}

// Fit returns the viewport that shows the canvas rectangle (min, max)
// whole and centred in a widget of the given size, with margin pixels
// around it. It never zooms in beyond 100%, so a small campaign keeps
// its natural size.
func Fit(min, max fyne.Position, size fyne.Size, margin float32) Viewport {
	w := max.X - min.X
	h := max.Y - min.Y
	if w <= 0 || h <= 0 || size.Width <= 0 || size.Height <= 0 {
		return NewViewport()
	}

	availW := size.Width - 2*margin
	availH := size.Height - 2*margin
	z := float32(1)
	if zw := availW / w; zw < z {
		z = zw
	}
	if zh := availH / h; zh < z {
		z = zh
	}
	z = ClampZoom(z)

	cx := (min.X + max.X) / 2
	cy := (min.Y + max.Y) / 2
	return Viewport{
		Zoom: z,
		Pan:  fyne.NewPos(size.Width/2-cx*z, size.Height/2-cy*z),
	}
}

// ClampZoom keeps z within MinZoom and MaxZoom.
func ClampZoom(z float32) float32 {
	switch {
	case z < MinZoom:
		return MinZoom
	case z > MaxZoom:
		return MaxZoom
	}
	return z
}
