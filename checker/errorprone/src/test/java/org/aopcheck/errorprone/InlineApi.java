package org.aopcheck.errorprone;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;

/**
 * A small page-cache API, annotated with the contract vocabulary and declared inline by every test:
 * its names ({@code Ops}, {@code Pg}, {@code Cache}, {@code TRUNCATED}) are deliberately not the
 * reference VM's, which proves the engine knows no VM name and reads contracts only from the
 * annotations.
 */
final class InlineApi {
  private InlineApi() {}

  /** A helper for {@code checker} with the API's sources added. */
  static CompilationTestHelper helper(Class<? extends BugChecker> checker, Class<?> test) {
    return CompilationTestHelper.newInstance(checker, test)
        .addSourceLines(
            "api/Ops.java",
            """
            package api;

            import static org.aopcheck.annotations.AopCode.TRUNCATED_PAGE;
            import static org.aopcheck.annotations.AopCode.WRITEPAGE_ACTIVATE;
            import static org.aopcheck.annotations.PageState.LOCKED;
            import static org.aopcheck.annotations.PageState.UNLOCKED;

            import org.aopcheck.annotations.MayReturn;
            import org.aopcheck.annotations.PageOperation;
            import org.aopcheck.annotations.PageParameter;

            public interface Ops {
              @PageOperation(value = "readpage", onSuccess = UNLOCKED, onError = UNLOCKED)
              @MayReturn(TRUNCATED_PAGE)
              int readpage(Object file, @PageParameter Pg page);

              @PageOperation(value = "prepare_write", onSuccess = LOCKED, onError = LOCKED)
              @MayReturn(TRUNCATED_PAGE)
              int prepareWrite(Object file, @PageParameter Pg page, int from, int to);

              @PageOperation(value = "commit_write", onSuccess = LOCKED, onError = LOCKED)
              @MayReturn(TRUNCATED_PAGE)
              int commitWrite(Object file, @PageParameter Pg page, int from, int to);

              @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
              @MayReturn(WRITEPAGE_ACTIVATE)
              int writepage(@PageParameter Pg page, Wbc wbc);
            }
            """)
        .addSourceLines(
            "api/Pg.java",
            """
            package api;

            import org.aopcheck.annotations.Locks;
            import org.aopcheck.annotations.Redirties;
            import org.aopcheck.annotations.Releases;
            import org.aopcheck.annotations.Unlocks;

            public class Pg {
              public long index;

              @Locks
              public void lock() {}

              @Unlocks
              public void unlock() {}

              @Releases
              public void release() {}

              @Redirties
              public void setDirty() {}

              public boolean isUptodate() {
                return true;
              }

              public void setUptodate() {}

              public void clearUptodate() {}

              public void waitUnlocked() {}

              public boolean clearDirtyForIo() {
                return true;
              }

              public Object mapping() {
                return null;
              }
            }
            """)
        .addSourceLines(
            "api/Cache.java",
            """
            package api;

            import org.aopcheck.annotations.LooksUp;

            public class Cache {
              @LooksUp(locked = true)
              public Pg findLock(long index) {
                return null;
              }

              @LooksUp(locked = false)
              public Pg findGet(long index) {
                return null;
              }

              public int addLocked(Pg page, long index) {
                return 0;
              }

              public void setError(int error) {}
            }
            """)
        .addSourceLines(
            "api/Lru.java",
            """
            package api;

            import org.aopcheck.annotations.PageParameter;
            import org.aopcheck.annotations.Releases;
            import org.aopcheck.annotations.TakesOver;

            public class Lru {
              @Releases
              public void add(@PageParameter Pg page) {}

              @TakesOver
              public void activate(@PageParameter Pg page) {}
            }
            """)
        .addSourceLines(
            "api/Wbc.java",
            """
            package api;

            public class Wbc {
              public boolean forReclaim;
              public long nrToWrite;
            }
            """)
        .addSourceLines(
            "api/Codes.java",
            """
            package api;

            public final class Codes {
              public static final int ACTIVATE = 0x80000;
              public static final int TRUNCATED = 0x80001;
              public static final int EIO = 5;
              public static final int EEXIST = 17;
              public static final int ENOSPC = 28;

              private Codes() {}
            }
            """);
  }
}
