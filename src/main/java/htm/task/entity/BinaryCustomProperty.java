package htm.task.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The bytes of one binary custom property; read only when asked for. */
@Entity
@Table(
        name = "task_binary_property",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uq_binary_property",
                        columnNames = {"task_id", "prop_name"}))
public class BinaryCustomProperty {

    private static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

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
    @Column(name = "content", nullable = false)
    private byte[] content;

    protected BinaryCustomProperty() {}

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

    /**
     * How a browser is to take the bytes: a picture of a plain image type may show in place, anything else
     * (HTML, SVG, scripts) is only ever saved as a file, never run as a page of HTM's origin.
     */
    public String disposition() {
        String type = mediaType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        boolean inline = INLINE_TYPES.contains((parameters < 0 ? type : type.substring(0, parameters)).strip());
        return (inline ? "inline" : "attachment") + "; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public String name() {
        return name;
    }

    public String mediaType() {
        return mediaType;
    }

    public byte[] content() {
        return content.clone();
    }
}
