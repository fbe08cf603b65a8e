package htm.task.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The bytes of one binary custom property; read only when asked for. */
@Entity
@Table(name = "task_binary_property",
        uniqueConstraints = @UniqueConstraint(name = "uq_binary_property", columnNames = {"task_id", "prop_name"}))
public class BinaryCustomProperty {

    /** The largest value HTM keeps, in bytes. */
    public static final int MAX_BYTES = 1024 * 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "binary_property_seq")
    @SequenceGenerator(name = "binary_property_seq", sequenceName = "task_binary_property_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false, updatable = false)
    private Task task;

    @Column(name = "prop_name", length = 255, nullable = false)
    private String name;

    @Column(name = "media_type", length = 255, nullable = false)
    private String mediaType;

    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(name = "content", length = MAX_BYTES, nullable = false)
    private byte[] content;

    protected BinaryCustomProperty() {
    }

    public BinaryCustomProperty(Task task, String name, String mediaType, byte[] content) {
        this.task = task;
        this.name = name;
        this.mediaType = mediaType;
        this.content = content.clone();
    }

    public void replace(String newMediaType, byte[] newContent) {
        mediaType = newMediaType;
        content = newContent.clone();
    }

    public String name() { return name; }
    public String mediaType() { return mediaType; }
    public byte[] content() { return content.clone(); }
}
