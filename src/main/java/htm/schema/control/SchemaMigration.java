package htm.schema.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

/**
 * Brings the database schema up to date with the Flyway scripts under {@code db/migration}, on the persistence
 * unit's own data source, while Hibernate starts: before it validates the schema and before any bean can use it.
 * Servers sharing one database migrate in turn; Flyway's history table serialises them.
 */
public class SchemaMigration implements Integrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrap, SessionFactoryImplementor sessionFactory) {
        DataSource dataSource = sessionFactory
                .getServiceRegistry()
                .requireService(ConnectionProvider.class)
                .unwrap(DataSource.class);
        MigrateResult result = flyway(dataSource).load().migrate();
        try (Connection connection = dataSource.getConnection()) {
            SearchableData.defineH2Functions(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot define the database's functions", e);
        }
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }

    /** HTM's migrations of this database: the scripts, and the one in Java. */
    static FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                // each folder Flyway reads holds an empty flyway.location, without which it cannot list it in Liberty
                .locations("classpath:db/migration")
                .javaMigrations(new FillReadCopies(), new SearchableData())
                .placeholders(types(dataSource));
    }

    /** What the scripts spell differently on H2 and PostgreSQL: unbounded text and bytes, a sequence's next value. */
    private static Map<String, String> types(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("H2")
                    ? Map.of("longText", "clob", "binary", "blob", "nextWorkItemId", "next value for work_item_seq")
                    : Map.of("longText", "text", "binary", "bytea", "nextWorkItemId", "nextval('work_item_seq')");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate its schema", e);
        }
    }
}
