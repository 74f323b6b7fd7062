// Checks what a CI lint gate shows: the first build failed with aopcheck's diagnostic at the
// line of the bug, the second (fixed) build succeeded.
def log = new File(basedir, 'build.log').text
def diagnostic = ~/PageReader\.java:\[\d+,\d+\] \[AopTruncatedPageUnhandled\]/
assert log =~ diagnostic : 'the build before the fix must fail with AopTruncatedPageUnhandled'
assert log.indexOf('BUILD FAILURE') >= 0 : 'the build before the fix must fail'
assert log.lastIndexOf('BUILD SUCCESS') > log.indexOf('BUILD FAILURE') : 'the fixed build must pass'
return true
