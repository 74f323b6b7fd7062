/**
 * Stub files: contracts for APIs that do not carry aopcheck's annotations, written in the Checker
 * Framework's stub-file format and read with JavaParser into a model that needs neither javac nor
 * the engine.
 *
 * <p>Entry point: {@link org.aopcheck.stubs.StubContracts#load}; a method's contract: {@link
 * org.aopcheck.stubs.StubContracts#find}, giving {@link org.aopcheck.stubs.MethodAnnotations}. A
 * bad file is a {@link org.aopcheck.stubs.StubFileException} with a one-line {@code FILE:LINE:
 * problem} message. The format and the rules for the types of a method's key are in {@code
 * docs/stubs.md}.
 */
package org.aopcheck.stubs;
