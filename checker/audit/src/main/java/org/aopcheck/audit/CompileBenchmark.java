package org.aopcheck.audit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Measures what aopcheck adds to a compile: the same sources compiled in one JVM, round-robin, with
 * javac alone, with Error Prone hosting no check (the baseline), and with aopcheck's checks.
 *
 * <p>Reported as ratios against the baseline measured in the same run, so that the figures do not
 * depend on the machine. Run it with {@code mvn -B -pl checker/audit -am -Pbenchmark verify}; see
 * docs/performance.md.
 */
public final class CompileBenchmark {
  private CompileBenchmark() {}

  public static void main(String... args) throws UsageException {
    int warmups = 5;
    int iterations = 15;
    List<Path> inputs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--warmups" -> warmups = Integer.parseInt(args[++i]);
        case "--iterations" -> iterations = Integer.parseInt(args[++i]);
        default -> {
          for (String input : args[i].split(",", -1)) {
            if (!input.isEmpty()) {
              inputs.add(Path.of(input));
            }
          }
        }
      }
    }
    List<Path> sources = SourceTree.javaFiles(inputs);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.printf(
        "%d source files from %s; %d warm-up rounds, %d measured rounds%n",
        sources.size(), inputs, warmups, iterations);

    Map<ErrorProneRun.Plugins, long[]> samples = new EnumMap<>(ErrorProneRun.Plugins.class);
    for (ErrorProneRun.Plugins plugins : ErrorProneRun.Plugins.values()) {
      samples.put(plugins, new long[iterations]);
    }
    for (int round = -warmups; round < iterations; round++) {
      // Round-robin, so that drift in the machine's speed hits every configuration alike.
      for (ErrorProneRun.Plugins plugins : ErrorProneRun.Plugins.values()) {
        long nanoseconds =
            ErrorProneRun.compile(sources, ErrorProneRun.Settings.DEFAULT, plugins).nanoseconds();
        if (round >= 0) {
          samples.get(plugins)[round] = nanoseconds;
        }
      }
    }

    double baseline = median(samples.get(ErrorProneRun.Plugins.ERROR_PRONE_WITHOUT_CHECKS));
    out.println();
    out.println("| configuration | median ms | min ms | ratio to baseline |");
    out.println("|---|---:|---:|---:|");
    for (ErrorProneRun.Plugins plugins : ErrorProneRun.Plugins.values()) {
      long[] times = samples.get(plugins);
      out.printf(
          "| %s | %.0f | %.0f | %.2f |%n",
          plugins.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
          median(times) / 1e6,
          Arrays.stream(times).min().orElseThrow() / 1e6,
          median(times) / baseline);
    }
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
  }
}
