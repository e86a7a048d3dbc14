package dev.yubin.pop3;

import java.util.EnumSet;
import java.util.Set;

/** RFC 1939 §3 session states. UPDATE is entered only by QUIT from TRANSACTION. */
enum Pop3State {
    AUTHORIZATION, TRANSACTION, UPDATE;

    static final Set<Pop3State> AUTH_ONLY = EnumSet.of(AUTHORIZATION);
    static final Set<Pop3State> TRANSACTION_ONLY = EnumSet.of(TRANSACTION);
    static final Set<Pop3State> BOTH = EnumSet.of(AUTHORIZATION, TRANSACTION);
}
