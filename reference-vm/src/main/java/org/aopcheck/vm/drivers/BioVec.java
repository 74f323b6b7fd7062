package org.aopcheck.vm.drivers;

/** {@code struct bio_vec}: a segment of a block request, here the bytes to write. */
// It shares the caller's buffer, as the kernel's points at a page; bio_vecs are never compared.
@SuppressWarnings("ArrayRecordComponent")
public record BioVec(byte[] data, int offset, int length) {}
