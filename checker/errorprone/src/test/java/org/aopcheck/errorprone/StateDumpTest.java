package org.aopcheck.errorprone;

import com.google.errorprone.CompilationTestHelper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The engine's states at chosen calls, shown by the test-only {@link StateDumpChecker}: each test
 * pins what the analysis believes at a point of real code, so that a wrong belief shows as itself
 * rather than as a missing or extra finding somewhere later.
 */
class StateDumpTest {
  private final CompilationTestHelper helper = InlineApi.helper(StateDumpChecker.class, getClass());

  /**
   * The whole message of a dump, line by line: javac indents the lines after the first, and Error
   * Prone adds the check's name before and a "(see ...)" line after.
   */
  private static Predicate<String> dump(String text) {
    List<String> expected = new ArrayList<>(text.lines().map(String::strip).toList());
    expected.set(0, "[StateDumpChecker] " + expected.get(0));
    return message ->
        message
            .lines()
            .map(String::strip)
            .filter(line -> !line.startsWith("(see "))
            .toList()
            .equals(expected);
  }

  /** After a TRUNCATED test the page is the callee's to unlock and stale; only that state stays. */
  @Test
  void afterReadpageWithATruncatedTest() {
    helper
        .addSourceLines(
            "Reader.java",
            """
            import api.*;

            class Reader {
              static void dumpState() {}

              int read(Ops ops, Cache cache, Object file) {
                while (true) {
                  Pg page = cache.findLock(0);
                  int err = ops.readpage(file, page);
                  if (err == Codes.TRUNCATED) {
                    // BUG: Diagnostic matches: truncated
                    dumpState();
                    page.release();
                    continue;
                  }
                  // BUG: Diagnostic matches: other
                  dumpState();
                  page.release();
                  return err;
                }
              }
            }
            """)
        .expectErrorMessage(
            "truncated",
            dump(
                """
                1 state:
                  page = UNLOCKED_BY_CALLEE (readpage returned AOP_TRUNCATED_PAGE at line 9), owned,\
                 stale since line 9; pending: readpage at line 9"""))
        .expectErrorMessage(
            "other",
            dump(
                """
                2 states:
                  err = NEGATIVE (readpage at line 9); page = UNLOCKED_BY_CALLEE (readpage returned\
                 a negative error at line 9), owned
                  err = ZERO (readpage at line 9); page = UNLOCKED_BY_CALLEE (readpage returned 0\
                 at line 9), owned"""))
        .doTest();
  }

  /**
   * At the top of a retry loop: the first entry knows nothing; the retry comes back with the stale
   * page, released once, and the path marked as retrying (the pending outcome is handled by going
   * round). Without the release the dump shows the reference still owed.
   */
  @Test
  void atTheTopOfARetryLoop() {
    helper
        .addSourceLines(
            "Reader.java",
            """
            import api.*;

            class Reader {
              static void dumpState() {}

              int read(Ops ops, Cache cache, Object file) {
                while (true) {
                  // BUG: Diagnostic matches: released
                  dumpState();
                  Pg page = cache.findLock(0);
                  int err = ops.readpage(file, page);
                  if (err == Codes.TRUNCATED) {
                    page.release();
                    continue;
                  }
                  page.release();
                  return err;
                }
              }

              int leaks(Ops ops, Cache cache, Object file) {
                while (true) {
                  // BUG: Diagnostic matches: leaked
                  dumpState();
                  Pg page = cache.findLock(0);
                  int err = ops.readpage(file, page);
                  if (err == Codes.TRUNCATED) {
                    continue;
                  }
                  page.release();
                  return err;
                }
              }
            }
            """)
        .expectErrorMessage(
            "released",
            dump(
                """
                2 states:
                  (nothing known)
                  page = UNLOCKED_BY_CALLEE (readpage returned AOP_TRUNCATED_PAGE at line 11), owned,\
                 stale since line 11, released at line 13; retrying"""))
        .expectErrorMessage(
            "leaked",
            dump(
                """
                2 states:
                  (nothing known)
                  page = UNLOCKED_BY_CALLEE (readpage returned AOP_TRUNCATED_PAGE at line 26), owned,\
                 stale since line 26; retrying"""))
        .doTest();
  }

  /**
   * A flag assigned a test splits the state, so testing the flag prunes as the test itself would; a
   * test for a code the operation cannot return leaves no state at all.
   */
  @Test
  void afterAFlagAndAnImpossibleCode() {
    helper
        .addSourceLines(
            "Reader.java",
            """
            import api.*;

            class Reader {
              static void dumpState() {}

              int read(Ops ops, Cache cache, Object file) {
                Pg page = cache.findLock(0);
                int err = ops.readpage(file, page);
                boolean truncated = err == Codes.TRUNCATED;
                if (truncated) {
                  // BUG: Diagnostic matches: flag
                  dumpState();
                  page.release();
                  return 0;
                }
                if (err == Codes.ACTIVATE) {
                  // BUG: Diagnostic matches: impossible
                  dumpState();
                }
                page.release();
                return err;
              }
            }
            """)
        .expectErrorMessage(
            "flag",
            dump(
                """
                1 state:
                  page = UNLOCKED_BY_CALLEE (readpage returned AOP_TRUNCATED_PAGE at line 8), owned,\
                 stale since line 8; pending: readpage at line 8"""))
        .expectErrorMessage("impossible", dump("no state reaches this call"))
        .doTest();
  }
}
