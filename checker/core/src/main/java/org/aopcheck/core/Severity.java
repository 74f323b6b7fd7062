package org.aopcheck.core;

/** How seriously a front-end reports a check's findings by default. */
public enum Severity {
  /** Fails the build (Error Prone ERROR, SARIF "error"). */
  ERROR,
  /** Reported without failing the build (Error Prone WARNING, SARIF "warning"). */
  WARNING
}
