package org.aopcheck.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.aopcheck.core.finding.MessageKey;
import org.junit.jupiter.api.Test;

/** The registry: names are unique, well-formed, and every check has a message. */
class CheckTest {
  @Test
  void namesAreUniqueAndLookUpRoundTrips() {
    Set<String> names = Arrays.stream(Check.values()).map(Check::checkName).collect(Collectors.toSet());
    assertEquals(Check.values().length, names.size());
    for (Check check : Check.values()) {
      assertEquals(check, Check.byName(check.checkName()));
      assertTrue(check.checkName().matches("Aop[A-Z][A-Za-z]+"), check.checkName());
      assertEquals("docs/checks/" + check.checkName() + ".md", check.docPath());
    }
    assertNull(Check.byName("NoSuchCheck"));
  }

  @Test
  void theCatalogueOfTheDesignIsComplete() {
    Set<String> design =
        Set.of(
            "AopResultIgnored",
            "AopTruncatedPageUnhandled",
            "AopWritepageActivateUnhandled",
            "AopDoubleUnlock",
            "AopPageLeftLocked",
            "AopTruncatedPageLeak",
            "AopTruncatedPageUse",
            "AopImplementationLockState",
            "AopWritepageActivateNotRedirtied",
            "AopUndeclaredCode",
            "AopLegacyName");
    assertEquals(
        design, Arrays.stream(Check.values()).map(Check::checkName).collect(Collectors.toSet()));
  }

  @Test
  void everyCheckHasAtLeastOneMessageKey() {
    Set<Check> withMessages = EnumSet.noneOf(Check.class);
    for (MessageKey key : MessageKey.values()) {
      withMessages.add(key.check());
    }
    assertEquals(EnumSet.allOf(Check.class), withMessages);
  }
}
