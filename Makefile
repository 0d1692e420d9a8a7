# Nurture's two commands on a fresh Debian or Ubuntu machine:
#   make run    install what is missing, build, open the app
#   make test   go vet, then every test (keychain and window included)

GO       ?= go
BINARY   ?= nurture
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -X main.version=$(VERSION)

# Debian packages: what building needs, and what the tests add.
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev \
	gnome-keyring dbus-x11
TEST_PKGS  := $(BUILD_PKGS) dbus xvfb xauth xdotool imagemagick

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run build test deps test-deps bench fuzz clean

run: deps build
	./$(BINARY)

build:
	@[ -f $(BINARY) ] || echo "Building Nurture. The first build compiles" \
		"Fyne and SQLite and takes a few minutes."
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BINARY) .

# deps installs the missing Debian packages only, so that a second run
# asks for no password.
deps:
	@./.ci/install-packages $(BUILD_PKGS)

test-deps:
	@./.ci/install-packages $(TEST_PKGS)

# The tests run under a private D-Bus session with an unlocked
# gnome-keyring, so they use the real Secret Service and leave no
# daemon behind; the window smoke test starts its own Xvfb.
test: test-deps
	$(GO) vet ./...
	XDG_DATA_HOME=$$(mktemp -d) NURTURE_REQUIRE_KEYRING=1 \
		dbus-run-session -- sh -c 'echo -n test | \
		gnome-keyring-daemon --unlock --components=secrets >/dev/null && \
		$(GO) test -count=1 ./...'

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# fuzz runs each fuzz test for FUZZTIME (default 30s).
FUZZTIME ?= 30s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) \
				$$pkg || exit 1; \
		done; \
	done

clean:
	rm -f $(BINARY)
