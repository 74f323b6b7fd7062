package org.aopcheck.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line, parsed once into an immutable value.
 *
 * @param inputs source directories or {@code .java} files to check
 * @param classpath extra classpath entries the sources compile against, besides the annotations and
 *     the reference VM
 * @param help whether {@code --help} was given
 */
record Options(List<Path> inputs, List<Path> classpath, boolean help) {

  static final String USAGE =
      """
      usage: aopcheck [--classpath PATH[:PATH...]] DIR|FILE.java...

      Checks Java sources against the AOP_TRUNCATED_PAGE / AOP_WRITEPAGE_ACTIVATE protocol
      with the aopcheck Error Prone plugin, and prints each finding as
        path:line: CheckName: message
      followed by a count. The sources compile against the aopcheck annotations and the
      reference VM, plus any --classpath entries. In a directory, every .java file is checked
      except those under target/, src/test/ and nested Maven projects (folders with a pom.xml).

        ./aopcheck samples    the bundled samples: the kernel's callers before the 2005 patch
                              and later kernel bugs, next to their fixed forms

      Exit status: 0 no finding, 1 findings, 2 usage or input error.""";

  static Options parse(String... args) throws UsageException {
    List<Path> inputs = new ArrayList<>();
    List<Path> classpath = new ArrayList<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String argument = args[i];
      switch (argument) {
        case "-h", "--help" -> help = true;
        case "-cp", "--classpath" -> {
          if (i + 1 == args.length) {
            throw new UsageException(
                argument + " needs a value: a classpath such as lib/a.jar:lib/b.jar");
          }
          for (String entry : args[++i].split(java.io.File.pathSeparator, -1)) {
            if (!entry.isEmpty()) {
              classpath.add(Path.of(entry));
            }
          }
        }
        default -> {
          if (argument.startsWith("-")) {
            throw new UsageException("unknown option " + argument + " (see --help)");
          }
          inputs.add(Path.of(argument));
        }
      }
    }
    if (!help && inputs.isEmpty()) {
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
    return new Options(List.copyOf(inputs), List.copyOf(classpath), help);
  }
}
