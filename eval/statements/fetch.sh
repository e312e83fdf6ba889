#!/usr/bin/env bash
# Fetches this set's images (see ../lib/fetch-images.sh).
exec bash "$(dirname "${BASH_SOURCE[0]}")/../lib/fetch-images.sh" "$(dirname "${BASH_SOURCE[0]}")"
