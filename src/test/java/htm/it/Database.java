package htm.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The integration tests' database, reached beside the server (H2 through its automatic server mode, or
 * PostgreSQL), for the one thing the API rightly refuses: rows as an older HTM or a hand-made change left them.
 */
final class Database {

    private Database() {
    }

    static int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(System.getProperty("it.db.url"),
                System.getProperty("it.db.user"), "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
