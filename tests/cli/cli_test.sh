#!/usr/bin/env bash
# The command-line tool end to end: extraction, offsets, JSON lines, bad input.
# Usage: cli_test.sh <path to isnad>
set -u
isnad="$1"
passed=0
failed=0
check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $1: expected [$2], got [$3]"; fi
}
field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=eval("JSON.parse(s)"+process.argv[1]);console.log(typeof v==="object"?JSON.stringify(v):v)})' "$1"; }

text='🙂 وقالت الوزيرة سلمى حداد إن "الحل قريب".'
out=$(printf '%s' "$text" | "$isnad" extract)
check "exit status" 0 $?
check "one claim" 1 "$(printf '%s' "$out" | field '.claims.length')"
check "speaker" "سلمى حداد" "$(printf '%s' "$out" | field '.speakers[0].name')"
check "utf16 start" 31 "$(printf '%s' "$out" | field '.claims[0].content.start')"
check "codepoint start" 30 "$(printf '%s' "$text" | "$isnad" extract --offsets codepoint | field '.claims[0].content.start')"
pretty=$(printf '%s' "$text" | "$isnad" extract --pretty)
check "pretty is indented" true "$(printf '%s' "$pretty" | grep -q '^  "claims": \[' && echo true)"
check "pretty is the same document" "$(printf '%s' "$out" | field '')" "$(printf '%s' "$pretty" | field '')"
check "utf8 start" 55 "$(printf '%s' "$text" | "$isnad" extract --offsets utf8 | field '.claims[0].content.start')"

lines=$(printf '{"id":"a","text":"قال الوزير إن الحل قريب."}\nnot json\n{"id":"b","text":""}\n' | "$isnad" extract --jsonl)
check "jsonl exit status" 1 $?
check "jsonl lines" 3 "$(printf '%s\n' "$lines" | wc -l | tr -d ' ')"
check "jsonl bad line" true "$(printf '%s\n' "$lines" | sed -n 2p | field '.error !== undefined')"
check "jsonl id kept" b "$(printf '%s\n' "$lines" | sed -n 3p | field '.id')"

printf 'abc\x80def' | "$isnad" extract > /dev/null 2>&1
check "invalid UTF-8 exit status" 2 $?
check "invalid UTF-8 message" 1 "$(printf 'abc\x80def' | "$isnad" extract 2>&1 >/dev/null | grep -c 'byte 3')"
check "replaced UTF-8" true "$(printf 'abc\x80def' | "$isnad" extract --replace-invalid 2>/dev/null | field '.warnings[0].startsWith("replaced")')"
printf 'قال' | "$isnad" extract --max-bytes 2 > /dev/null 2>&1
check "input over the limit" 2 $?
check "empty input" 0 "$(printf '' | "$isnad" extract | field '.claims.length')"

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
