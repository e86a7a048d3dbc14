/**
 * Test helpers shared by every module: {@link dev.yubin.testkit.TempDataDir}; SMTP clients in
 * {@code smtp}, an in-process DNS server and {@code LoopbackNames} (chosen names → 127.0.0.1 in
 * the JDK resolver) in {@code dns}, a throw-away CA and an HTTPS server in {@code tls}.
 *
 * <p>Invariants: helpers only touch loopback and temporary directories. Known gaps: none noted.
 */
package dev.yubin.testkit;
