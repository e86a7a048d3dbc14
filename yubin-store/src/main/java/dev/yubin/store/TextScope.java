package dev.yubin.store;

/** Which part of a message a full-text search looks at (RFC 9051 §6.4.4 SEARCH BODY and TEXT). */
public enum TextScope {
    /** The body: text parts, attachment names, attached messages' headers. */
    BODY,
    /** The header and the body. */
    TEXT
}
