package dev.propsops.staging;

/** The {@code type} column of {@code __TABLES__}: only base tables are ever pruned. */
public enum TableType {
    TABLE("table"),
    VIEW("view"),
    EXTERNAL("external"),
    OTHER("other");

    private final String label;

    TableType(String label) {
        this.label = label;
    }

    /** 1 table, 2 view, 3 external; any other code is a kind we do not know and never touch. */
    public static TableType ofCode(long code) {
        return switch ((int) code) {
            case 1 -> TABLE;
            case 2 -> VIEW;
            case 3 -> EXTERNAL;
            default -> OTHER;
        };
    }

    public String label() {
        return label;
    }
}
