package org.gridwatch.bench.city;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Rows streamed into one table with PostgreSQL's {@code COPY … FROM STDIN} (text format) on its own connection:
 * {@link #row} takes the column values in the order given, {@code null} as SQL NULL, geometry as EWKT.
 */
final class CopyRows implements AutoCloseable {
  private final PGCopyOutputStream out;
  private final Writer w;
  private final StringBuilder line = new StringBuilder(512);
  private long rows;

  CopyRows(Connection c, String table, String columns) throws SQLException {
    out = new PGCopyOutputStream(c.unwrap(PGConnection.class), "COPY " + table + " (" + columns + ") FROM STDIN", 1 << 20);
    w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 20);
  }

  void row(Object... values) throws IOException {
    line.setLength(0);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) line.append('\t');
      Object v = values[i];
      if (v == null) line.append("\\N");
      else if (v instanceof String s) escape(s);
      else if (v instanceof Instant t) line.append(t);
      else line.append(v);
    }
    line.append('\n');
    w.append(line);
    rows++;
  }

  private void escape(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> line.append("\\\\");
        case '\t' -> line.append("\\t");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        default -> line.append(ch);
      }
    }
  }

  long rows() { return rows; }

  @Override
  public void close() throws IOException {
    w.close(); // flushes and ends the COPY
  }
}
