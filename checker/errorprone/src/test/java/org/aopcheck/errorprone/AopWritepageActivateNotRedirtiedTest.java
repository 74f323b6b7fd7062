package org.aopcheck.errorprone;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class AopWritepageActivateNotRedirtiedTest {
  private final CompilationTestHelper helper =
      InlineApi.helper(AopWritepageActivateNotRedirtied.class, getClass());

  /** K18: NFS returned ACTIVATE under congestion without redirtying: lost writes. */
  @Test
  void congestedWritepage() {
    helper
        .addSourceLines(
            "Nfs.java",
            """
            import api.*;

            abstract class Nfs implements Ops {
              abstract boolean congested();

              @Override
              public int writepage(Pg page, Wbc wbc) {
                if (congested()) {
                  // BUG: Diagnostic contains: writepage returns AOP_WRITEPAGE_ACTIVATE at line 10 without redirtying page `page`
                  return Codes.ACTIVATE;
                }
                page.unlock();
                return 0;
              }
            }
            """)
        .addSourceLines(
            "NfsFixed.java",
            """
            import api.*;

            abstract class NfsFixed implements Ops {
              abstract boolean congested();

              @Override
              public int writepage(Pg page, Wbc wbc) {
                if (congested()) {
                  page.setDirty();
                  return Codes.ACTIVATE;
                }
                page.unlock();
                return 0;
              }
            }
            """)
        .doTest();
  }

  /** A stacked writepage passing on the lower page's ACTIVATE never redirtied the upper page. */
  @Test
  void propagatedActivateOfAnotherPage() {
    helper
        .addSourceLines(
            "Stacked.java",
            """
            import api.*;
            import static org.aopcheck.annotations.AopCode.WRITEPAGE_ACTIVATE;

            abstract class Stacked implements Ops {
              Ops lowerOps;

              @Override
              public int writepage(Pg page, Wbc wbc) {
                Pg lower = new Pg();
                int err = lowerOps.writepage(lower, wbc);
                if (err == Codes.ACTIVATE) {
                  lower.unlock();
                  // BUG: Diagnostic contains: without redirtying page `page`
                  return err;
                }
                page.unlock();
                return err;
              }
            }
            """)
        .doTest();
  }
}
