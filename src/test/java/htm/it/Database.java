package htm.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The integration tests' database, reached beside the server (H2 through its automatic server mode, or
 * PostgreSQL), for what the API rightly does not show or refuses: the rows as they are, and rows as an older HTM or
 * a hand-made change left them.
 */
final class Database {

    private Database() {}

    static int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** Each row of the answer as its columns' values, written as text and joined by "|". */
    static Set<String> rows(String sql, Object... parameters) throws SQLException {
        Set<String> rows = new HashSet<>();
        try (Connection connection = connect();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet answer = statement.executeQuery()) {
            while (answer.next()) {
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= answer.getMetaData().getColumnCount(); i++) {
                    columns.add(answer.getString(i));
                }
                rows.add(String.join("|", columns));
            }
        }
        return rows;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user"), "");
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
