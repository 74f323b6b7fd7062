package org.aopcheck.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class AopUndeclaredCodeTest {
  private final CompilationTestHelper helper = InlineApi.helper(AopUndeclaredCode.class, getClass());

  @Test
  void readpageReturningActivate() {
    helper
        .addSourceLines(
            "Fs.java",
            """
            import api.*;

            abstract class Fs implements Ops {
              @Override
              public int readpage(Object file, Pg page) {
                page.unlock();
                // BUG: Diagnostic contains: readpage returns AOP_WRITEPAGE_ACTIVATE at line 8, but its contract does not declare it; declare @MayReturn(WRITEPAGE_ACTIVATE)
                return Codes.ACTIVATE;
              }

              @Override
              public int writepage(Pg page, Wbc wbc) {
                int code = Codes.ACTIVATE;
                page.setDirty();
                return code;
              }

              @Override
              public int prepareWrite(Object file, Pg page, int from, int to) {
                page.unlock();
                return Codes.TRUNCATED;
              }
            }
            """)
        .doTest();
  }

  @Test
  void helperDeclaringNoCodes() {
    helper
        .addSourceLines(
            "Helper.java",
            """
            import api.*;
            import org.aopcheck.annotations.MayReturn;

            class Helper {
              @MayReturn({})
              int lockOrGiveUp(Pg page, boolean busy) {
                if (busy) {
                  page.unlock();
                  // BUG: Diagnostic contains: lockOrGiveUp returns AOP_TRUNCATED_PAGE
                  return Codes.TRUNCATED;
                }
                return 0;
              }

              int noContract(boolean busy) {
                return busy ? 0x80001 : 0;
              }
            }
            """)
        .doTest();
  }
}
