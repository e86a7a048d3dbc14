package dev.yubin.store.sql;

import java.sql.SQLException;
import org.sqlite.Function;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite connections with Yubin's SQL functions registered:
 * {@code yubin_contains(haystack, needle)} is 1 when {@code haystack} contains {@code needle}
 * ignoring case the way Java's {@code regionMatches(true, ...)} does (Unicode, not only ASCII
 * like SQLite's {@code lower}), so scans agree with the case-folding trigram index.
 */
final class SqliteFunctions extends SQLiteDataSource {
    private static final long serialVersionUID = 1L;

    SqliteFunctions(SQLiteConfig config) {
        super(config);
    }

    @Override
    public SQLiteConnection getConnection(String username, String password) throws SQLException {
        SQLiteConnection c = super.getConnection(username, password);
        Function.create(c, "yubin_contains", new Contains(), 2, Function.FLAG_DETERMINISTIC);
        return c;
    }

    static boolean containsIgnoreCase(String haystack, String needle) {
        int n = needle.length();
        for (int i = 0, last = haystack.length() - n; i <= last; i++) {
            if (haystack.regionMatches(true, i, needle, 0, n)) {
                return true;
            }
        }
        return false;
    }

    private static final class Contains extends Function {
        @Override
        protected void xFunc() throws SQLException {
            String haystack = value_text(0);
            String needle = value_text(1);
            result(haystack != null && needle != null && containsIgnoreCase(haystack, needle) ? 1 : 0);
        }
    }
}
