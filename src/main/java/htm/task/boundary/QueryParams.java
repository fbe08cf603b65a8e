package htm.task.boundary;

import htm.problem.entity.HtmException;

/** Query parameters are read as text and converted here: a bad value is a 400 naming it, never a 404. */
final class QueryParams {

    private QueryParams() {}

    static boolean flag(String field, String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw HtmException.invalidInput(field, "must be true or false");
    }

    /** A required user, group or fault name. */
    static String name(String field, String text) {
        if (text == null || text.isBlank()) {
            throw HtmException.invalidInput(field, "required");
        }
        if (text.length() > 255) {
            throw HtmException.invalidInput(field, "longer than 255 characters");
        }
        return text;
    }
}
