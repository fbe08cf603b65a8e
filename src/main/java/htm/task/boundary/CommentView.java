package htm.task.boundary;

import htm.task.control.Times;
import htm.task.entity.Comment;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A comment as API.md §3 shows it. */
@JsonbPropertyOrder({"id", "author", "time", "text"})
public record CommentView(String id, String author, String time, String text) {

    public static CommentView of(Comment comment) {
        return new CommentView(
                String.valueOf(comment.id()), comment.author(), Times.format(comment.time()), comment.text());
    }
}
