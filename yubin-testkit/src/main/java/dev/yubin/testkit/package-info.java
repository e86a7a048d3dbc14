/**
 * Test helpers shared by every module: {@link dev.yubin.testkit.TempDataDir}; SMTP clients in
 * {@code smtp}, an in-process DNS server in {@code dns}.
 *
 * <p>Invariants: helpers only touch loopback and temporary directories. Known gaps: none noted.
 */
package dev.yubin.testkit;
