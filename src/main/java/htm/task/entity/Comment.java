package htm.task.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A remark on a task; its author and time come from the server. */
@Entity
@Table(name = "task_comment", indexes = @Index(name = "ix_comment_task", columnList = "task_id, created_at, id"))
public class Comment {

    public static final int MAX_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comment_seq")
    @SequenceGenerator(name = "comment_seq", sequenceName = "task_comment_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false, updatable = false)
    private Task task;

    @Column(length = 255, nullable = false, updatable = false)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant time;

    @Column(length = MAX_LENGTH, nullable = false, updatable = false)
    private String text;

    protected Comment() {}

    Comment(Task task, String author, String text, Instant time) {
        this.task = task;
        this.author = author;
        this.text = text;
        this.time = time;
    }

    public Long id() {
        return id;
    }

    public String author() {
        return author;
    }

    public Instant time() {
        return time;
    }

    public String text() {
        return text;
    }
}
