# SPDX-License-Identifier: GPL-2.0-only
# Turns layout.tab into C: one LAYOUT_SIZE(type, size) and one
# LAYOUT_FIELD(type, field, offset) per entry, for the includer to define.
#
# layout.tab: an entry starts in column 0 with the type (one word, or
# "struct"/"union" and a tag) and its size, followed by field=offset
# pairs; indented lines carry more pairs for the entry above.  "%tools"
# starts the part that needs __XEN_TOOLS__; '#' starts a comment.

function fail(msg)
{
    printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"
    failed = 1
    exit 1
}

function pairs(from,    i, eq)
{
    for ( i = from; i <= NF; i++ )
    {
        eq = index($i, "=")
        if ( eq < 2 || substr($i, eq + 1) !~ /^[0-9]+$/ )
            fail("expected field=offset, got '" $i "'")
        printf "LAYOUT_FIELD(%s, %s, %s)\n", type, substr($i, 1, eq - 1),
               substr($i, eq + 1)
    }
}

BEGIN {
    print "/* Generated from tests/abi/layout.tab; do not edit. */"
    tools = 0
}

{ sub(/#.*/, "") }

/^[ \t]*$/ { next }

/^%tools[ \t]*$/ {
    if ( tools )
        fail("second %tools")
    print "#if defined(__XEN__) || defined(__XEN_TOOLS__) || defined(__HV__)"
    tools = 1
    next
}

/^[ \t]/ {
    if ( type == "" )
        fail("continuation before any entry")
    pairs(1)
    next
}

{
    n = 1
    if ( $1 == "struct" || $1 == "union" )
        n = 2
    type = $1
    if ( n == 2 )
        type = $1 " " $2
    if ( $(n + 1) !~ /^[0-9]+$/ )
        fail("expected the size of " type)
    printf "LAYOUT_SIZE(%s, %s)\n", type, $(n + 1)
    pairs(n + 2)
}

END {
    if ( failed )
        exit 1
    if ( tools )
        print "#endif"
}
