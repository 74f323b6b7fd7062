package org.aopcheck.errorprone;

import com.google.errorprone.ErrorProneFlags;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aopcheck.core.analysis.AnalysisOptions;

/**
 * The {@code -XepOpt:Aop:...} flags, parsed once into an immutable object. Every flag is documented
 * in {@code docs/configuration.md}.
 *
 * @param maxStatesPerPoint {@code Aop:MaxStatesPerPoint}: the analysis' bound on states per point
 * @param stubs {@code Aop:Stubs}: stub files describing unannotated APIs
 * @param injectFaultInMethod {@code Aop:InjectFaultInMethod}, for tests only: the name of a method
 *     whose analysis throws, to prove that an internal error never breaks a compile; or null
 */
public record AopConfig(int maxStatesPerPoint, List<Path> stubs, String injectFaultInMethod) {
  static final String MAX_STATES_PER_POINT = "Aop:MaxStatesPerPoint";
  static final String STUBS = "Aop:Stubs";
  static final String INJECT_FAULT_IN_METHOD = "Aop:InjectFaultInMethod";

  /** The configuration without any flag. */
  public static final AopConfig DEFAULT =
      new AopConfig(AnalysisOptions.DEFAULT_MAX_STATES_PER_POINT, List.of(), null);

  private static final Map<Map<String, String>, AopConfig> PARSED = new ConcurrentHashMap<>();

  public AopConfig {
    stubs = List.copyOf(stubs);
  }

  /**
   * The configuration the flags give. Every checker of a compilation receives the same flags, so
   * they are parsed once and the result shared.
   *
   * @throws IllegalArgumentException with a one-line message naming the flag, if a value is bad
   */
  public static AopConfig from(ErrorProneFlags flags) {
    Map<String, String> aopFlags = new java.util.TreeMap<>();
    flags.getFlagsMap().forEach((name, value) -> {
      if (name.startsWith("Aop:")) {
        aopFlags.put(name, value);
      }
    });
    if (aopFlags.isEmpty()) {
      return DEFAULT;
    }
    return PARSED.computeIfAbsent(Map.copyOf(aopFlags), AopConfig::parse);
  }

  private static AopConfig parse(Map<String, String> flags) {
    int maxStates = AnalysisOptions.DEFAULT_MAX_STATES_PER_POINT;
    List<Path> stubs = new ArrayList<>();
    String fault = null;
    for (Map.Entry<String, String> flag : flags.entrySet()) {
      String value = flag.getValue().trim();
      switch (flag.getKey()) {
        case MAX_STATES_PER_POINT -> maxStates = positiveInteger(flag.getKey(), value);
        case STUBS -> {
          for (String path : value.split(",")) {
            if (!path.isBlank()) {
              stubs.add(Path.of(path.trim()));
            }
          }
        }
        case INJECT_FAULT_IN_METHOD -> fault = value;
        default -> throw new IllegalArgumentException(
            "unknown flag -XepOpt:" + flag.getKey() + " (aopcheck knows " + MAX_STATES_PER_POINT + ", " + STUBS + ")");
      }
    }
    return new AopConfig(maxStates, stubs, fault);
  }

  private static int positiveInteger(String flag, String value) {
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 1) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "-XepOpt:" + flag + " must be a positive integer, not '" + value + "'");
  }

  /** The engine's options. */
  public AnalysisOptions analysisOptions() {
    return new AnalysisOptions(maxStatesPerPoint);
  }
}
