package htm.schema.control;

import htm.worklist.control.DataField;
import htm.worklist.control.DataSql;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.metamodel.model.domain.ReturnableType;
import org.hibernate.query.sqm.function.AbstractSqmSelfRenderingFunctionDescriptor;
import org.hibernate.query.sqm.produce.function.StandardArgumentsValidators;
import org.hibernate.query.sqm.produce.function.StandardFunctionReturnTypeResolvers;
import org.hibernate.sql.ast.SqlAstNodeRenderingMode;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.spi.SqlAppender;
import org.hibernate.sql.ast.tree.SqlAstNode;
import org.hibernate.sql.ast.tree.expression.ColumnReference;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;

/**
 * The data conditions of work lists as HQL functions, one per {@link DataSql.Form} of this database:
 * htm_data_contains(t.input, :doc) and so on, each true or false. The first argument is the document attribute; on
 * PostgreSQL a function reads its jsonb copy instead, a column the entity does not map (the database keeps it).
 */
public class DataFunctions implements FunctionContributor {

    @Override
    public void contributeFunctions(FunctionContributions contributions) {
        boolean postgres = contributions.getDialect() instanceof PostgreSQLDialect;
        BasicType<Boolean> bool =
                contributions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN);
        for (DataSql.Form form : DataSql.Form.values()) {
            if (form.isPostgres() == postgres) {
                contributions.getFunctionRegistry().register(form.function(), new Function(form, postgres, bool));
            }
        }
    }

    private static final class Function extends AbstractSqmSelfRenderingFunctionDescriptor {

        private final DataSql.Form form;
        private final boolean postgres;

        Function(DataSql.Form form, boolean postgres, BasicType<Boolean> bool) {
            super(
                    form.function(),
                    StandardArgumentsValidators.exactly(form.arguments()),
                    StandardFunctionReturnTypeResolvers.invariant(bool),
                    null);
            this.form = form;
            this.postgres = postgres;
        }

        @Override
        public void render(
                SqlAppender sql,
                List<? extends SqlAstNode> arguments,
                ReturnableType<?> returnType,
                SqlAstTranslator<?> translator) {
            List<SqlAstNode> nodes = new ArrayList<>(arguments);
            if (postgres) {
                ColumnReference document = ((Expression) arguments.get(0)).getColumnReference();
                String searchColumn = Arrays.stream(DataField.Message.values())
                        .filter(m -> m.column().equals(document.getColumnExpression()))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                form.function() + " takes a task's input or output, not " + document))
                        .searchColumn();
                nodes.set(
                        0,
                        new ColumnReference(
                                document.getQualifier(), searchColumn, false, null, document.getJdbcMapping()));
            }
            String pattern = form.pattern();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '?' && i + 1 < pattern.length() && Character.isDigit(pattern.charAt(i + 1))) {
                    translator.render(nodes.get(pattern.charAt(++i) - '1'), SqlAstNodeRenderingMode.DEFAULT);
                } else {
                    sql.appendSql(c);
                }
            }
        }
    }
}
