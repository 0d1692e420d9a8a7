// Package assets holds the files Nurture embeds in its binary.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is Nurture's application icon.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
