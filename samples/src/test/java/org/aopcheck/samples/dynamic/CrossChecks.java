package org.aopcheck.samples.dynamic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every dynamic cross-check, by case name: the one list the tests and the corpus table share. */
public final class CrossChecks {
  private static final List<CrossCheck> KERNEL_CASES =
      List.of(
          new K01CrossCheck(),
          new K04CrossCheck(),
          new K05CrossCheck(),
          new K06CrossCheck(),
          new K07CrossCheck(),
          new K08CrossCheck(),
          new K09CrossCheck(),
          new K10CrossCheck(),
          new K11CrossCheck(),
          new K13CrossCheck(),
          new K14CrossCheck(),
          new K15CrossCheck(),
          new K17CrossCheck(),
          new K18CrossCheck(),
          new K20CrossCheck(),
          K20CrossCheck.firstSplit(),
          new L2CrossCheck());

  private static final List<CrossCheck> ALL =
      java.util.stream.Stream.concat(KERNEL_CASES.stream(), VariantCrossChecks.all().stream())
          .collect(Collectors.toUnmodifiableList());

  private static final Map<String, CrossCheck> BY_CASE =
      ALL.stream().collect(Collectors.toMap(CrossCheck::caseName, Function.identity()));

  private CrossChecks() {}

  /** All cross-checks, in case order. */
  public static List<CrossCheck> all() {
    return ALL;
  }

  /** The cross-check of {@code caseName} ({@code K04}, {@code variants/<kind>}), if any. */
  public static Optional<CrossCheck> forCase(String caseName) {
    return Optional.ofNullable(BY_CASE.get(caseName));
  }
}
