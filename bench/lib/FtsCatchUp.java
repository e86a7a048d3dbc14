import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Completes Yubin's deferred full-text index of a stopped server's SQLite database in one
 * transaction: what the server's idle indexer reaches on its own, minutes after a bulk load.
 * Usage: java -cp yubin-app/target/lib/sqlite-jdbc-*.jar bench/lib/FtsCatchUp.java DATA_DIR/yubin.db
 */
public class FtsCatchUp {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            int n = st.executeUpdate("INSERT INTO blob_fts (rowid, content) SELECT t.blob_id, t.content"
                    + " FROM text_pending p JOIN blob_texts t ON t.blob_id = p.blob_id");
            st.executeUpdate("DELETE FROM text_pending");
            c.commit();
            System.err.println("full-text index: " + n + " pending texts indexed");
        }
    }
}
