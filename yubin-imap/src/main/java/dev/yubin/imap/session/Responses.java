package dev.yubin.imap.session;

/**
 * The reply catalogue: every tagged NO/BAD the server sends, with its response code (RFC 9051
 * §7.1, RFC 5530), in one place.
 */
public final class Responses {
    private Responses() {
    }

    public static final Result NONEXISTENT = new Result.No("NONEXISTENT", "No such mailbox");
    public static final Result ALREADY_EXISTS = new Result.No("ALREADYEXISTS", "Mailbox already exists");
    public static final Result CANNOT_INBOX = new Result.No("CANNOT", "INBOX cannot be deleted");
    public static final Result AUTH_FAILED = new Result.No("AUTHENTICATIONFAILED", "Authentication failed");
    public static final Result AUTHZ_FAILED = new Result.No("AUTHORIZATIONFAILED", "Authorization failed");
    public static final Result AUTH_UNAVAILABLE = new Result.No("UNAVAILABLE", "Authentication service unavailable");
    public static final Result PRIVACY_REQUIRED = new Result.No("PRIVACYREQUIRED",
            "Use STARTTLS or port 993 before authenticating");
    public static final Result LIMIT_SESSIONS = new Result.No("LIMIT", "Too many sessions for this user");
    public static final Result OVER_QUOTA = new Result.No("OVERQUOTA", "Quota exceeded");
    public static final Result TOO_BIG = new Result.No("TOOBIG", "Message too large");
    public static final Result READ_ONLY = new Result.No("READ-ONLY", "Mailbox is read-only");
    public static final Result SERVER_BUG = new Result.No("SERVERBUG", "Internal error; try again later");
    public static final Result UNAVAILABLE = new Result.No("UNAVAILABLE", "Temporary failure; try again later");
    public static final Result BAD_CHARSET = new Result.No("BADCHARSET (UTF-8 US-ASCII)", "Charset not supported");
    public static final Result NOT_AUTHENTICATED = new Result.Bad(null, "Not authenticated; log in first");
    public static final Result ALREADY_AUTHENTICATED = new Result.Bad(null, "Already authenticated");
    public static final Result NOT_SELECTED = new Result.Bad(null, "No mailbox selected");
    public static final Result BAD_SEQUENCE = new Result.Bad(null, "Invalid message sequence number");
    public static final Result NO_SAVED = new Result.Bad(null, "No saved search result");
    public static final Result TLS_ACTIVE = new Result.Bad(null, "TLS already active");
    public static final Result TLS_UNAVAILABLE = new Result.No(null, "TLS not available");
    public static final Result CANCELLED = new Result.Bad(null, "Authentication cancelled");
    public static final Result UNKNOWN_MECHANISM = new Result.No(null, "Unsupported authentication mechanism");
    public static final Result NO_QUOTA_ROOT = new Result.No("NONEXISTENT", "No such quota root");
    public static final Result QUOTA_READ_ONLY = new Result.No("NOPERM", "Quota limits are set by the administrator");
    public static final Result USE_ATTR = new Result.No("USEATTR", "Unsupported special-use attribute");
    public static final Result COMPRESSION_ACTIVE = new Result.No("COMPRESSIONACTIVE", "Compression already active");
    public static final Result BAD_MECHANISM = new Result.Bad(null, "Unsupported compression mechanism");
    public static final Result EXPUNGE_ISSUED = new Result.No("EXPUNGEISSUED", "Some messages were expunged");
}
