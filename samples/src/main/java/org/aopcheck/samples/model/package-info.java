/**
 * Small pieces of kernel machinery that the samples need and the reference VM does not model: an
 * in-memory filesystem (ramfs), the dirty-page lookup of writeback, and the kernel's {@code
 * ERR_PTR} returns. Each class says which kernel code it stands for.
 */
package org.aopcheck.samples.model;
