# The interface to the project: `make demo`, `make test`, `make conformance`.
# Every target installs what it needs from Debian when it is missing.

SHARED   ?= ../shared
SWIFT    ?= swift
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_DEPS := pkg-config libcmark-dev libxml2-dev libzip-dev
BIN_DIR   = $(shell $(SWIFT) build --show-bin-path)
PUBLISH   = $(BIN_DIR)/publish
DEMO_OUT := examples/site/_site

.PHONY: all deps test-deps build test conformance demo clean

all: build

# Debian packages the build links against; installed only when missing.
deps:
	@command -v dpkg >/dev/null || { echo "make deps: this machine has no dpkg; install $(APT_DEPS) by hand" >&2; exit 1; }
	@missing=""; for p in $(APT_DEPS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# Python packages the tests judge outputs with; installed only when missing.
PIP_DEPS := cmarkgfm
test-deps:
	@for p in $(PIP_DEPS); do \
	  python3 -c "import $$p" 2>/dev/null || python3 -m pip install --quiet $$p || \
	    { echo "make test-deps: could not install the Python package $$p, which the tests need" >&2; exit 1; }; \
	done

build: deps
	$(SWIFT) build

# Unit and command tests, then the GFM dialect against cmark-gfm itself.
test: build test-deps
	$(SWIFT) test
	python3 Tests/Conformance/gfm_oracle.py \
	  --program "$(PUBLISH) render --pipeline Tests/Fixtures/gfm/oracle.yml"

# Spec suites read from $(SHARED); they are not part of `make test`.
conformance: build
	@test -f $(SHARED)/conformance/commonmark-0.30.json || { echo "make conformance: $(SHARED)/conformance/commonmark-0.30.json not found (set SHARED=...)" >&2; exit 1; }
	python3 Tests/Conformance/commonmark.py --spec $(SHARED)/conformance/commonmark-0.30.json \
	  --program "$(PUBLISH) render --from commonmark --to html"

# Renders every example post to HTML, plain text and the JSON tree.
demo: build
	@rm -rf $(DEMO_OUT) && mkdir -p $(DEMO_OUT)
	@status=0; for post in examples/site/_posts/*; do \
	  name=$$(basename "$${post%.*}"); \
	  for format in html text json; do \
	    $(PUBLISH) render "$$post" --to $$format > "$(DEMO_OUT)/$$name.$$format" || status=1; \
	  done; \
	done; \
	echo "Rendered $$(ls examples/site/_posts | wc -l) posts into $(DEMO_OUT)/ (.html, .text, .json)"; \
	exit $$status

clean:
	rm -rf .build $(DEMO_OUT)
