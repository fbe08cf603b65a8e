package htm.schema.control;

import jakarta.persistence.EntityManager;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** Which database HTM runs on, where SQL must be written for one (the others being H2). */
public final class Databases {

    private Databases() {}

    public static boolean isPostgres(EntityManager em) {
        return em.getEntityManagerFactory()
                        .unwrap(SessionFactoryImplementor.class)
                        .getJdbcServices()
                        .getDialect()
                instanceof PostgreSQLDialect;
    }
}
