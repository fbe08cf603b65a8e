package htm.worklist.control;

import htm.problem.entity.HtmException;
import htm.task.control.Times;
import htm.task.entity.PeopleRole;
import htm.task.entity.TaskKind;
import htm.task.entity.TaskState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parser for the subset of HTM's query where clause that HTM supports (README, "HTM where clauses"):
 * <pre>
 *   clause     := or
 *   or         := and ("OR" and)*
 *   and        := unary ("AND" unary)*
 *   unary      := "NOT" unary | "(" or ")" | condition
 *   condition  := column op value | column "IS" ["NOT"] "NULL" | column "LIKE" 'prefix%'
 *               | column "IN" "(" value ("," value)* ")" | "WORK_ITEM.REASON" "=" reason
 *   column     := TASK.NAME, TASK.STATE, … | TASK.INPUT.key(.key)* | TASK.OUTPUT.key(.key)*
 *   value      := 'string' | number | TRUE | FALSE | TS('2026-12-01T12:00:00Z') | TASK.STATE.STATE_… | TASK.KIND.KIND_…
 * </pre>
 * The result is a {@link Criterion} tree; no text of the clause ever reaches SQL. Anything else is a 400
 * that names the position (1-based) where the clause stops making sense.
 */
public final class WhereClause {

    static final int MAX_LENGTH = 4000;
    private static final int MAX_DEPTH = 32;

    public static final Map<String, TaskField> COLUMNS = Map.ofEntries(
            Map.entry("TASK.TKIID", TaskField.TKIID),
            Map.entry("TASK.NAME", TaskField.NAME),
            Map.entry("TASK.NAMESPACE", TaskField.NAMESPACE),
            Map.entry("TASK.STATE", TaskField.STATE),
            Map.entry("TASK.KIND", TaskField.KIND),
            Map.entry("TASK.PRIORITY", TaskField.PRIORITY),
            Map.entry("TASK.OWNER", TaskField.OWNER),
            Map.entry("TASK.ORIGINATOR", TaskField.ORIGINATOR),
            Map.entry("TASK.STARTER", TaskField.STARTER),
            Map.entry("TASK.DUE", TaskField.DUE_TIME),
            Map.entry("TASK.EXPIRES", TaskField.EXPIRATION_TIME),
            Map.entry("TASK.ACTIVATED", TaskField.ACTIVATION_TIME),
            Map.entry("TASK.CREATED", TaskField.CREATION_TIME),
            Map.entry("TASK.COMPLETED", TaskField.COMPLETION_TIME),
            Map.entry("TASK.IS_SUSPENDED", TaskField.SUSPENDED),
            Map.entry("TASK.IS_ESCALATED", TaskField.ESCALATED),
            Map.entry("TASK.PARENT_CONTEXT_ID", TaskField.PARENT_CONTEXT_ID),
            Map.entry("TASK.TOP_TKIID", TaskField.TOP_LEVEL_TASK_ID),
            Map.entry("TASK.CONTAINMENT_CTX_ID", TaskField.CONTAINMENT_CONTEXT_ID));

    public static final Map<String, PeopleRole> REASONS = Map.of(
            "REASON_POTENTIAL_OWNER",
            PeopleRole.POTENTIAL_OWNER,
            "REASON_OWNER",
            PeopleRole.OWNER,
            "REASON_ORIGINATOR",
            PeopleRole.ORIGINATOR,
            "REASON_STARTER",
            PeopleRole.STARTER,
            "REASON_ADMINISTRATOR",
            PeopleRole.ADMINISTRATOR,
            "REASON_EDITOR",
            PeopleRole.EDITOR,
            "REASON_READER",
            PeopleRole.READER,
            "REASON_ESCALATION_RECEIVER",
            PeopleRole.ESCALATION_RECEIVER);

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final List<Token> tokens;
    private int next;
    private int depth;
    private int dataConditions;

    private WhereClause(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static Criterion parse(String clause) {
        if (clause == null || clause.isBlank()) {
            return new Criterion.And(List.of());
        }
        if (clause.length() > MAX_LENGTH) {
            throw error(MAX_LENGTH, "the clause is longer than " + MAX_LENGTH + " characters");
        }
        WhereClause parser = new WhereClause(Tokenizer.tokens(clause));
        Criterion criterion = parser.or();
        Token rest = parser.peek();
        if (rest.kind() != Kind.END) {
            throw error(rest.position(), "expected AND, OR or the end, found '" + rest.text() + "'");
        }
        return criterion;
    }

    /** Reads "TASK.PRIORITY ASC, TASK.DUE DESC" into sort keys. */
    public static List<SortKey> orderBy(String clause) {
        if (clause == null || clause.isBlank()) {
            return SortKey.DEFAULT;
        }
        WhereClause parser = new WhereClause(Tokenizer.tokens(clause));
        Map<String, TaskField> sortable = Map.of(
                "TASK.PRIORITY",
                TaskField.PRIORITY,
                "TASK.DUE",
                TaskField.DUE_TIME,
                "TASK.ACTIVATED",
                TaskField.ACTIVATION_TIME,
                "TASK.NAME",
                TaskField.NAME,
                "TASK.CREATED",
                TaskField.CREATION_TIME);
        List<SortKey> keys = new ArrayList<>();
        Set<TaskField> seen = new HashSet<>();
        do {
            Token column = parser.take();
            TaskField field = sortable.get(column.upper());
            if (field == null || !seen.add(field)) {
                throw orderError(column.position(), "sort by one of " + sortable.keySet() + ", each once");
            }
            boolean descending = false;
            if (parser.peek().isWord("ASC") || parser.peek().isWord("DESC")) {
                descending = parser.take().isWord("DESC");
            }
            keys.add(new SortKey(field, descending));
        } while (parser.accept(Kind.COMMA));
        if (parser.peek().kind() != Kind.END) {
            throw orderError(parser.peek().position(), "expected ',' or the end");
        }
        return keys;
    }

    private Criterion or() {
        List<Criterion> any = new ArrayList<>(List.of(and()));
        while (peek().isWord("OR")) {
            take();
            any.add(and());
        }
        return any.size() == 1 ? any.get(0) : new Criterion.Or(any);
    }

    private Criterion and() {
        List<Criterion> all = new ArrayList<>(List.of(unary()));
        while (peek().isWord("AND")) {
            take();
            all.add(unary());
        }
        return all.size() == 1 ? all.get(0) : new Criterion.And(all);
    }

    private Criterion unary() {
        if (++depth > MAX_DEPTH) {
            throw error(peek().position(), "nested more than " + MAX_DEPTH + " levels deep");
        }
        try {
            if (peek().isWord("NOT")) {
                take();
                return new Criterion.Not(unary());
            }
            if (accept(Kind.OPEN)) {
                Criterion inner = or();
                expect(Kind.CLOSE, "')'");
                return inner;
            }
            return condition();
        } finally {
            depth--;
        }
    }

    private Criterion condition() {
        Token column = take();
        if (column.kind() != Kind.WORD) {
            throw error(column.position(), "expected a column such as TASK.STATE, found '" + column.text() + "'");
        }
        if (column.upper().equals("WORK_ITEM.REASON")) {
            Token op = take();
            if (op.kind() != Kind.OPERATOR || !op.text().equals("=")) {
                throw error(op.position(), "WORK_ITEM.REASON takes '='");
            }
            Token reason = take();
            PeopleRole role = REASONS.get(reason.upper().replace("WORK_ITEM.REASON.", ""));
            if (role == null) {
                throw error(reason.position(), "expected one of WORK_ITEM.REASON." + REASONS.keySet());
            }
            return new Criterion.CallerHasWorkItem(role);
        }
        Optional<DataField> data;
        try {
            data = DataField.parse(column.text(), "TASK.");
        } catch (IllegalArgumentException e) {
            throw error(column.position(), e.getMessage());
        }
        if (data.isPresent()) {
            if (++dataConditions > WorkListFilters.MAX_DATA_CONDITIONS) {
                throw error(
                        column.position(),
                        "at most " + WorkListFilters.MAX_DATA_CONDITIONS + " conditions on the task's data");
            }
            return dataCondition(data.get());
        }
        TaskField field = COLUMNS.get(column.upper());
        if (field == null) {
            throw error(
                    column.position(),
                    "unknown column '" + column.text() + "'; known: " + COLUMNS.keySet() + " and WORK_ITEM.REASON");
        }
        Token verb = take();
        if (verb.isWord("IS")) {
            return new Criterion.IsNull(field, isNotNull());
        }
        if (verb.isWord("LIKE")) {
            return new Criterion.StartsWith(field, prefix(field.type() == String.class));
        }
        if (verb.isWord("IN")) {
            expect(Kind.OPEN, "'('");
            Set<Object> values = new HashSet<>();
            do {
                values.add(value(field));
            } while (accept(Kind.COMMA));
            expect(Kind.CLOSE, "')'");
            return new Criterion.In(field, values);
        }
        if (verb.kind() != Kind.OPERATOR) {
            throw error(verb.position(), "expected =, <>, <, <=, >, >=, IS, LIKE or IN, found '" + verb.text() + "'");
        }
        return new Criterion.Compare(field, Criterion.Op.of(verb.text()), value(field));
    }

    /** The rest of IS [NOT] NULL: whether it says NOT. */
    private boolean isNotNull() {
        boolean negated = peek().isWord("NOT");
        if (negated) {
            take();
        }
        Token nullWord = take();
        if (!nullWord.isWord("NULL")) {
            throw error(nullWord.position(), "expected NULL");
        }
        return negated;
    }

    /** The prefix of a LIKE pattern, which must be 'text%'. */
    private String prefix(boolean textColumn) {
        Token pattern = take();
        String text = pattern.text();
        if (pattern.kind() != Kind.STRING
                || !textColumn
                || !text.endsWith("%")
                || text.indexOf('%') != text.length() - 1) {
            throw error(pattern.position(), "LIKE takes a text column and a prefix pattern such as 'approve%'");
        }
        return text.substring(0, text.length() - 1);
    }

    /** A condition on the task's data: as on a column, with a literal whose type says how it compares. */
    private Criterion dataCondition(DataField field) {
        Token verb = take();
        if (verb.isWord("IS")) {
            return data(verb, field, isNotNull() ? DataTest.IS_NOT_NULL : DataTest.IS_NULL, null);
        }
        if (verb.isWord("LIKE")) {
            Token pattern = peek();
            return data(pattern, field, DataTest.STARTS_WITH, prefix(true));
        }
        if (verb.isWord("IN")) {
            expect(Kind.OPEN, "'('");
            List<Criterion> any = new ArrayList<>();
            do {
                Token token = peek();
                any.add(data(token, field, DataTest.EQ, dataValue()));
            } while (accept(Kind.COMMA));
            expect(Kind.CLOSE, "')'");
            return new Criterion.Or(any);
        }
        if (verb.kind() != Kind.OPERATOR) {
            throw error(verb.position(), "expected =, <>, <, <=, >, >=, IS, LIKE or IN, found '" + verb.text() + "'");
        }
        Token token = peek();
        return data(token, field, DataTest.of(Criterion.Op.of(verb.text())), dataValue());
    }

    private static Criterion data(Token at, DataField field, DataTest test, Object value) {
        try {
            return DataMatch.condition(field, test, value);
        } catch (IllegalArgumentException e) {
            throw error(at.position(), e.getMessage());
        }
    }

    /** A literal for the task's data: 'text', a number, TRUE or FALSE, or TS('…') for a time. */
    private Object dataValue() {
        Token token = take();
        if (token.kind() == Kind.STRING) {
            return token.text();
        }
        if (token.kind() == Kind.NUMBER) {
            return new BigDecimal(token.text());
        }
        if (token.isWord("TRUE") || token.isWord("FALSE")) {
            return token.isWord("TRUE");
        }
        if (token.isWord("TS")) {
            return timestampArgument();
        }
        throw error(
                token.position(), "expected 'text', a number, TRUE, FALSE or TS('…'), found '" + token.text() + "'");
    }

    /** A literal of the field's type. */
    private Object value(TaskField field) {
        Token token = take();
        Class<?> type = field.type();
        if (type == String.class && token.kind() == Kind.STRING) {
            return token.text();
        }
        if (type == Integer.class && token.kind() == Kind.NUMBER) {
            try {
                return Integer.parseInt(token.text());
            } catch (NumberFormatException e) {
                throw error(
                        token.position(), "expected an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
            }
        }
        if (type == Boolean.class && (token.isWord("TRUE") || token.isWord("FALSE"))) {
            return token.isWord("TRUE");
        }
        if (type == Instant.class && token.isWord("TS")) {
            return timestampArgument();
        }
        if (type == TaskState.class) {
            return constant(token, TaskState.class, "TASK.STATE.");
        }
        if (type == TaskKind.class) {
            return constant(token, TaskKind.class, "TASK.KIND.");
        }
        throw error(
                token.position(),
                "expected " + describe(type) + " for " + field.name() + ", found '" + token.text() + "'");
    }

    private static <E extends Enum<E>> E constant(Token token, Class<E> type, String prefix) {
        String name = token.kind() == Kind.STRING ? token.text() : token.upper().replace(prefix, "");
        if (token.kind() == Kind.STRING || token.kind() == Kind.WORD) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
        }
        throw error(
                token.position(),
                "expected one of " + prefix + "{"
                        + String.join(
                                ", ",
                                Arrays.stream(type.getEnumConstants())
                                        .map(Enum::name)
                                        .toList()) + "}");
    }

    /** The rest of TS('…'), after the word TS. */
    private Instant timestampArgument() {
        expect(Kind.OPEN, "'('");
        Token text = take();
        expect(Kind.CLOSE, "')'");
        return timestamp(text);
    }

    private static Instant timestamp(Token token) {
        if (token.kind() == Kind.STRING) {
            try {
                Instant time = Times.parse(token.text())
                        .orElseGet(() -> LocalDateTime.parse(token.text()).toInstant(ZoneOffset.UTC));
                if (Times.inRange(time).isPresent()) {
                    return time;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw error(token.position(), "TS takes an ISO-8601 time from 1970 to 9999 such as TS('2026-12-01T12:00:00Z')");
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class) {
            return "an integer";
        }
        if (type == Boolean.class) {
            return "TRUE or FALSE";
        }
        if (type == Instant.class) {
            return "TS('…')";
        }
        return "a 'string'";
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() == Kind.END) {
            throw error(token.position(), "the clause ends too early");
        }
        next++;
        return token;
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(Kind kind, String what) {
        if (!accept(kind)) {
            throw error(peek().position(), "expected " + what + ", found '" + peek().text() + "'");
        }
    }

    static HtmException error(int position, String problem) {
        return HtmException.invalidInput("whereClause", "at position " + position + ": " + problem);
    }

    static HtmException orderError(int position, String problem) {
        return HtmException.invalidInput("orderByClause", "at position " + position + ": " + problem);
    }

    enum Kind {
        WORD,
        STRING,
        NUMBER,
        OPERATOR,
        OPEN,
        CLOSE,
        COMMA,
        END
    }

    /** A piece of the clause and where it starts (1-based). */
    record Token(Kind kind, String text, int position) {

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }

        boolean isWord(String word) {
            return kind == Kind.WORD && upper().equals(word);
        }
    }

    /** Splits a clause into tokens; a character that starts no token is a 400 at its position. */
    static final class Tokenizer {

        private Tokenizer() {}

        static List<Token> tokens(String clause) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            while (i < clause.length()) {
                char c = clause.charAt(i);
                int start = i;
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (Character.isLetter(c) || c == '_') {
                    while (i < clause.length()
                            && (Character.isLetterOrDigit(clause.charAt(i))
                                    || clause.charAt(i) == '_'
                                    || clause.charAt(i) == '.')) {
                        i++;
                    }
                    tokens.add(new Token(Kind.WORD, clause.substring(start, i), start + 1));
                } else if (Character.isDigit(c)
                        || (c == '-' && i + 1 < clause.length() && Character.isDigit(clause.charAt(i + 1)))) {
                    Matcher number = NUMBER.matcher(clause).region(i, clause.length());
                    if (!number.lookingAt()) {
                        throw error(start + 1, "not a number");
                    }
                    i = number.end();
                    tokens.add(new Token(Kind.NUMBER, clause.substring(start, i), start + 1));
                } else if (c == '\'') {
                    StringBuilder text = new StringBuilder();
                    i++;
                    while (true) {
                        if (i >= clause.length()) {
                            throw error(start + 1, "the string starting here is not closed");
                        }
                        if (clause.charAt(i) == '\'') {
                            if (i + 1 < clause.length() && clause.charAt(i + 1) == '\'') {
                                text.append('\'');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        text.append(clause.charAt(i++));
                    }
                    tokens.add(new Token(Kind.STRING, text.toString(), start + 1));
                } else if ("=<>!".indexOf(c) >= 0) {
                    i++;
                    if (i < clause.length() && "=>".indexOf(clause.charAt(i)) >= 0 && c != '=') {
                        i++;
                    }
                    String op = clause.substring(start, i);
                    if (!Set.of("=", "<>", "!=", "<", "<=", ">", ">=").contains(op)) {
                        throw error(start + 1, "unknown operator '" + op + "'");
                    }
                    tokens.add(new Token(Kind.OPERATOR, op, start + 1));
                } else if (c == '(') {
                    tokens.add(new Token(Kind.OPEN, "(", ++i));
                } else if (c == ')') {
                    tokens.add(new Token(Kind.CLOSE, ")", ++i));
                } else if (c == ',') {
                    tokens.add(new Token(Kind.COMMA, ",", ++i));
                } else {
                    throw error(start + 1, "unexpected character '" + c + "'");
                }
            }
            tokens.add(new Token(Kind.END, "", clause.length() + 1));
            return tokens;
        }
    }
}
