package org.aopcheck.audit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line, parsed once into an immutable value.
 *
 * @param inputs source directories or {@code .java} files to check
 * @param classpath extra classpath entries the sources compile against, besides the annotations and
 *     the reference VM
 * @param stubs stub files or folders describing unannotated APIs ({@code -XepOpt:Aop:Stubs})
 * @param disabledChecks checks not to run
 * @param help whether {@code --help} was given
 */
record Options(
    List<Path> inputs,
    List<Path> classpath,
    List<Path> stubs,
    Set<String> disabledChecks,
    boolean help) {

  static final String USAGE =
      """
      usage: aopcheck [OPTION...] DIR|FILE.java...

      Checks Java sources against the AOP_TRUNCATED_PAGE / AOP_WRITEPAGE_ACTIVATE protocol
      with the aopcheck Error Prone plugin, and prints each finding as
        path:line: CheckName: message
      grouped by folder, followed by a count. The sources compile against the aopcheck
      annotations, the reference VM and JUnit's API, plus any --classpath entries. In a
      directory, every .java file is checked except those under target/, src/test/ and nested
      Maven projects (folders with their own pom.xml).

        -cp, --classpath PATH[:PATH...]  more jars or class folders the sources need
        --stubs PATH[,PATH...]           stub files (or folders of *.astub) giving the contract
                                         of unannotated APIs (docs/stubs.md)
        --disable CHECK[,CHECK...]       do not run these checks (e.g. AopLegacyName)
        -h, --help                       this text
        --                               end of options

        ./aopcheck samples    the bundled samples: the kernel's callers before the 2005 patch
                              and later kernel bugs, next to their fixed forms

      Exit status: 0 no finding, 1 findings, 2 usage or input error.""";

  static Options parse(String... args) throws UsageException {
    List<Path> inputs = new ArrayList<>();
    List<Path> classpath = new ArrayList<>();
    List<Path> stubs = new ArrayList<>();
    Set<String> disabledChecks = new LinkedHashSet<>();
    boolean help = false;
    boolean optionsEnded = false;
    for (int i = 0; i < args.length; i++) {
      String argument = args[i];
      if (optionsEnded || !argument.startsWith("-")) {
        inputs.add(Path.of(argument));
        continue;
      }
      String name = argument;
      String value = null;
      int equals = argument.indexOf('=');
      if (argument.startsWith("--") && equals > 0) {
        name = argument.substring(0, equals);
        value = argument.substring(equals + 1);
      }
      switch (name) {
        case "--" -> optionsEnded = true;
        case "-h", "--help" -> help = true;
        case "-cp", "--classpath" -> {
          value =
              value != null ? value : valueOf(args, ++i, name, "a classpath such as a.jar:b.jar");
          for (String entry : value.split(File.pathSeparator, -1)) {
            if (!entry.isEmpty()) {
              classpath.add(Path.of(entry));
            }
          }
        }
        case "--stubs" -> {
          value = value != null ? value : valueOf(args, ++i, name, "stub files or folders");
          for (String entry : value.split(",", -1)) {
            if (!entry.isEmpty()) {
              stubs.add(Path.of(entry));
            }
          }
        }
        case "--disable" -> {
          value = value != null ? value : valueOf(args, ++i, name, "check names");
          for (String check : value.split(",", -1)) {
            if (!check.isEmpty()) {
              disabledChecks.add(check);
            }
          }
        }
        default -> throw new UsageException("unknown option " + argument + " (see --help)");
      }
    }
    if (help) {
      return new Options(List.of(), List.of(), List.of(), Set.of(), true);
    }
    if (inputs.isEmpty()) {
      throw new UsageException("no sources given: name a directory or .java files (see --help)");
    }
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new UsageException(input + ": no such file or directory");
      }
      if (Files.isRegularFile(input) && !input.toString().endsWith(".java")) {
        throw new UsageException(input + ": not a .java file or a directory");
      }
    }
    for (Path entry : classpath) {
      if (!Files.exists(entry)) {
        throw new UsageException(entry + ": classpath entry does not exist");
      }
    }
    for (Path stub : stubs) {
      if (!Files.exists(stub)) {
        throw new UsageException(stub.toAbsolutePath() + ": no such stub file or folder");
      }
    }
    List<String> known = ErrorProneRun.checkNames();
    for (String check : disabledChecks) {
      if (!known.contains(check)) {
        throw new UsageException(
            "--disable: unknown check "
                + check
                + " (the checks: "
                + String.join(", ", known)
                + ")");
      }
    }
    return new Options(
        List.copyOf(inputs),
        List.copyOf(classpath),
        List.copyOf(stubs),
        Set.copyOf(disabledChecks),
        false);
  }

  private static String valueOf(String[] args, int index, String option, String what)
      throws UsageException {
    if (index >= args.length) {
      throw new UsageException(option + " needs a value: " + what);
    }
    return args[index];
  }
}
