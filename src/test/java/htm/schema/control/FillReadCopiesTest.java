package htm.schema.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import htm.task.entity.Assignment;
import htm.task.entity.PeopleRole;
import htm.task.entity.ReadCopy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A database an HTM before read copies filled gets one for each of its tasks, saying what its tables say. */
class FillReadCopiesTest {

    @Test
    void everyTaskAlreadyThereGetsItsReadCopy() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:fill" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        SchemaMigration.flyway(h2).target("7").load().migrate();
        try (Connection connection = h2.getConnection();
                Statement sql = connection.createStatement()) {
            for (int i = 0; i < 2500; i++) {
                sql.addBatch("insert into task (tkiid, version, name, kind, state, suspended, escalated, priority, "
                        + "originator, creation_time, last_modification_time, last_state_change_time, "
                        + "position_in_hierarchy, business_relevant, supports_automatic_claim, "
                        + "supports_claim_if_suspended, supports_delegation, supports_follow_on_tasks, "
                        + "supports_sub_tasks, waiting_for_sub_task, awaiting_information) values ('t" + i + "', 0, "
                        + "'n', 'KIND_HUMAN', 'STATE_READY', false, false, 5, 'alice', current_timestamp, "
                        + "current_timestamp, current_timestamp, 'HIERARCHY_POSITION_TOP_TASK', true, false, false, "
                        + "true, true, true, false, false)");
            }
            sql.executeBatch();
            sql.execute("insert into task_people (task_id, people_role, is_group, principal) values "
                    + "('t1', 'POTENTIAL_OWNER', true, 'reviewers'), ('t1', 'READER', false, 'bob \"b\"')");
            sql.execute("insert into task_custom_property (task_id, prop_name, prop_value) values "
                    + "('t1', 'x', 'y\nz'), ('t2', 'k', 'v')");
            sql.execute("insert into task_binary_property_meta (task_id, prop_name, media_type) values "
                    + "('t2', 'scan', 'image/png'), ('t2', 'old', null)");
        }
        SchemaMigration.flyway(h2).load().migrate();
        Map<String, ReadCopy> copies = new HashMap<>();
        try (Connection connection = h2.getConnection();
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select tkiid, read_copy from task")) {
            while (rows.next()) {
                copies.put(rows.getString(1), ReadCopy.parse(rows.getString(2)));
            }
        }
        assertEquals(2500, copies.size());
        assertEquals(
                new ReadCopy(
                        Set.of(
                                Assignment.group(PeopleRole.POTENTIAL_OWNER, "reviewers"),
                                Assignment.user(PeopleRole.READER, "bob \"b\"")),
                        Map.of("x", "y\nz"),
                        Map.of()),
                copies.get("t1"));
        assertEquals(
                new ReadCopy(
                        Set.of(), Map.of("k", "v"), Map.of("scan", "image/png", "old", "application/octet-stream")),
                copies.get("t2"));
        assertEquals(new ReadCopy(Set.of(), Map.of(), Map.of()), copies.get("t2499"));
    }
}
