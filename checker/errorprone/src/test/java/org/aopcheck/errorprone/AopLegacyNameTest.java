package org.aopcheck.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link AopLegacyName}: the legacy name everywhere it is used, raw codes only where they stand for
 * a result, and the fix in each shape of use.
 */
class AopLegacyNameTest {

  /** An API with two operations and one unrelated int method, as a filesystem would declare it. */
  private static final String AOPS =
      """
      package test;

      import static org.aopcheck.annotations.AopCode.TRUNCATED_PAGE;
      import static org.aopcheck.annotations.AopCode.WRITEPAGE_ACTIVATE;
      import static org.aopcheck.annotations.PageState.UNLOCKED;

      import org.aopcheck.annotations.MayReturn;
      import org.aopcheck.annotations.PageOperation;
      import org.aopcheck.annotations.PageParameter;

      public interface Aops {
        @PageOperation(value = "readpage", onSuccess = UNLOCKED, onError = UNLOCKED)
        @MayReturn(TRUNCATED_PAGE)
        int readpage(@PageParameter Object page);

        @PageOperation(value = "writepage", onSuccess = UNLOCKED, onError = UNLOCKED)
        @MayReturn(WRITEPAGE_ACTIVATE)
        int writepage(@PageParameter Object page);

        /** Not an operation: its result is a byte count. */
        int pageSize();
      }
      """;

  /** The codes under their kernel names, as an API of 2.6.15 or later declares them. */
  private static final String CODES =
      """
      package test;

      public final class Codes {
        public static final int AOP_WRITEPAGE_ACTIVATE = 0x80000;
        public static final int AOP_TRUNCATED_PAGE = 0x80001;

        private Codes() {}
      }
      """;

  /** A pre-2005 API: only the old name. */
  private static final String OLD_CODES =
      """
      package test;

      public final class OldCodes {
        public static final int WRITEPAGE_ACTIVATE = 0x80000;

        private OldCodes() {}
      }
      """;

  private final CompilationTestHelper compilationHelper =
      CompilationTestHelper.newInstance(AopLegacyName.class, getClass())
          .addSourceLines("test/Aops.java", AOPS)
          .addSourceLines("test/Codes.java", CODES)
          .addSourceLines("test/OldCodes.java", OLD_CODES);

  private BugCheckerRefactoringTestHelper refactoringHelper() {
    return BugCheckerRefactoringTestHelper.newInstance(AopLegacyName.class, getClass())
        .addInputLines("test/Aops.java", AOPS)
        .expectUnchanged()
        .addInputLines("test/Codes.java", CODES)
        .expectUnchanged()
        .addInputLines("test/OldCodes.java", OLD_CODES)
        .expectUnchanged();
  }

  @Nested
  class LegacyName {

    @Test
    void everyUseOfTheOldNameIsFlaggedWithTheProtocolCode() {
      compilationHelper
          .addSourceLines(
              "test/Reclaim.java",
              """
              package test;

              class Reclaim {
                boolean keep(Aops aops, Object page) {
                  int ret = aops.writepage(page);
                  // BUG: Diagnostic contains: WRITEPAGE_ACTIVATE is the pre-2.6.15 name of AOP_WRITEPAGE_ACTIVATE (0x80000); use AOP_WRITEPAGE_ACTIVATE
                  return ret == OldCodes.WRITEPAGE_ACTIVATE;
                }

                int anywhere() {
                  // The name itself is the problem, whatever the use.
                  // BUG: Diagnostic contains: AopLegacyName
                  return OldCodes.WRITEPAGE_ACTIVATE + 1;
                }
              }
              """)
          .doTest();
    }

    @Test
    void usesThroughAStaticImportAreFlaggedButTheImportIsNot() {
      compilationHelper
          .addSourceLines(
              "test/Writeback.java",
              """
              package test;

              import static test.OldCodes.WRITEPAGE_ACTIVATE;

              class Writeback {
                void write(Aops aops, Object page) {
                  switch (aops.writepage(page)) {
                    // BUG: Diagnostic contains: AopLegacyName
                    case WRITEPAGE_ACTIVATE:
                      break;
                    default:
                      break;
                  }
                }
              }
              """)
          .doTest();
    }

    @Test
    void aDeclarationInTheSameClassAndItsUsesByBareName() {
      compilationHelper
          .addSourceLines(
              "test/Ramdisk.java",
              """
              package test;

              class Ramdisk {
                // The declaration is not flagged: an alias kept for old code is legitimate.
                static final int WRITEPAGE_ACTIVATE = 0x80000;

                int writepage(boolean forReclaim) {
                  if (forReclaim) {
                    // BUG: Diagnostic contains: AopLegacyName
                    return WRITEPAGE_ACTIVATE;
                  }
                  return 0;
                }
              }
              """)
          .doTest();
    }

    @Test
    void otherThingsNamedWritepageActivateAreNotFlagged() {
      compilationHelper
          .addSourceLines(
              "test/NotLegacy.java",
              """
              package test;

              import static org.aopcheck.annotations.AopCode.WRITEPAGE_ACTIVATE;

              import org.aopcheck.annotations.MayReturn;

              class NotLegacy {
                /** Another value: not the code. */
                static final int OTHER = Holder.WRITEPAGE_ACTIVATE;

                /** Not a constant: no compile-time value. */
                static int mutable = 0x80000;

                static final class Holder {
                  static final int WRITEPAGE_ACTIVATE = 7;
                }

                static final class Mutable {
                  static int WRITEPAGE_ACTIVATE = 0x80000;
                }

                // The annotations' enum constant has the same simple name and is not an int.
                @MayReturn(WRITEPAGE_ACTIVATE)
                int writepage() {
                  int localCopy = Mutable.WRITEPAGE_ACTIVATE;
                  long asLong = Long.valueOf(localCopy);
                  return (int) asLong;
                }
              }
              """)
          .doTest();
    }

    @Test
    void aLocalVariableWithTheOldNameIsNotAConstant() {
      compilationHelper
          .addSourceLines(
              "test/Local.java",
              """
              package test;

              class Local {
                int f() {
                  final int WRITEPAGE_ACTIVATE = 0x80000;
                  return WRITEPAGE_ACTIVATE;
                }
              }
              """)
          .doTest();
    }

    @Test
    void withoutAnAopConstantTheFindingSaysThereIsNoFix() {
      compilationHelper
          .addSourceLines(
              "test/Pageout.java",
              """
              package test;

              class Pageout {
                boolean activate(Aops aops, Object page) {
                  // BUG: Diagnostic contains: (no automatic fix: no accessible static final int AOP_WRITEPAGE_ACTIVATE = 0x80000 in test.OldCodes; name a class that declares it with -XepOpt:Aop:CodeConstants)
                  return aops.writepage(page) == OldCodes.WRITEPAGE_ACTIVATE;
                }
              }
              """)
          .doTest();
    }

    @Test
    void aFlagClassThatIsNotOnTheClasspathIsNamedInTheMessage() {
      compilationHelper
          .setArgs("-XepOpt:Aop:CodeConstants=test.Missing")
          .addSourceLines(
              "test/Pageout.java",
              """
              package test;

              class Pageout {
                boolean activate(Aops aops, Object page) {
                  // BUG: Diagnostic contains: (-XepOpt:Aop:CodeConstants=test.Missing is not on the classpath)
                  return aops.writepage(page) == OldCodes.WRITEPAGE_ACTIVATE;
                }
              }
              """)
          .doTest();
    }

    @Test
    void suppressedWithTheCheckName() {
      compilationHelper
          .addSourceLines(
              "test/Legacy.java",
              """
              package test;

              class Legacy {
                @SuppressWarnings("AopLegacyName")
                boolean activate(Aops aops, Object page) {
                  return aops.writepage(page) == OldCodes.WRITEPAGE_ACTIVATE
                      || aops.readpage(page) == 0x80001;
                }
              }
              """)
          .doTest();
    }
  }

  @Nested
  class RawCodes {

    @Test
    void comparedWithAResultInAnySpelling() {
      compilationHelper
          .addSourceLines(
              "test/Reader.java",
              """
              package test;

              class Reader {
                void read(Aops aops, Object page) {
                  int error = aops.readpage(page);
                  // BUG: Diagnostic contains: 0x80001 compared with an operation result is AOP_TRUNCATED_PAGE (0x80001); use AOP_TRUNCATED_PAGE
                  if (error == 0x80001) {
                    return;
                  }
                  // BUG: Diagnostic contains: 524289 compared with an operation result is AOP_TRUNCATED_PAGE
                  if (error != 524289) {
                    return;
                  }
                  // BUG: Diagnostic contains: 0x8_0001 compared
                  if ((0x8_0001) == error) {
                    return;
                  }
                  // BUG: Diagnostic contains: 0X80000 compared with an operation result is AOP_WRITEPAGE_ACTIVATE (0x80000)
                  if (aops.writepage(page) == 0X80000) {
                    return;
                  }
                }
              }
              """)
          .doTest();
    }

    @Test
    void aCopyOfAResultIsAResultWhateverTheOrderOfTheCode() {
      compilationHelper
          .addSourceLines(
              "test/Copies.java",
              """
              package test;

              class Copies {
                void read(Aops aops, Object page) {
                  int copy = 0;
                  for (int i = 0; i < 2; i++) {
                    if (i == 1) {
                      // BUG: Diagnostic contains: AopLegacyName
                      if (copy == 0x80001) {
                        return;
                      }
                    }
                    int error = aops.readpage(page);
                    copy = error;
                  }
                }
              }
              """)
          .doTest();
    }

    @Test
    void caseLabelsOfASwitchOnAResult() {
      compilationHelper
          .addSourceLines(
              "test/Switches.java",
              """
              package test;

              class Switches {
                int statement(Aops aops, Object page) {
                  int ret = aops.writepage(page);
                  switch (ret) {
                    // BUG: Diagnostic contains: 0x80000 as a case label on an operation result is AOP_WRITEPAGE_ACTIVATE
                    case 0x80000:
                      return 0;
                    default:
                      return ret;
                  }
                }

                boolean expression(Aops aops, Object page) {
                  return switch (aops.readpage(page)) {
                    // BUG: Diagnostic contains: as a case label
                    case 524289 -> true;
                    default -> false;
                  };
                }

                boolean unrelated(int size) {
                  switch (size) {
                    case 0x80000:
                      return true;
                    default:
                      return false;
                  }
                }
              }
              """)
          .doTest();
    }

    @Test
    void returnedFromAnOperationDirectlyOrThroughAVariable() {
      compilationHelper
          .addSourceLines(
              "test/Filesystem.java",
              """
              package test;

              import static org.aopcheck.annotations.AopCode.TRUNCATED_PAGE;

              import org.aopcheck.annotations.MayReturn;

              abstract class Filesystem implements Aops {
                private boolean glockBusy;
                private boolean forReclaim;

                @Override
                public int readpage(Object page) {
                  if (glockBusy) {
                    // BUG: Diagnostic contains: 0x80001 returned from an operation is AOP_TRUNCATED_PAGE
                    return 0x80001;
                  }
                  int err = 0;
                  if (page == null) {
                    // BUG: Diagnostic contains: 0x80001 assigned to a result variable is AOP_TRUNCATED_PAGE
                    err = 0x80001;
                  }
                  return err;
                }

                @Override
                public int writepage(Object page) {
                  // BUG: Diagnostic contains: returned from an operation
                  return forReclaim ? (0x80000) : 0;
                }

                /** A helper whose contract passes the code up. */
                @MayReturn(TRUNCATED_PAGE)
                int lockWithPage(Object page) {
                  // BUG: Diagnostic contains: 0x80001 assigned to a result variable
                  int status = glockBusy ? 0x80001 : 0;
                  return status;
                }

                int fromASwitchExpression(Aops aops, Object page, int kind) {
                  int ret =
                      switch (kind) {
                        case 0 -> aops.readpage(page);
                        // BUG: Diagnostic contains: assigned to a result variable
                        case 1 -> 0x80001;
                        default -> {
                          // BUG: Diagnostic contains: assigned to a result variable
                          yield 524289;
                        }
                      };
                  return ret;
                }
              }
              """)
          .doTest();
    }

    @Test
    void theSameNumberWhereItIsNotAResultIsNotFlagged() {
      compilationHelper
          .addSourceLines(
              "test/Unrelated.java",
              """
              package test;

              class Unrelated {
                // Constant declarations define names; they are not uses.
                static final int AOP_TRUNCATED_PAGE = 0x80001;
                static final int HALF_MEGABYTE = 524288;
                private int field = 0x80001;

                byte[] buffer = new byte[0x80000];

                int notAnOperation() {
                  return 524288;
                }

                void unrelated(Aops aops, Object page, long offset) {
                  int size = aops.pageSize();
                  if (size == 524288) {
                    return;
                  }
                  int chunk = 0x80000;
                  long mask = offset & 0x80000;
                  int ret = aops.readpage(page);
                  if ((ret & 0x80000) != 0) {
                    return;
                  }
                  if (ret > 0x80000) {
                    return;
                  }
                  if (ret == -524288) {
                    return;
                  }
                  if (ret == 0x80002) {
                    return;
                  }
                  if (ret + 0x80001 == 0) {
                    return;
                  }
                  if (offset == 0x80001L) {
                    return;
                  }
                  record(0x80001);
                  ret += 0x80000;
                  boolean big = (ret == 0 ? 0x80001 : 0) > chunk;
                  field = 0x80000;
                }

                void record(int value) {}
              }
              """)
          .doTest();
    }

    @Test
    void aLambdaInsideAnOperationIsNotTheOperation() {
      compilationHelper
          .addSourceLines(
              "test/Lambdas.java",
              """
              package test;

              import java.util.function.IntSupplier;

              abstract class Lambdas implements Aops {
                @Override
                public int readpage(Object page) {
                  IntSupplier size =
                      () -> {
                        return 0x80001;
                      };
                  IntSupplier other = () -> 0x80000;
                  return size.getAsInt() > 0 ? 0 : -5;
                }
              }
              """)
          .doTest();
    }

    @Test
    void withAConstantInScopeThereIsNoNoFixNote() {
      compilationHelper
          .addSourceLines(
              "test/InScope.java",
              """
              package test;

              import static test.Codes.AOP_TRUNCATED_PAGE;

              class InScope {
                boolean retry(Aops aops, Object page) {
                  // BUG: Diagnostic matches: fixed
                  return aops.readpage(page) == 0x80001;
                }
              }
              """)
          .expectErrorMessage(
              "fixed",
              message ->
                  message.contains("use AOP_TRUNCATED_PAGE")
                      && !message.contains("no automatic fix"))
          .doTest();
    }

    @Test
    void withoutAConstantTheFindingSaysWhereItLooked() {
      compilationHelper
          .addSourceLines(
              "test/Bare.java",
              """
              package test;

              class Bare {
                boolean retry(Aops aops, Object page) {
                  // BUG: Diagnostic contains: (no automatic fix: no accessible static final int AOP_TRUNCATED_PAGE = 0x80001 in scope here; name a class that declares it with -XepOpt:Aop:CodeConstants)
                  return aops.readpage(page) == 0x80001;
                }
              }
              """)
          .doTest();
    }
  }

  @Nested
  class Fixes {

    @Test
    void qualifiedOldNameBecomesTheNewNameInTheSameClass() {
      refactoringHelper()
          .addInputLines(
              "test/Compat.java",
              """
              package test;

              public final class Compat {
                public static final int WRITEPAGE_ACTIVATE = 0x80000;
                public static final int AOP_WRITEPAGE_ACTIVATE = 0x80000;
              }
              """)
          .expectUnchanged()
          .addInputLines(
              "test/Pageout.java",
              """
              package test;

              class Pageout {
                boolean activate(Aops aops, Object page) {
                  return aops.writepage(page) == Compat.WRITEPAGE_ACTIVATE;
                }
              }
              """)
          .addOutputLines(
              "test/Pageout.java",
              """
              package test;

              class Pageout {
                boolean activate(Aops aops, Object page) {
                  return aops.writepage(page) == Compat.AOP_WRITEPAGE_ACTIVATE;
                }
              }
              """)
          .doTest();
    }

    @Test
    void bareOldNameInItsOwnClass() {
      refactoringHelper()
          .addInputLines(
              "test/Shmem.java",
              """
              package test;

              class Shmem {
                static final int AOP_WRITEPAGE_ACTIVATE = 0x80000;
                static final int WRITEPAGE_ACTIVATE = 0x80000;

                int writepage(Object page) {
                  return WRITEPAGE_ACTIVATE;
                }
              }
              """)
          .addOutputLines(
              "test/Shmem.java",
              """
              package test;

              class Shmem {
                static final int AOP_WRITEPAGE_ACTIVATE = 0x80000;
                static final int WRITEPAGE_ACTIVATE = 0x80000;

                int writepage(Object page) {
                  return AOP_WRITEPAGE_ACTIVATE;
                }
              }
              """)
          .doTest();
    }

    @Test
    void anAliasDefinedByTheOldNameGetsTheValueNotASelfReference() {
      refactoringHelper()
          .addInputLines(
              "test/Alias.java",
              """
              package test;

              public final class Alias {
                public static final int WRITEPAGE_ACTIVATE = 0x80000;
                public static final int AOP_WRITEPAGE_ACTIVATE = WRITEPAGE_ACTIVATE;
              }
              """)
          .addOutputLines(
              "test/Alias.java",
              """
              package test;

              public final class Alias {
                public static final int WRITEPAGE_ACTIVATE = 0x80000;
                public static final int AOP_WRITEPAGE_ACTIVATE = 0x80000;
              }
              """)
          .doTest();
    }

    @Test
    void aFieldInitializerBeforeTheNewConstantGetsAQualifiedName() {
      refactoringHelper()
          .addInputLines(
              "test/Order.java",
              """
              package test;

              class Order {
                static final int WRITEPAGE_ACTIVATE = 0x80000;
                static final int KEEP = WRITEPAGE_ACTIVATE;
                static final int AOP_WRITEPAGE_ACTIVATE = 0x80000;
              }
              """)
          .addOutputLines(
              "test/Order.java",
              """
              package test;

              class Order {
                static final int WRITEPAGE_ACTIVATE = 0x80000;
                static final int KEEP = Order.AOP_WRITEPAGE_ACTIVATE;
                static final int AOP_WRITEPAGE_ACTIVATE = 0x80000;
              }
              """)
          .doTest();
    }

    @Test
    void staticallyImportedOldNameGetsAStaticImportOfTheNewName() {
      refactoringHelper()
          .addInputLines(
              "test/Compat.java",
              """
              package test;

              public final class Compat {
                public static final int WRITEPAGE_ACTIVATE = 0x80000;
                public static final int AOP_WRITEPAGE_ACTIVATE = 0x80000;
              }
              """)
          .expectUnchanged()
          .addInputLines(
              "test/Mpage.java",
              """
              package test;

              import static test.Compat.WRITEPAGE_ACTIVATE;

              class Mpage {
                void writepages(Aops aops, Object page) {
                  if (aops.writepage(page) == WRITEPAGE_ACTIVATE) {
                    unlock(page);
                  }
                }

                void unlock(Object page) {}
              }
              """)
          .addOutputLines(
              "test/Mpage.java",
              """
              package test;

              import static test.Compat.AOP_WRITEPAGE_ACTIVATE;
              import static test.Compat.WRITEPAGE_ACTIVATE;

              class Mpage {
                void writepages(Aops aops, Object page) {
                  if (aops.writepage(page) == AOP_WRITEPAGE_ACTIVATE) {
                    unlock(page);
                  }
                }

                void unlock(Object page) {}
              }
              """)
          .doTest();
    }

    @Test
    void oldNameWithTheConstantInTheFlagClass() {
      refactoringHelper()
          .setArgs("-XepOpt:Aop:CodeConstants=test.Codes")
          .addInputLines(
              "test/other/Vmscan.java",
              """
              package test.other;

              import test.Aops;
              import test.OldCodes;

              class Vmscan {
                boolean activate(Aops aops, Object page) {
                  return aops.writepage(page) == OldCodes.WRITEPAGE_ACTIVATE;
                }
              }
              """)
          .addOutputLines(
              "test/other/Vmscan.java",
              """
              package test.other;

              import test.Aops;
              import test.Codes;
              import test.OldCodes;

              class Vmscan {
                boolean activate(Aops aops, Object page) {
                  return aops.writepage(page) == Codes.AOP_WRITEPAGE_ACTIVATE;
                }
              }
              """)
          .doTest();
    }

    @Test
    void hexLiteralWithTheConstantInheritedFromTheEnclosingClass() {
      refactoringHelper()
          .addInputLines(
              "test/CodeNames.java",
              """
              package test;

              interface CodeNames {
                int AOP_TRUNCATED_PAGE = 0x80001;
              }
              """)
          .expectUnchanged()
          .addInputLines(
              "test/Filemap.java",
              """
              package test;

              class Filemap implements CodeNames {
                void read(Aops aops, Object page) {
                  int error = aops.readpage(page);
                  if (error == 0x80001) {
                    return;
                  }
                }
              }
              """)
          .addOutputLines(
              "test/Filemap.java",
              """
              package test;

              class Filemap implements CodeNames {
                void read(Aops aops, Object page) {
                  int error = aops.readpage(page);
                  if (error == AOP_TRUNCATED_PAGE) {
                    return;
                  }
                }
              }
              """)
          .doTest();
    }

    @Test
    void decimalLiteralWithTheConstantInTheFlagClass() {
      refactoringHelper()
          .setArgs("-XepOpt:Aop:CodeConstants=test.Codes")
          .addInputLines(
              "test/other/Loop.java",
              """
              package test.other;

              import test.Aops;

              class Loop {
                void send(Aops aops, Object page) {
                  int ret = aops.readpage(page);
                  if (ret == 524289) {
                    return;
                  }
                }
              }
              """)
          .addOutputLines(
              "test/other/Loop.java",
              """
              package test.other;

              import test.Aops;
              import test.Codes;

              class Loop {
                void send(Aops aops, Object page) {
                  int ret = aops.readpage(page);
                  if (ret == Codes.AOP_TRUNCATED_PAGE) {
                    return;
                  }
                }
              }
              """)
          .doTest();
    }

    @Test
    void caseLabelBecomesTheConstant() {
      refactoringHelper()
          .addInputLines(
              "test/Writeback.java",
              """
              package test;

              import static test.Codes.AOP_WRITEPAGE_ACTIVATE;

              class Writeback {
                int write(Aops aops, Object page) {
                  switch (aops.writepage(page)) {
                    case 0x80000:
                      return 0;
                    default:
                      return -5;
                  }
                }
              }
              """)
          .addOutputLines(
              "test/Writeback.java",
              """
              package test;

              import static test.Codes.AOP_WRITEPAGE_ACTIVATE;

              class Writeback {
                int write(Aops aops, Object page) {
                  switch (aops.writepage(page)) {
                    case AOP_WRITEPAGE_ACTIVATE:
                      return 0;
                    default:
                      return -5;
                  }
                }
              }
              """)
          .doTest();
    }

    @Test
    void aPrivateConstantOfAnotherClassIsNotUsed() {
      refactoringHelper()
          .setArgs("-XepOpt:Aop:CodeConstants=test.Hidden")
          .addInputLines(
              "test/Hidden.java",
              """
              package test;

              final class Hidden {
                private static final int AOP_TRUNCATED_PAGE = 0x80001;
              }
              """)
          .expectUnchanged()
          .addInputLines(
              "test/Reader.java",
              """
              package test;

              class Reader {
                boolean retry(Aops aops, Object page) {
                  return aops.readpage(page) == 0x80001;
                }
              }
              """)
          .expectUnchanged()
          .doTest();
    }

    @Test
    void noConstantAvailableLeavesTheCodeUnchanged() {
      refactoringHelper()
          .addInputLines(
              "test/Pageout.java",
              """
              package test;

              class Pageout {
                boolean activate(Aops aops, Object page) {
                  int ret = aops.writepage(page);
                  return ret == OldCodes.WRITEPAGE_ACTIVATE || ret == 0x80000;
                }
              }
              """)
          .expectUnchanged()
          .doTest();
    }
  }
}
