package campaign

import "math"

// GridSize is the spacing of the canvas grid, in canvas units. Nodes
// snap to it when moved and Layout places them on it.
const GridSize = 20

// Snap rounds v to the nearest multiple of GridSize.
func Snap(v float32) float32 {
	if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
		return 0
	}
	return float32(math.Round(float64(v)/GridSize)) * GridSize
}
