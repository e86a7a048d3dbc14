package dev.yubin.store.queue;

/** RFC 6152 BODY parameter given at MAIL FROM. */
public enum BodyType { UNSPECIFIED, SEVEN_BIT, EIGHT_BIT_MIME }
