package htm.job.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A job: the tasks that share one containment context (HTM's containmentContextID is the job's id), as
 * Itential groups a workflow's tasks. One user claims it.
 */
@Entity
@Table(name = "job")
public class Job {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** 24 hexadecimal digits, the shape of the MongoDB ObjectId Itential clients send. */
    @Id
    @Column(length = 24)
    private String id;

    @Version
    private long version;

    @Column(length = 255, nullable = false)
    private String name;

    @Column(length = 255)
    private String owner;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "created_by", length = 255, nullable = false)
    private String createdBy;

    @Column(nullable = false)
    private Instant created;

    @Column(name = "last_updated_by", length = 255, nullable = false)
    private String lastUpdatedBy;

    @Column(name = "last_updated", nullable = false)
    private Instant lastUpdated;

    @ElementCollection
    @CollectionTable(
            name = "job_watcher",
            joinColumns = @JoinColumn(name = "job_id"),
            indexes = @Index(name = "ix_job_watcher_job", columnList = "job_id"))
    @OrderColumn(name = "position")
    @Column(name = "watcher", length = 255)
    private List<String> watchers = new ArrayList<>();

    protected Job() {}

    public static Job create(String name, List<String> watchers, String creator, Instant now) {
        Job job = new Job();
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        job.id = HexFormat.of().formatHex(bytes);
        job.name = name;
        job.watchers.addAll(watchers);
        job.createdBy = creator;
        job.created = now;
        job.lastUpdatedBy = creator;
        job.lastUpdated = now;
        return job;
    }

    public boolean isClaimedByAnotherThan(String user) {
        return owner != null && !owner.equals(user);
    }

    public void claimFor(String user, String principal, Instant now) {
        if (owner == null) {
            claimedAt = now;
        }
        owner = user;
        lastUpdatedBy = principal;
        lastUpdated = now;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String owner() {
        return owner;
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant created() {
        return created;
    }

    public String lastUpdatedBy() {
        return lastUpdatedBy;
    }

    public Instant lastUpdated() {
        return lastUpdated;
    }

    public List<String> watchers() {
        return List.copyOf(watchers);
    }
}
