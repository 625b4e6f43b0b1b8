#!/usr/bin/env bash
# Install everything orderintake needs on a fresh Debian/Ubuntu machine:
# system packages (Tesseract with French data, LibreOffice for Word/Excel orders, and
# with --dev: Dovecot, PostgreSQL and Chromium for the tests), a virtual environment in
# .venv with the pinned dependencies, and the generated training corpus.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

dev=0
for arg in "$@"; do
  case $arg in
    --dev) dev=1 ;;
    *) echo "usage: $0 [--dev]" >&2; exit 2 ;;
  esac
done

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi

pkgs=(python3 python3-venv python3-dev gcc tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng
      tesseract-ocr-osd libreoffice-writer-nogui libreoffice-calc-nogui fonts-dejavu-core
      fonts-dejavu-extra fonts-liberation)
if [ "$dev" -eq 1 ]; then
  pkgs+=(dovecot-imapd openssl postgresql chromium)
fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo ">> installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  # policy-rc.d-less containers would start Dovecot/PostgreSQL services: we start our own.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "orderintake needs Python 3.11 or newer ($python is $("$python" --version 2>&1))" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  echo ">> creating .venv"
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
extras=""
if [ "$dev" -eq 1 ]; then extras="[dev]"; fi
echo ">> installing Python dependencies (constraints: deploy/constraints.txt)"
.venv/bin/python -m pip install -q -c deploy/constraints.txt -e ".${extras}" 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/python -c 'import orderintake' # fail loudly if the install did not work

echo ">> generating the training corpus (deterministic)"
.venv/bin/python -m training_set.generate >/dev/null
if [ -f training_set/holdout/generate_holdout.py ]; then
  .venv/bin/python training_set/holdout/generate_holdout.py >/dev/null
fi
echo ">> installed: run .venv/bin/orderintake --help"
