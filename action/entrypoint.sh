#!/bin/sh
# Entry script of the exportqc GitHub Action (action.yml). It runs
# `exportqc check` with the action's inputs, from environment variables:
#
#   EXPORTQC_BIN   the exportqc binary (default: exportqc on PATH)
#   INPUT_PATH     files or folders, one per line or separated by blanks;
#                  a line that names an existing file or folder is one
#                  path, blanks and all (default .)
#   INPUT_PROFILE  --profile (default netflix)
#   INPUT_FAIL_ON  --fail-on (default error)
#   INPUT_ARGS     more flags, split on blanks
#   INPUT_SARIF    SARIF report path (default exportqc.sarif)
#
# The text report goes to the log (with annotations, as GITHUB_ACTIONS is
# set), the Markdown summary to $GITHUB_STEP_SUMMARY (exportqc writes it),
# the SARIF report to INPUT_SARIF. It writes exit-code and sarif to
# $GITHUB_OUTPUT and exits 0 when exportqc ran (pass or findings), so the
# SARIF upload still happens; the action's last step turns exit-code into
# the job's result. A usage or configuration error (exit 2) fails at once.
set -u

bin=${EXPORTQC_BIN:-exportqc}
paths=${INPUT_PATH:-.}
profile=${INPUT_PROFILE:-netflix}
fail_on=${INPUT_FAIL_ON:-error}
extra=${INPUT_ARGS:-}
sarif=${INPUT_SARIF:-exportqc.sarif}
out=${GITHUB_OUTPUT:-/dev/null}

# Blanks separate flags, and paths on a line, unless the whole line
# (trimmed) names something that exists: "Season 1/" is one folder, as the
# workspace or a delivery may have blanks in its names. Globbing stays off
# so a pattern reaches exportqc as written.
set -f
# shellcheck disable=SC2086 # splitting is intended
set -- check --quiet --format text --report "sarif=$sarif" --profile "$profile" --fail-on "$fail_on" $extra
blanks_ifs=$IFS
IFS='
'
for line in $paths; do
	IFS=$blanks_ifs
	line=${line#"${line%%[![:blank:]]*}"}
	line=${line%"${line##*[![:blank:]]}"}
	if [ -n "$line" ] && [ -e "$line" ]; then
		set -- "$@" "$line"
	else
		# shellcheck disable=SC2086 # a line that names nothing is split on blanks
		set -- "$@" $line
	fi
	IFS='
'
done
IFS=$blanks_ifs
set +f

status=0
"$bin" "$@" || status=$?

echo "exit-code=$status" >>"$out"
if [ "$status" -ge 2 ]; then
	echo "exportqc: exit $status (usage or configuration error); no report" >&2
	exit "$status"
fi
echo "sarif=$sarif" >>"$out"
exit 0
