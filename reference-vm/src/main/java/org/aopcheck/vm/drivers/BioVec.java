package org.aopcheck.vm.drivers;

/** {@code struct bio_vec}: a segment of a block request, here the bytes to write. */
public record BioVec(byte[] data, int offset, int length) {}
