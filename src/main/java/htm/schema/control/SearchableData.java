package htm.schema.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 14: what work lists need to filter by the task's data (htm.worklist.control.DataSql). On
 * PostgreSQL, a jsonb copy of the input and output that the database keeps (a trigger), GIN indexes on
 * them, and htm_time, which reads a time as DataMatch does; a document jsonb cannot hold (U+0000 in a string)
 * gets no copy rather than failing the write. H2 needs no change of schema: it calls DataMatch itself.
 */
public class SearchableData extends BaseJavaMigration {

    /** The functions, apart from the columns and indexes (a test holds them to DataMatch). */
    static final List<String> POSTGRES_FUNCTIONS = List.of("""
        create or replace function htm_jsonb(document text) returns jsonb
        language plpgsql immutable strict parallel safe as $$
        begin
            return document::jsonb;
        exception when others then
            return null;
        end $$""", """
        create or replace function htm_time(value text) returns timestamptz
        language plpgsql immutable strict parallel safe as $$
        begin
            if value !~ '^[1-9][0-9]{3}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,6})?)?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])$' then
                return null;
            end if;
            return value::timestamptz;
        exception when others then
            return null;
        end $$""");

    /**
     * The copies, kept by a trigger rather than as generated columns: those PostgreSQL computes again on every
     * update of the row (Hibernate's updates name every column), a second parse of each document per claim.
     */
    private static final List<String> POSTGRES_COLUMNS = List.of(
            "alter table task add column input_data jsonb, add column output_data jsonb",
            """
            create or replace function htm_task_data() returns trigger language plpgsql as $$
            begin
                if tg_op = 'INSERT' or new.input_message is distinct from old.input_message then
                    new.input_data := htm_jsonb(new.input_message);
                end if;
                if tg_op = 'INSERT' or new.output_message is distinct from old.output_message then
                    new.output_data := htm_jsonb(new.output_message);
                end if;
                return new;
            end $$""",
            "create trigger task_data before insert or update on task for each row execute function htm_task_data()",
            "update task set input_data = htm_jsonb(input_message), output_data = htm_jsonb(output_message)"
                    + " where input_message is not null or output_message is not null",
            "create index task_input_data on task using gin (input_data jsonb_path_ops)",
            "create index task_output_data on task using gin (output_data jsonb_path_ops)");

    /** Its version and description are its own, not read from its name (Flyway's default). */
    @Override
    protected void init() {}

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("14");
    }

    @Override
    public String getDescription() {
        return "searchable data";
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (connection.getMetaData().getDatabaseProductName().equals("H2")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : POSTGRES_FUNCTIONS) {
                statement.execute(sql);
            }
            for (String sql : POSTGRES_COLUMNS) {
                statement.execute(sql);
            }
        }
    }

    /**
     * On H2, the function htm_data_matches, made anew each time the application starts: H2 keeps the class it
     * loaded for as long as the database is open, and a class of an application since stopped must not serve the
     * next. FORCE: H2 loads it when it first calls it, from a request, through the application's class loader (its
     * own cannot see the application).
     */
    static void defineH2Functions(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseProductName().equals("H2")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop alias if exists htm_data_matches");
                statement.execute(
                        "create force alias htm_data_matches deterministic for 'htm.worklist.control.DataMatch.matches'");
            }
        }
    }
}
