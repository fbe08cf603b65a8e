package htm.security.control;

/** The application roles of API.md §1; their names are the security role names in server.xml. */
public enum Role {
    ADMIN("admin"),
    APIWRITE("apiwrite"),
    APIREAD("apiread"),
    SUPPORT("support"),
    ENGINEERING("engineering");

    public static final String ADMIN_NAME = "admin";
    public static final String APIWRITE_NAME = "apiwrite";
    public static final String APIREAD_NAME = "apiread";
    public static final String SUPPORT_NAME = "support";
    public static final String ENGINEERING_NAME = "engineering";

    private final String roleName;

    Role(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }
}
