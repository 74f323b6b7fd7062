package org.aopcheck.vm.conformance;

import java.util.Arrays;
import java.util.stream.Stream;
import org.aopcheck.vm.fs.Filesystem;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance kit as JUnit 5 tests: extend this class, return your filesystem from {@link
 * #filesystem()}, and JUnit runs one test per {@link ConformanceRule}, each failing with the
 * operation, the outcome and the page that broke it:
 *
 * <pre>
 * class MyFilesystemConformanceTest extends FilesystemConformanceTest {
 *   &#64;Override
 *   protected Filesystem filesystem() {
 *     return new MyFilesystem();
 *   }
 * }
 * </pre>
 *
 * <p>Needs {@code junit-jupiter} on the test classpath (the reference VM declares it optional).
 */
public abstract class FilesystemConformanceTest {
  /** A fresh instance of the filesystem under test. */
  protected abstract Filesystem filesystem();

  @TestFactory
  Stream<DynamicTest> conformsToThePageCacheContract() {
    ConformanceReport report = ConformanceKit.check(filesystem());
    return Arrays.stream(ConformanceRule.values())
        .map(
            rule ->
                DynamicTest.dynamicTest(
                    rule.title(),
                    () -> {
                      if (!report.violations(rule).isEmpty()) {
                        Assertions.fail(report.describe(rule));
                      }
                    }));
  }
}
