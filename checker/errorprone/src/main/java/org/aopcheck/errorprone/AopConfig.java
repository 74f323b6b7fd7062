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
 * @param codeConstants {@code Aop:CodeConstants}: fully qualified names of classes declaring the
 *     {@code AOP_} constants, where {@code AopLegacyName} looks for its fix
 * @param injectFaultInMethod {@code Aop:InjectFaultInMethod}, for tests only: the name of a method
 *     whose analysis throws, to prove that an internal error never breaks a compile; or null
 * @param problems one-line messages for flags that could not be used (the defaults stand in);
 *     reported once per compilation as errors
 */
public record AopConfig(
    int maxStatesPerPoint,
    List<Path> stubs,
    List<String> codeConstants,
    String injectFaultInMethod,
    List<String> problems) {
  static final String MAX_STATES_PER_POINT = "Aop:MaxStatesPerPoint";
  static final String STUBS = "Aop:Stubs";
  static final String CODE_CONSTANTS = "Aop:CodeConstants";
  static final String INJECT_FAULT_IN_METHOD = "Aop:InjectFaultInMethod";

  /** The configuration without any flag. */
  public static final AopConfig DEFAULT =
      new AopConfig(
          AnalysisOptions.DEFAULT_MAX_STATES_PER_POINT, List.of(), List.of(), null, List.of());

  private static final Map<Map<String, String>, AopConfig> PARSED = new ConcurrentHashMap<>();

  public AopConfig {
    stubs = List.copyOf(stubs);
    codeConstants = List.copyOf(codeConstants);
    problems = List.copyOf(problems);
  }

  /**
   * The configuration the flags give. Every checker of a compilation receives the same flags, so
   * they are parsed once and the result shared.
   *
   * <p>A bad value does not throw (that would be a stack trace from inside the compiler): it is
   * recorded in {@link #problems()}, with a one-line message naming the flag.
   */
  public static AopConfig from(ErrorProneFlags flags) {
    Map<String, String> aopFlags = new java.util.TreeMap<>();
    flags
        .getFlagsMap()
        .forEach(
            (name, value) -> {
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
    List<String> codeConstants = new ArrayList<>();
    String fault = null;
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> flag : flags.entrySet()) {
      String value = flag.getValue().trim();
      switch (flag.getKey()) {
        case MAX_STATES_PER_POINT -> {
          Integer parsed = positiveInteger(value);
          if (parsed == null) {
            problems.add(
                "-XepOpt:"
                    + MAX_STATES_PER_POINT
                    + " must be a positive integer, not '"
                    + value
                    + "'");
          } else {
            maxStates = parsed;
          }
        }
        case STUBS -> {
          for (String path : value.split(",", -1)) {
            if (!path.isBlank()) {
              stubs.add(Path.of(path.trim()));
            }
          }
        }
        case CODE_CONSTANTS -> {
          for (String className : value.split(",", -1)) {
            if (!className.isBlank()) {
              codeConstants.add(className.trim());
            }
          }
        }
        case INJECT_FAULT_IN_METHOD -> fault = value;
        default ->
            problems.add(
                "unknown flag -XepOpt:"
                    + flag.getKey()
                    + " (aopcheck knows "
                    + MAX_STATES_PER_POINT
                    + ", "
                    + STUBS
                    + ", "
                    + CODE_CONSTANTS
                    + ")");
      }
    }
    return new AopConfig(maxStates, stubs, codeConstants, fault, problems);
  }

  private static Integer positiveInteger(String value) {
    try {
      int parsed = Integer.parseInt(value);
      return parsed >= 1 ? parsed : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The engine's options. */
  public AnalysisOptions analysisOptions() {
    return new AnalysisOptions(maxStatesPerPoint);
  }
}
