package htm.template.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What tasks made from it start with: the fields of a task's create body as defaults (a create request
 * overrides each field it gives) and an escalation chain. Both are kept as the JSON they were written in,
 * checked when the template was stored.
 */
@Entity
@Table(name = "task_template", indexes = @Index(name = "ix_template_name", columnList = "name"))
public class TaskTemplate {

    @Id
    @Column(length = 36)
    private String tktid;

    @Column(length = 255, nullable = false, updatable = false)
    private String name;

    @Column(length = 255, updatable = false)
    private String namespace;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "defaults_json", nullable = false, updatable = false)
    private String defaults;

    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "escalations_json", nullable = false, updatable = false)
    private String escalations;

    @Column(name = "created_by", length = 255, nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "creation_time", nullable = false, updatable = false)
    private Instant creationTime;

    protected TaskTemplate() {}

    public TaskTemplate(
            String name, String namespace, String defaults, String escalations, String createdBy, Instant now) {
        this.tktid = UUID.randomUUID().toString();
        this.name = name;
        this.namespace = namespace;
        this.defaults = defaults;
        this.escalations = escalations;
        this.createdBy = createdBy;
        this.creationTime = now;
    }

    public String tktid() {
        return tktid;
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    public String defaults() {
        return defaults;
    }

    public String escalations() {
        return escalations;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant creationTime() {
        return creationTime;
    }
}
