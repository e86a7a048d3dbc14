/**
 * Message bodies as immutable files: {@link dev.yubin.store.fs.FsBlobStore}.
 *
 * <p>Invariant: a blob id is returned only after the file and its directory entry are fsync'd
 * (write, fsync the file, fsync its directory). Known gaps: no S3 backend yet; no content
 * addressing.
 */
package dev.yubin.store.fs;
