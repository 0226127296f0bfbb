#!/usr/bin/env bash
# Regenerates PostgreSQL-Main.sql and PostgreSQL-Persistence.sql byte for byte: Orleans' own ADO.NET scripts for
# PostgreSQL (dotnet/orleans, MIT), which the Microsoft.Orleans.Persistence.AdoNet package does not ship.
# Usage: fetch-orleans-sql.sh [path to a clone of dotnet/orleans]   (without a clone: from raw.githubusercontent.com)
# The pinned commit (2026-02-15) is the last to touch either file on main as of 2026-08-22 (read 2026-12-03).
set -euo pipefail
cd "$(dirname "$0")"
commit=b8fbdd0991d8ea9d07a3167c6e7147ce9797269b
for path in src/AdoNet/Shared/PostgreSQL-Main.sql src/AdoNet/Orleans.Persistence.AdoNet/PostgreSQL-Persistence.sql; do
  if [ -n "${1:-}" ]; then
    git -C "$1" show "$commit:$path" >"$(basename "$path")"
  else
    curl -fsSL "https://raw.githubusercontent.com/dotnet/orleans/$commit/$path" -o "$(basename "$path")"
  fi
done
sha256sum -c <<'SUMS'
623c15320e640cdd3e84d0668dcae481312f2631ac4977bf2eb8cf22e05deb8b  PostgreSQL-Main.sql
6913a5a83988e47a6239a8598f56cfcab529268f1f3cd57862de65b87bec2961  PostgreSQL-Persistence.sql
SUMS
