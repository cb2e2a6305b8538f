# Makefile for a small C command-line tool
CC      ?= gcc
CFLAGS  := -Wall -Wextra -O2 -std=c11
LDFLAGS += -lm
PREFIX  ?= /usr/local
VERSION := $(shell git describe --tags --always 2>/dev/null || echo dev)

SRC_DIR   = src
BUILD_DIR = build
TARGET    = $(BUILD_DIR)/wordcount

SRCS := $(wildcard $(SRC_DIR)/*.c)
OBJS := $(patsubst $(SRC_DIR)/%.c,$(BUILD_DIR)/%.o,$(SRCS))
DEPS := $(OBJS:.o=.d)

export GOFLAGS
-include $(DEPS)

ifeq ($(DEBUG),1)
CFLAGS += -g -DDEBUG
else
CFLAGS += -DNDEBUG
endif

.PHONY: all clean install test help

all: $(TARGET) ## Build the binary

$(TARGET): $(OBJS) | $(BUILD_DIR)
	@echo "  LD    $@"
	$(CC) $(OBJS) -o $@ $(LDFLAGS)

$(BUILD_DIR)/%.o: $(SRC_DIR)/%.c | $(BUILD_DIR)
	@echo "  CC    $<"
	$(CC) $(CFLAGS) -DVERSION=\"$(VERSION)\" -MMD -c $< -o $@

$(BUILD_DIR):
	mkdir -p $@

test: $(TARGET)
	@for t in tests/*.txt; do \
		expected="$${t%.txt}.out"; \
		./$(TARGET) < "$$t" | diff -q - "$$expected" || exit 1; \
	done
	@echo "all tests passed"

install: $(TARGET)
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(TARGET) $(DESTDIR)$(PREFIX)/bin/

clean:
	-rm -rf $(BUILD_DIR)

help:
	@grep -E '^[a-zA-Z_-]+:.*?## .*$$' $(MAKEFILE_LIST) | sort

docker-build:
	docker build -t example/wordcount:$(VERSION) .
	docker tag example/wordcount:$(VERSION) example/wordcount:latest

release: clean all
	tar czf wordcount-$(VERSION).tar.gz -C $(BUILD_DIR) wordcount
	@echo 'Created wordcount-$(VERSION).tar.gz'
