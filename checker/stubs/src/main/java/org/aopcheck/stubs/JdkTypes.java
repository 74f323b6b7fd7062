package org.aopcheck.stubs;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which names are types and packages of the running JDK. A stub is read without a classpath, so the
 * JDK is the only library whose contents are known: it resolves {@code java.lang} names and names
 * from on-demand imports of JDK packages ({@code import java.util.*;}). Classes are looked up
 * without being initialised.
 */
final class JdkTypes {
  private static final Map<String, Boolean> TYPES = new ConcurrentHashMap<>();
  private static final Set<String> PACKAGES =
      ModuleLayer.boot().modules().stream()
          .filter(
              m ->
                  m.getClassLoader() == null
                      || m.getClassLoader() == ClassLoader.getPlatformClassLoader())
          .flatMap(m -> m.getPackages().stream())
          .collect(Collectors.toUnmodifiableSet());

  /** Whether the canonical name ({@code java.util.Map.Entry}) names a JDK type. */
  static boolean isType(String canonicalName) {
    return TYPES.computeIfAbsent(canonicalName, JdkTypes::lookUp);
  }

  /** Whether the name is a package of the JDK. */
  static boolean isPackage(String name) {
    return PACKAGES.contains(name);
  }

  /** Tries the binary names a canonical name can stand for: {@code a.B.C}, {@code a.B$C}, .... */
  private static boolean lookUp(String canonicalName) {
    String binaryName = canonicalName;
    while (true) {
      try {
        Class.forName(binaryName, false, ClassLoader.getPlatformClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        int lastDot = binaryName.lastIndexOf('.');
        if (lastDot < 0) {
          return false;
        }
        binaryName = binaryName.substring(0, lastDot) + "$" + binaryName.substring(lastDot + 1);
      }
    }
  }

  private JdkTypes() {}
}
