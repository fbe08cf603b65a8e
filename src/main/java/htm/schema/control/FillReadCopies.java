package htm.schema.control;

import htm.task.entity.Assignment;
import htm.task.entity.PeopleRole;
import htm.task.entity.ReadCopy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Schema version 9: writes the read copy (V8) of every task that has none, a thousand tasks at a time. */
public class FillReadCopies extends BaseJavaMigration {

    private static final int CHUNK = 1000;

    /** Its version and description are its own, not read from its name (Flyway's default). */
    @Override
    protected void init() {}

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("9");
    }

    @Override
    public String getDescription() {
        return "fill read copies";
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (List<String> tasks = next(connection); !tasks.isEmpty(); tasks = next(connection)) {
            Map<String, Set<Assignment>> people = new HashMap<>();
            Map<String, Map<String, String>> custom = new HashMap<>();
            Map<String, Map<String, String>> binary = new HashMap<>();
            read(
                    connection,
                    "select task_id, people_role, is_group, principal from task_people",
                    tasks,
                    row -> people.computeIfAbsent(row.getString(1), t -> new HashSet<>())
                            .add(new Assignment(
                                    PeopleRole.valueOf(row.getString(2)), row.getBoolean(3), row.getString(4))));
            // the columns allow nulls that HTM never writes: as the API would store them, an empty value and the
            // media type of bytes sent without one
            read(
                    connection,
                    "select task_id, prop_name, coalesce(prop_value, '') from task_custom_property",
                    tasks,
                    row -> custom.computeIfAbsent(row.getString(1), t -> new HashMap<>())
                            .put(row.getString(2), row.getString(3)));
            read(
                    connection,
                    "select task_id, prop_name, coalesce(media_type, 'application/octet-stream') "
                            + "from task_binary_property_meta",
                    tasks,
                    row -> binary.computeIfAbsent(row.getString(1), t -> new HashMap<>())
                            .put(row.getString(2), row.getString(3)));
            try (PreparedStatement update =
                    connection.prepareStatement("update task set read_copy = ? where tkiid = ?")) {
                for (String task : tasks) {
                    update.setString(
                            1,
                            new ReadCopy(
                                            people.getOrDefault(task, Set.of()),
                                            custom.getOrDefault(task, Map.of()),
                                            binary.getOrDefault(task, Map.of()))
                                    .json());
                    update.setString(2, task);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
    }

    private static List<String> next(Connection connection) throws SQLException {
        List<String> tasks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                        "select tkiid from task where read_copy is null order by tkiid fetch first " + CHUNK
                                + " rows only");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tasks.add(rows.getString(1));
            }
        }
        return tasks;
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet row) throws SQLException;
    }

    private static void read(Connection connection, String select, List<String> tasks, Row row) throws SQLException {
        String sql = select + " where task_id in (" + String.join(",", Collections.nCopies(tasks.size(), "?")) + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < tasks.size(); i++) {
                statement.setString(i + 1, tasks.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.accept(rows);
                }
            }
        }
    }
}
