//go:build linux && !wayland

package app

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>
#include <X11/Xutil.h>

// windowPos reads where window w's top-left corner is on its screen.
static int windowPos(unsigned long w, int *x, int *y) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return 0;
	Window child;
	int ok = XTranslateCoordinates(d, (Window)w, DefaultRootWindow(d),
		0, 0, x, y, &child);
	XCloseDisplay(d);
	return ok;
}

// moveWindow puts window w's top-left corner at (x, y). Static gravity
// asks the window manager to place the window itself there, not its
// frame, so the window does not creep down by a title bar each run.
static void moveWindow(unsigned long w, int x, int y) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return;
	XSizeHints *h = XAllocSizeHints();
	if (h) {
		long supplied;
		XGetWMNormalHints(d, (Window)w, h, &supplied);
		h->flags |= PWinGravity;
		h->win_gravity = StaticGravity;
		XSetWMNormalHints(d, (Window)w, h);
		XFree(h);
	}
	XMoveWindow(d, (Window)w, x, y);
	XFlush(d);
	XCloseDisplay(d);
}
*/
import "C"

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// nativeWindow returns the X11 window behind w, or 0.
func nativeWindow(w fyne.Window) C.ulong {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return 0
	}
	var handle uintptr
	nw.RunNative(func(ctx any) {
		if x, ok := ctx.(driver.X11WindowContext); ok {
			handle = x.WindowHandle
		}
	})
	return C.ulong(handle)
}

// windowPosition reads the window's place on screen, in pixels.
func windowPosition(w fyne.Window) (x, y int, ok bool) {
	h := nativeWindow(w)
	if h == 0 {
		return 0, 0, false
	}
	var cx, cy C.int
	if C.windowPos(h, &cx, &cy) == 0 {
		return 0, 0, false
	}
	return int(cx), int(cy), true
}

// moveWindow puts the window at (x, y) on screen, in pixels.
func moveWindow(w fyne.Window, x, y int) {
	if h := nativeWindow(w); h != 0 {
		C.moveWindow(h, C.int(x), C.int(y))
	}
}
