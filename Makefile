# Kanji Write: `make run` sets up and starts the app; `make test` sets up and runs the tests.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

SWIFT ?= swift
PREFIX ?= /usr/local
CACHE := Data/cache
DB := Data/kanji.sqlite

KANJIVG_VERSION := 20260714
KANJIVG_WHEEL := $(CACHE)/kanjivg-$(KANJIVG_VERSION)-py3-none-any.whl
KANJIVG_SHA256 := 5190e7ec4eb513dbe6865b2ed52c58287fc10ea514b9409e4cf66ce7db41644d
KANJIDIC_VERSION := 2022.08.23
KANJIDIC_DEB := $(CACHE)/kanjidic-xml_$(KANJIDIC_VERSION)_all.deb
KANJIDIC_SHA256 := d85c61495d3ea4acd3e7e78a9b6616e5511533d0909120ae038652c97d54e2e9
KANJIDIC_XML := $(CACHE)/kanjidic-xml/usr/share/edict/kanjidic2.xml.gz
JAMDICT_VERSION := 1.5
JAMDICT_SDIST := $(CACHE)/jamdict_data-$(JAMDICT_VERSION).tar.gz
JAMDICT_SHA256 := a4247dd9bb3148ab17c1b32fc56d7a7f1c35293b0d6ff2838c811f896d13f415
JMDICT_DB := $(CACHE)/jamdict/jamdict.db

# Debian packages the build and the tests need.
SYSTEM_PACKAGES := libncurses-dev libsqlite3-dev zlib1g-dev pkg-config tmux python3-pip time xz-utils

BIN_DEBUG = $(shell $(SWIFT) build --show-bin-path)/kanji-write

.PHONY: all build run test bench data deps install clean distclean format

all: build

## deps: check the system packages, installing the missing ones when run as root.
deps:
	@missing=(); \
	for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$$p"); \
	done; \
	if ((${#missing[@]})); then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing ${missing[*]}"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; \
	  else \
	    echo "Missing system packages: ${missing[*]}"; \
	    echo "Install them with: sudo apt-get install ${missing[*]}"; exit 1; \
	  fi; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "Swift 6 is needed: https://www.swift.org/install/linux/"; exit 1; }

build: deps
	$(SWIFT) build

## data: download KanjiVG, KANJIDIC2 and JMdict by package name, check them, build the reference database.
data: $(DB)

$(KANJIVG_WHEEL):
	@mkdir -p $(CACHE)
	@command -v pip >/dev/null || command -v pip3 >/dev/null || { echo "pip is needed to fetch KanjiVG: sudo apt-get install python3-pip"; exit 1; }
	@echo "Fetching KanjiVG $(KANJIVG_VERSION) from PyPI"
	@$$(command -v pip || command -v pip3) download --quiet --no-deps --dest $(CACHE) kanjivg==$(KANJIVG_VERSION) \
	  || { echo "Could not download the PyPI package kanjivg==$(KANJIVG_VERSION): check the network or your pip index"; exit 1; }
	@echo "$(KANJIVG_SHA256)  $@" | sha256sum --check --quiet \
	  || { echo "$@ does not have the expected sha256 $(KANJIVG_SHA256); removed it"; rm -f $@; exit 1; }

$(KANJIDIC_DEB):
	@mkdir -p $(CACHE)
	@command -v apt-get >/dev/null || { echo "apt-get is needed to fetch KANJIDIC2 (the Debian package kanjidic-xml)"; exit 1; }
	@echo "Fetching KANJIDIC2 (Debian package kanjidic-xml $(KANJIDIC_VERSION))"
	@cd $(CACHE) && { apt-get download -q=2 kanjidic-xml=$(KANJIDIC_VERSION) 2>/dev/null \
	  || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get download -q=2 kanjidic-xml=$(KANJIDIC_VERSION); }; } \
	  || { echo "Could not download the Debian package kanjidic-xml=$(KANJIDIC_VERSION): run 'sudo apt-get update' and check that your sources list Debian bookworm or later"; exit 1; }
	@echo "$(KANJIDIC_SHA256)  $@" | sha256sum --check --quiet \
	  || { echo "$@ does not have the expected sha256 $(KANJIDIC_SHA256); removed it"; rm -f $@; exit 1; }

$(KANJIDIC_XML): $(KANJIDIC_DEB)
	@command -v dpkg-deb >/dev/null || { echo "dpkg-deb is needed to unpack kanjidic-xml"; exit 1; }
	@dpkg-deb -x $< $(CACHE)/kanjidic-xml
	@touch $@

$(JAMDICT_SDIST):
	@mkdir -p $(CACHE)
	@command -v pip >/dev/null || command -v pip3 >/dev/null || { echo "pip is needed to fetch JMdict: sudo apt-get install python3-pip"; exit 1; }
	@echo "Fetching JMdict (jamdict-data $(JAMDICT_VERSION)) from PyPI"
	@$$(command -v pip || command -v pip3) download --quiet --no-deps --no-binary :all: --dest $(CACHE) jamdict-data==$(JAMDICT_VERSION) \
	  || { echo "Could not download the PyPI package jamdict-data==$(JAMDICT_VERSION): check the network or your pip index"; exit 1; }
	@echo "$(JAMDICT_SHA256)  $@" | sha256sum --check --quiet \
	  || { echo "$@ does not have the expected sha256 $(JAMDICT_SHA256); removed it"; rm -f $@; exit 1; }

# jamdict.db.xz (51 MB) unpacks to a 310 MB SQLite database the importer reads.
$(JMDICT_DB): $(JAMDICT_SDIST)
	@command -v xz >/dev/null || { echo "xz is needed to unpack JMdict: sudo apt-get install xz-utils"; exit 1; }
	@mkdir -p $(CACHE)/jamdict
	@tar -xzf $< -C $(CACHE)/jamdict --strip-components=2 jamdict_data-$(JAMDICT_VERSION)/jamdict_data/jamdict.db.xz
	@rm -f $@ && xz -dk $@.xz && rm -f $@.xz
	@touch $@

# The database is rebuilt when the inputs or the importer change.
$(DB): $(KANJIVG_WHEEL) $(KANJIDIC_XML) $(JMDICT_DB) $(wildcard Sources/KanjiData/Import/*.swift)
	@$(MAKE) --no-print-directory deps
	$(SWIFT) build --product kanji-write
	$(BIN_DEBUG) import --kanjivg $(KANJIVG_WHEEL) --kanjidic $(KANJIDIC_XML) --jmdict $(JMDICT_DB) --out $@

run: deps data
	$(SWIFT) build --product kanji-write
	$(BIN_DEBUG)

test: deps data
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps data
	$(SWIFT) build -c release
	$$($(SWIFT) build -c release --show-bin-path)/kanji-write-bench

install: deps data
	$(SWIFT) build -c release --product kanji-write
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/kanji-write
	install -m 755 $$($(SWIFT) build -c release --show-bin-path)/kanji-write $(DESTDIR)$(PREFIX)/bin/kanji-write
	install -m 644 $(DB) $(DESTDIR)$(PREFIX)/share/kanji-write/kanji.sqlite

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	$(SWIFT) package clean
	rm -f $(DB)

distclean: clean
	rm -rf $(CACHE) .build
